package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/data"
)

// MaxCustomRoles is how many custom roles one user may hold (seed 004).
const MaxCustomRoles = 5

// isTenantAdmin reports whether the user holds the Tenant Administrator role.
func isTenantAdmin(roles []data.RoleAssignment) bool {
	for _, r := range roles {
		if r.Role.BuiltinKey == data.RoleTenantAdmin {
			return true
		}
	}
	return false
}

// tenantAdminLock refuses role changes on a Tenant Administrator: they would have no
// effect in Nimbus, which protects the tenant from locking its administrators out.
func tenantAdminLock(u data.NimbusUser, roles []data.RoleAssignment) error {
	if isTenantAdmin(roles) {
		return refuse("role.tenant-admin",
			"%s is a Tenant Administrator: role changes have no effect on a Tenant Administrator (lock-out protection), so nothing was changed",
			displayName(u))
	}
	return nil
}

// AssignRole gives a user a built-in or custom role in an OU scope and returns the new
// assignment's id. Tenant Administrator comes only from the tenant administration
// security group; custom roles must live in the user's OU or above, at most five a user.
func (a *App) AssignRole(ctx context.Context, idOrUPN string, roleID, scopeOU int64) (int64, error) {
	var id int64
	err := a.change(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
		u, roles, tree, err := roleContext(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		role, err := q.Role(roleID)
		if errors.Is(err, data.ErrNotFound) {
			return nil, &NotFoundError{What: "role", Key: fmt.Sprint(roleID)}
		} else if err != nil {
			return nil, err
		}
		if !tree.Has(scopeOU) {
			return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(scopeOU)}
		}
		if err := tenantAdminLock(u, roles); err != nil {
			return nil, err
		}
		if role.BuiltinKey == data.RoleTenantAdmin {
			settings, err := q.TenantSettings()
			if err != nil {
				return nil, err
			}
			return nil, refuse("role.tenant-admin-group",
				"Tenant Administrator is granted through the tenant administration security group %q: add %s to that group in Entra ID",
				settings.AdminSecurityGroup, displayName(u))
		}
		if role.Kind == data.CustomRole {
			if err := checkAssignable(tree, u, "custom role", role.Name, role.OUID); err != nil {
				return nil, err
			}
			if n := countCustom(roles); n >= MaxCustomRoles {
				return nil, refuse("role.custom-limit",
					"%s already holds %d custom roles, the most a user can have; remove one first", displayName(u), n)
			}
		}
		for _, r := range roles {
			if r.Role.ID == role.ID && r.ScopeOUID == scopeOU && !r.AutoGranted {
				return nil, refuse("role.duplicate", "%s already holds %s in %s", displayName(u), role.Name, tree.Path(scopeOU))
			}
		}
		if id, err = q.AssignRole(u.ID, role.ID, scopeOU, false, 0); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.role.add", u.UPN, "", role.Name+" in "+tree.Path(scopeOU))}, nil
	})
	return id, err
}

// ChangeRoleScope moves a role assignment to another OU scope.
func (a *App) ChangeRoleScope(ctx context.Context, idOrUPN string, assignmentID, scopeOU int64) error {
	return a.change(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
		u, as, tree, err := editableAssignment(q, idOrUPN, assignmentID)
		if err != nil {
			return nil, err
		}
		if !tree.Has(scopeOU) {
			return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(scopeOU)}
		}
		if err := q.SetRoleScope(as.ID, scopeOU); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.role.scope", u.UPN,
			as.Role.Name+" in "+tree.Path(as.ScopeOUID), as.Role.Name+" in "+tree.Path(scopeOU))}, nil
	})
}

// RemoveRole takes a role assignment from a user, unless it was granted automatically.
func (a *App) RemoveRole(ctx context.Context, idOrUPN string, assignmentID int64) error {
	return a.change(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
		u, as, tree, err := editableAssignment(q, idOrUPN, assignmentID)
		if err != nil {
			return nil, err
		}
		if err := q.RemoveRoleAssignment(as.ID); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.role.remove", u.UPN, as.Role.Name+" in "+tree.Path(as.ScopeOUID), "")}, nil
	})
}

func roleContext(q *data.Q, idOrUPN string) (data.NimbusUser, []data.RoleAssignment, *OUTree, error) {
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return u, nil, nil, err
	}
	roles, err := q.UserRoles(u.ID)
	if err != nil {
		return u, nil, nil, err
	}
	tree, err := loadTree(q)
	return u, roles, tree, err
}

// editableAssignment finds one of the user's assignments and applies the rules that
// keep it from being edited: auto-granted roles and the Tenant Administrator lock.
func editableAssignment(q *data.Q, idOrUPN string, assignmentID int64) (data.NimbusUser, data.RoleAssignment, *OUTree, error) {
	u, roles, tree, err := roleContext(q, idOrUPN)
	if err != nil {
		return u, data.RoleAssignment{}, nil, err
	}
	for _, r := range roles {
		if r.ID != assignmentID {
			continue
		}
		if r.AutoGranted {
			return u, r, tree, refuse("role.auto-granted",
				"%s was granted automatically (%s) and cannot be edited or removed here", r.Role.Name, autoSource(q, r))
		}
		return u, r, tree, tenantAdminLock(u, roles)
	}
	return u, data.RoleAssignment{}, tree, &NotFoundError{What: "role assignment of " + displayName(u), Key: fmt.Sprint(assignmentID)}
}

// autoSource says where an auto-granted role comes from.
func autoSource(q *data.Q, r data.RoleAssignment) string {
	if r.SourceServiceID != 0 {
		if s, err := q.Service(r.SourceServiceID); err == nil && s.AssignmentType == data.TeamsBased {
			return fmt.Sprintf("from the Team of the service %q; change it in Microsoft Teams", s.Name)
		} else if err == nil {
			return fmt.Sprintf("by the membership in the service %q; change it under Configuration > Services", s.Name)
		}
	}
	if r.Role.BuiltinKey == data.RoleTenantAdmin {
		return "from the tenant administration security group; change it in Entra ID"
	}
	return "by Nimbus"
}

func countCustom(roles []data.RoleAssignment) int {
	seen := map[int64]bool{}
	for _, r := range roles {
		if r.Role.Kind == data.CustomRole {
			seen[r.Role.ID] = true
		}
	}
	return len(seen)
}

// checkAssignable is the "same OU or higher" rule: an item can be assigned to a user only
// when it lives in the user's OU or one of its ancestors.
func checkAssignable(tree *OUTree, u data.NimbusUser, kind, name string, itemOU int64) error {
	if tree.IsSameOrAncestor(itemOU, u.OUID) {
		return nil
	}
	return refuse("scope.ou",
		"the %s %q lives in %s, which is not %s's organization unit (%s) or above it; only items from the user's OU or higher can be assigned",
		kind, name, tree.Path(itemOU), displayName(u), tree.Path(u.OUID))
}
