package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// AssignRole gives a user a built-in or custom role in an OU scope; the outcome's ID is
// the new assignment's. Only Tenant Administrators manage roles by hand; roles that follow
// from Teams, services or the security group are refused, as are roles needing a Contact
// Center licence the user lacks, custom roles from outside the user's OU or above, a
// sixth custom role and a role the user already holds in that scope.
type AssignRole struct {
	Base
	User  string `json:"user"` // O365 ID or UPN
	Role  int64  `json:"role"`
	Scope int64  `json:"scope"` // the OU the role applies to
}

// Kind names the command.
func (AssignRole) Kind() string { return "user.role.add" }

func (cmd AssignRole) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, roles, tree, err := roleContext(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.tenantAdmin("managing the roles of " + displayName(u)); err != nil {
		return nil, err
	}
	role, err := q.Role(cmd.Role)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: "role", Key: fmt.Sprint(cmd.Role)}
	} else if err != nil {
		return nil, err
	}
	if !tree.Has(cmd.Scope) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(cmd.Scope)}
	}
	if why, err := roleNotByHand(q, role, u); err != nil {
		return nil, err
	} else if why != "" {
		return nil, refuse("role.not-by-hand", "%s", why)
	}
	if err := roleLicence(u, role); err != nil {
		return nil, err
	}
	if role.Kind == data.CustomRole {
		if err := checkAssignable(tree, u, "custom role", role.Name, role.OUID); err != nil {
			return nil, err
		}
		if n := countCustom(roles); n >= MaxCustomRoles && !holdsRole(roles, role.ID) {
			return nil, refuse("role.custom-limit",
				"%s already holds %d custom roles, the most a user can have; remove one first", displayName(u), n)
		}
	}
	if err := roleDuplicate(roles, u, role, cmd.Scope, 0, tree); err != nil {
		return nil, err
	}
	if c.out.ID, err = q.AssignRole(u.ID, role.ID, cmd.Scope, false, 0); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.role.add", u.UPN, "", role.Name+" in "+tree.Path(cmd.Scope))}, nil
}

// AssignRole is shorthand for Do with AssignRole, for code that acts at once; it returns
// the new assignment's id.
func (a *App) AssignRole(ctx context.Context, idOrUPN string, roleID, scopeOU int64) (int64, error) {
	out, err := a.Do(ctx, AssignRole{User: idOrUPN, Role: roleID, Scope: scopeOU})
	return out.ID, err
}

// ChangeRoleScope moves one of a user's role assignments to another OU scope.
type ChangeRoleScope struct {
	Base
	User       string `json:"user"` // O365 ID or UPN
	Assignment int64  `json:"assignment"`
	Scope      int64  `json:"scope"` // the OU the role applies to from now on
}

// Kind names the command.
func (ChangeRoleScope) Kind() string { return "user.role.scope" }

func (cmd ChangeRoleScope) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, roles, tree, as, err := editRole(c, cmd.User, cmd.Assignment)
	if err != nil {
		return nil, err
	}
	if !tree.Has(cmd.Scope) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(cmd.Scope)}
	}
	if as.ScopeOUID == cmd.Scope {
		return nil, nil
	}
	if err := roleDuplicate(roles, u, as.Role, cmd.Scope, as.ID, tree); err != nil {
		return nil, err
	}
	if err := q.SetRoleScope(as.ID, cmd.Scope); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.role.scope", u.UPN,
		as.Role.Name+" in "+tree.Path(as.ScopeOUID), as.Role.Name+" in "+tree.Path(cmd.Scope))}, nil
}

// RemoveRole takes a role assignment from a user, unless it was granted automatically.
type RemoveRole struct {
	Base
	User       string `json:"user"` // O365 ID or UPN
	Assignment int64  `json:"assignment"`
}

// Kind names the command.
func (RemoveRole) Kind() string { return "user.role.remove" }

func (cmd RemoveRole) apply(c *changeCtx) ([]data.JournalEntry, error) {
	u, _, tree, as, err := editRole(c, cmd.User, cmd.Assignment)
	if err != nil {
		return nil, err
	}
	if err := c.q.RemoveRoleAssignment(as.ID); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.role.remove", u.UPN, as.Role.Name+" in "+tree.Path(as.ScopeOUID), "")}, nil
}

// editRole is the start of a change to one of a user's role assignments: the user with
// their roles and the OU tree, the permission (role management is for Tenant
// Administrators), and the assignment, which must be one granted by hand.
func editRole(c *changeCtx, idOrUPN string, assignmentID int64) (data.NimbusUser, []data.RoleAssignment, *outree.Tree, data.RoleAssignment, error) {
	u, roles, tree, err := roleContext(c.q, idOrUPN)
	if err != nil {
		return u, nil, nil, data.RoleAssignment{}, err
	}
	if err := c.may.tenantAdmin("managing the roles of " + displayName(u)); err != nil {
		return u, nil, nil, data.RoleAssignment{}, err
	}
	as, err := editableAssignment(c.q, u, roles, assignmentID)
	return u, roles, tree, as, err
}
