package app

import (
	"fmt"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// MaxCustomRoles is how many custom roles one user may hold.
const MaxCustomRoles = 5

// NoEffectWhileTenantAdmin marks a role held by a Tenant Administrator: roles can be
// added to and removed from them, but have no effect, so that no role change can lock a
// Tenant Administrator out.
const NoEffectWhileTenantAdmin = "no effect while Tenant Administrator"

// isTenantAdmin reports whether the user holds the Tenant Administrator role.
func isTenantAdmin(roles []data.RoleAssignment) bool {
	for _, r := range roles {
		if r.Role.BuiltinKey == data.RoleTenantAdmin {
			return true
		}
	}
	return false
}

// roleNeedsContactCenter reports whether holding the role needs a Contact Center
// licence: the supervisor roles, Skill-Based user, Agent, Service Owner and custom roles.
func roleNeedsContactCenter(r data.Role) bool {
	switch r.BuiltinKey {
	case data.RoleSupervisorUser, data.RoleSupervisorService, data.RoleSkillBasedUser, data.RoleAgent, data.RoleServiceOwner:
		return true
	}
	return r.Kind == data.CustomRole
}

// roleNotByHand says why a built-in role is never assigned by hand, or "" when it can be:
// Team roles follow Team membership, Agent and Service Owner follow the membership of a
// Skill-based service, and Tenant Administrator follows the security group.
func roleNotByHand(q *data.Q, r data.Role, u data.NimbusUser) (string, error) {
	switch r.BuiltinKey {
	case data.RoleTeamMember, data.RoleTeamOwner, data.RoleTeamOwnerLimited:
		return fmt.Sprintf("%s comes from membership or ownership of a Team in Microsoft Teams and is never assigned by hand", r.Name), nil
	case data.RoleAgent:
		return fmt.Sprintf("Agent comes from being an agent of a Skill-based service: add %s as an agent under Configuration > Services", displayName(u)), nil
	case data.RoleServiceOwner:
		return fmt.Sprintf("Service Owner comes from being an owner of a Skill-based service: add %s as an owner under Configuration > Services", displayName(u)), nil
	case data.RoleTenantAdmin:
		settings, err := q.TenantSettings()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("Tenant Administrator is granted through the tenant administration security group %q: add %s to that group in Entra ID",
			settings.AdminSecurityGroup, displayName(u)), nil
	}
	return "", nil
}

// roleLicence refuses a role that needs a Contact Center licence the user lacks.
func roleLicence(u data.NimbusUser, role data.Role) error {
	if roleNeedsContactCenter(role) && !u.Licences.Has(data.ContactCenter) {
		return refuse("role.cc-required", "%s needs a Contact Center licence, which %s does not hold; grant it on the General tab first",
			role.Name, displayName(u))
	}
	return nil
}

// roleDuplicate refuses a role the user already holds in the scope (skip is the
// assignment being moved, 0 for none).
func roleDuplicate(roles []data.RoleAssignment, u data.NimbusUser, role data.Role, scopeOU, skip int64, tree *outree.Tree) error {
	for _, r := range roles {
		if r.ID != skip && r.Role.ID == role.ID && r.ScopeOUID == scopeOU {
			return refuse("role.duplicate", "%s already holds %s in %s", displayName(u), role.Name, tree.Path(scopeOU))
		}
	}
	return nil
}

func holdsRole(roles []data.RoleAssignment, roleID int64) bool {
	for _, r := range roles {
		if r.Role.ID == roleID {
			return true
		}
	}
	return false
}

func roleContext(q *data.Q, idOrUPN string) (data.NimbusUser, []data.RoleAssignment, *outree.Tree, error) {
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

// editableAssignment finds one of the user's assignments and refuses it when it was
// granted automatically: those follow from Teams, services or the security group.
func editableAssignment(q *data.Q, u data.NimbusUser, roles []data.RoleAssignment, assignmentID int64) (data.RoleAssignment, error) {
	for _, r := range roles {
		if r.ID != assignmentID {
			continue
		}
		if r.AutoGranted {
			return r, refuse("role.auto-granted",
				"%s was granted automatically (%s) and cannot be edited or removed here", r.Role.Name, autoSource(q, r))
		}
		return r, nil
	}
	return data.RoleAssignment{}, &NotFoundError{What: "role assignment of " + displayName(u), Key: fmt.Sprint(assignmentID)}
}

// autoSource says where an auto-granted role comes from.
func autoSource(q *data.Q, r data.RoleAssignment) string {
	if r.SourceServiceID != 0 {
		s, err := q.Service(r.SourceServiceID)
		switch {
		case err == nil && s.AssignmentType == data.TeamsBased && isTeamOwnerRole(r.Role.BuiltinKey):
			return fmt.Sprintf("from the Team of the service %q; ownership changes in Microsoft Teams, the full or limited owner role under Configuration > Services", s.Name)
		case err == nil && s.AssignmentType == data.TeamsBased:
			return fmt.Sprintf("from the Team of the service %q; change it in Microsoft Teams", s.Name)
		case err == nil:
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
func checkAssignable(tree *outree.Tree, u data.NimbusUser, kind, name string, itemOU int64) error {
	if tree.IsSameOrAncestor(itemOU, u.OUID) {
		return nil
	}
	return refuse("scope.ou",
		"the %s %q lives in %s, which is not %s's organization unit (%s) or above it; only items from the user's OU or higher can be assigned",
		kind, name, tree.Path(itemOU), displayName(u), tree.Path(u.OUID))
}

// isTeamOwnerRole tells whether a built-in key is one of the two Team Owner roles, between
// which an admin may switch a synced owner.
func isTeamOwnerRole(key string) bool {
	return key == data.RoleTeamOwner || key == data.RoleTeamOwnerLimited
}
