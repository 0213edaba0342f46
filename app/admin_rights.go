package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// AdminLevel is how far the acting admin's rights reach.
type AdminLevel int

// The three levels: a Tenant Administrator may change everything, an Organization Unit
// Administrator the users and configuration items of their OU subtrees, everyone else
// nothing.
const (
	ReadOnly AdminLevel = iota
	OUAdministrator
	TenantAdministrator
)

// AdminRights is what the acting admin may change, worked out from their roles.
type AdminRights struct {
	Actor    string // the account acting: the signed-in UPN, or a name when unknown
	Name     string // their display name in the directory; "" when the directory lacks them
	Level    AdminLevel
	Scopes   []int64 // the OU subtrees of an Organization Unit Administrator
	FirstUse bool    // no Tenant Administrator is known yet: acting as one
	Group    string  // the tenant administration security group; "" until set
	tree     *OUTree
}

// Rights works out what the acting admin may change now.
func (a *App) Rights(ctx context.Context) (AdminRights, error) {
	return rightsOf(a.store.Read(ctx), a.Actor())
}

// rightsOf reads the actor's rights: Tenant Administrator through the tenant
// administration security group (held as the Tenant Administrator role), Organization
// Unit Administrator through that role's OU scopes, read-only otherwise. While nobody is
// known to be Tenant Administrator (no group set yet, or none of its members synced),
// whoever opens the tenant acts as its Tenant Administrator: a new tenant can be set up,
// and naming a group nobody is known to belong to cannot lock every admin out.
func rightsOf(q *data.Q, actor string) (AdminRights, error) {
	r := AdminRights{Actor: actor}
	var err error
	if r.tree, err = loadTree(q); err != nil {
		return r, err
	}
	settings, err := q.TenantSettings()
	if err != nil {
		return r, err
	}
	du, err := q.FindDirectoryUser(actor)
	switch {
	case err == nil:
		r.Name = du.DisplayName
		roles, err := q.UserRoles(du.ID)
		if err != nil {
			return r, err
		}
		for _, as := range roles {
			switch as.Role.BuiltinKey {
			case data.RoleTenantAdmin:
				r.Level = TenantAdministrator
			case data.RoleOUAdmin:
				r.Scopes = append(r.Scopes, as.ScopeOUID)
			}
		}
	case !errors.Is(err, data.ErrNotFound):
		return r, err
	}
	if r.Level == ReadOnly && len(r.Scopes) > 0 {
		r.Level = OUAdministrator
	}
	r.Group = strings.TrimSpace(settings.AdminSecurityGroup)
	if r.Level < TenantAdministrator {
		n, err := q.CountRoleAssignments(data.RoleTenantAdmin)
		if err != nil {
			return r, err
		}
		if n == 0 {
			r.Level, r.FirstUse = TenantAdministrator, true
		}
	}
	if r.Level == TenantAdministrator {
		r.Scopes = nil
	}
	return r, nil
}

// InScope reports whether the admin may change what lives in the OU.
func (r AdminRights) InScope(ou int64) bool {
	if r.Level == TenantAdministrator {
		return true
	}
	for _, s := range r.Scopes {
		if r.tree.IsSameOrAncestor(s, ou) {
			return true
		}
	}
	return false
}

// Describe names the admin's rights: "Tenant Administrator", "Organization Unit
// Administrator of Sales/EMEA", "no administrator role".
func (r AdminRights) Describe() string {
	switch r.Level {
	case TenantAdministrator:
		return "Tenant Administrator"
	case OUAdministrator:
		paths := make([]string, len(r.Scopes))
		for i, s := range r.Scopes {
			paths[i] = r.tree.Path(s)
		}
		return "Organization Unit Administrator of " + joinWords(paths)
	}
	return "no administrator role"
}

// Headline is the line the window's header shows once, so that an admin knows what they
// may change before greyed-out controls surprise them.
func (r AdminRights) Headline() string {
	who := "Signed in as " + r.Actor
	switch {
	case r.FirstUse && r.Group == "":
		return who + " — acting as Tenant Administrator until a tenant administration security group is set (Configuration > Tenant settings)"
	case r.FirstUse:
		return who + " — acting as Tenant Administrator until a member of the security group \"" + r.Group + "\" is known: sync to read its members"
	case r.Level == TenantAdministrator:
		return who + " — Tenant Administrator"
	case r.Level == OUAdministrator:
		return who + " — " + r.Describe() + ": changes outside it are read-only"
	}
	return who + " — no administrator role in Nimbus: everything is read-only"
}

// joinWords joins names as "a", "a and b", "a, b and c".
func joinWords(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// permit decides, inside a change's transaction, whether the acting admin may make the
// change. Every change asks it before writing; change refuses to commit one that never
// asked, so a new use case cannot forget the check.
type permit struct {
	rights AdminRights
	asked  bool
}

// ou allows a change to something living in the OU: what says what the change does
// ("changing the licences of Anna Becker").
func (p *permit) ou(ou int64, what string) error {
	p.asked = true
	if p.rights.InScope(ou) {
		return nil
	}
	need := fmt.Sprintf("the Tenant Administrator role or Organization Unit Administrator of %s or above", p.rights.tree.Path(ou))
	if p.rights.Level == ReadOnly {
		return refuse("permission.read-only", "%s needs %s; you (%s) hold no administrator role in Nimbus, so you can only read",
			capitalise(what), need, p.rights.Actor)
	}
	return refuse("permission.ou-scope", "%s (in %s) needs %s; you (%s) are %s only",
		capitalise(what), p.rights.tree.Path(ou), need, p.rights.Actor, p.rights.Describe())
}

// user allows a change to a Nimbus user: they must live in the admin's scope.
func (p *permit) user(u data.NimbusUser, what string) error {
	return p.ou(u.OUID, what+" of "+displayName(u))
}

// tenantAdmin allows what only a Tenant Administrator may do: manual role management,
// custom roles and the tenant's settings.
func (p *permit) tenantAdmin(what string) error {
	p.asked = true
	if p.rights.Level == TenantAdministrator {
		return nil
	}
	if p.rights.Level == ReadOnly {
		return refuse("permission.read-only", "%s needs the Tenant Administrator role; you (%s) hold no administrator role in Nimbus, so you can only read",
			capitalise(what), p.rights.Actor)
	}
	return refuse("permission.tenant-admin", "%s needs the Tenant Administrator role; you (%s) are %s",
		capitalise(what), p.rights.Actor, p.rights.Describe())
}

// capitalise puts the first letter of a message in upper case.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
