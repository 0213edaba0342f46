package app

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// Custom-role permission items and bits that matter for self-elevation: the
// General tab of a user holds their Organization Unit.
const (
	detailPermUpdate    = 4
	detailPermCreate    = 1
	detailPermDelete    = 8
	detailItemUsersGen  = "users.general"
	detailItemUsersArea = "users."
)

// detailGrant is one role assignment seen for self-elevation: where it reaches, whether
// it can move users between OUs, and whether it gives rights over users.
type detailGrant struct {
	id         int64
	role       string
	scope      int64
	movesUsers bool
	userRights bool
	ouAdmin    bool
}

// SelfElevationWarning warns, before a role is assigned (replacing 0) or an assignment's
// scope changes (replacing its id), when the result lets the user move users from one OU
// scope into another where a different role gives them more rights: a
// self-elevation. It returns "" when there is nothing to warn about. The warning says so
// when the user is the admin making the change.
func (a *App) SelfElevationWarning(ctx context.Context, idOrUPN string, roleID, scopeOU, replacing int64) (string, error) {
	q := a.store.Read(ctx)
	u, roles, tree, err := roleContext(q, idOrUPN)
	if err != nil {
		return "", err
	}
	if isTenantAdmin(roles) {
		return "", nil
	}
	role, err := q.Role(roleID)
	if err != nil {
		return "", err
	}
	var grants []detailGrant
	for _, r := range roles {
		if r.ID == replacing {
			continue
		}
		g, err := detailGrantOf(q, r.ID, r.Role, r.ScopeOUID)
		if err != nil {
			return "", err
		}
		grants = append(grants, g)
	}
	proposed, err := detailGrantOf(q, -1, role, scopeOU)
	if err != nil {
		return "", err
	}
	grants = append(grants, proposed)
	for _, m := range grants {
		for _, p := range grants {
			if m.id == p.id || (m.id != -1 && p.id != -1) || !m.movesUsers || !p.userRights {
				continue
			}
			if m.ouAdmin || tree.IsSameOrAncestor(p.scope, m.scope) {
				continue
			}
			msg := fmt.Sprintf("Self-elevation: with %s in %s, %s can change the organization unit of users there; moving them into %s gives %s the rights of %s over them. Consider giving %s read-only access to the General tab.",
				m.role, tree.Path(m.scope), displayName(u), tree.Path(p.scope), displayName(u), p.role, m.role)
			if strings.EqualFold(u.UPN, a.Actor()) {
				msg = "You are changing your own roles. " + msg
			}
			return msg, nil
		}
	}
	return "", nil
}

// detailGrantOf classifies one role for the self-elevation check.
func detailGrantOf(q *data.Q, id int64, r data.Role, scope int64) (detailGrant, error) {
	g := detailGrant{id: id, role: r.Name, scope: scope}
	switch {
	case r.BuiltinKey == data.RoleOUAdmin:
		g.movesUsers, g.userRights, g.ouAdmin = true, true, true
	case r.Kind == data.CustomRole:
		perms, err := q.RolePermissions(r.ID)
		if err != nil {
			return g, err
		}
		g.movesUsers = perms[detailItemUsersGen]&detailPermUpdate != 0
		for item, bits := range perms {
			if strings.HasPrefix(item, detailItemUsersArea) && bits&(detailPermCreate|detailPermUpdate|detailPermDelete) != 0 {
				g.userRights = true
			}
		}
	}
	return g, nil
}
