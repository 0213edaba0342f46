package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
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

// AdminGroupStatus is what the last sync learnt of the tenant administration security
// group named in tenant settings, so that the header can say why nobody is known to be in it.
type AdminGroupStatus int

// A group is unread until a sync looks for it under its current name; then it was
// either not found in the directory or read with its members.
const (
	AdminGroupUnread AdminGroupStatus = iota
	AdminGroupNotFound
	AdminGroupRead
)

// AdminRights is what the acting admin may change, worked out from their roles and
// their membership of the tenant administration security group.
type AdminRights struct {
	Actor       string // the account acting: the signed-in UPN, or a name when unknown
	Name        string // their display name in the directory; "" when the directory lacks them
	Level       AdminLevel
	Scopes      []int64 // the OU subtrees of an Organization Unit Administrator
	FirstUse    bool    // no Tenant Administrator is known yet: acting as one
	Group       string  // the tenant administration security group; "" until set
	GroupStatus AdminGroupStatus
	ReviewOnly  bool // the cache cannot be written: whatever the role, nothing may change here
	tree        *outree.Tree
}

// Rights works out what the acting admin may change now.
// On a cache that cannot be written the admin may change nothing, whatever their role,
// so that the window offers no change it would refuse.
func (a *App) Rights(ctx context.Context) (AdminRights, error) {
	r, err := rightsOf(a.store.Read(ctx), a.Actor())
	if err == nil && a.CanChange() != nil {
		r.ReviewOnly, r.Level, r.Scopes, r.FirstUse = true, ReadOnly, nil, false
	}
	return r, err
}

// rightsOf reads the actor's rights: Tenant Administrator as a member of the tenant
// administration security group as the last sync read it (whether or not they are a
// Nimbus user; after the group is renamed in tenant settings, the members read last count
// until the next sync, as the roles they were granted do) or as a holder of the Tenant
// Administrator role, Organization Unit Administrator through that role's OU scopes,
// read-only otherwise. While nobody is known to be Tenant Administrator (no group set
// yet, its members not read, the group not found or empty, and nobody holding the role),
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
	r.Group = strings.TrimSpace(settings.AdminSecurityGroup)
	if r.GroupStatus, err = adminGroupStatus(q, r.Group); err != nil {
		return r, err
	}
	du, err := q.FindDirectoryUser(actor)
	switch {
	case err == nil:
		r.Name = du.DisplayName
		if err := r.addRoles(q, du.ID); err != nil {
			return r, err
		}
	case !errors.Is(err, data.ErrNotFound):
		return r, err
	}
	if r.Level == ReadOnly && len(r.Scopes) > 0 {
		r.Level = OUAdministrator
	}
	if r.Level < TenantAdministrator {
		known, err := countTenantAdmins(q)
		if err != nil {
			return r, err
		}
		if known == 0 {
			r.Level, r.FirstUse = TenantAdministrator, true
		}
	}
	if r.Level == TenantAdministrator {
		r.Scopes = nil
	}
	return r, nil
}

// addRoles raises the rights by the directory user's roles and group membership.
func (r *AdminRights) addRoles(q *data.Q, userID string) error {
	roles, err := q.UserRoles(userID)
	if err != nil {
		return err
	}
	for _, as := range roles {
		switch as.Role.BuiltinKey {
		case data.RoleTenantAdmin:
			r.Level = TenantAdministrator
		case data.RoleOUAdmin:
			r.Scopes = append(r.Scopes, as.ScopeOUID)
		}
	}
	if r.Level < TenantAdministrator {
		member, err := q.IsAdminGroupMember(userID)
		if err != nil {
			return err
		}
		if member {
			r.Level = TenantAdministrator
		}
	}
	return nil
}

// adminGroupStatus tells whether the last sync read the group named (under that name).
func adminGroupStatus(q *data.Q, name string) (AdminGroupStatus, error) {
	if name == "" {
		return AdminGroupUnread, nil
	}
	g, err := q.AdminGroup()
	switch {
	case errors.Is(err, data.ErrNotFound):
		return AdminGroupUnread, nil
	case err != nil:
		return AdminGroupUnread, err
	case !strings.EqualFold(g.Name, name):
		return AdminGroupUnread, nil
	case !g.Found:
		return AdminGroupNotFound, nil
	}
	return AdminGroupRead, nil
}

// countTenantAdmins counts who is known to be Tenant Administrator: the holders of the
// role and the members of the security group as the last sync read it.
func countTenantAdmins(q *data.Q) (int, error) {
	n, err := q.CountRoleAssignments(data.RoleTenantAdmin)
	if err != nil {
		return n, err
	}
	members, err := q.CountAdminGroupMembers()
	return n + members, err
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
// may change before greyed-out controls surprise them. Acting as Tenant Administrator on
// first use, it says why nobody is known to be one: no group set, its members never
// read, the group not found or empty at the last sync; a group not found is said always,
// as it explains why someone is no Tenant Administrator.
func (r AdminRights) Headline() string {
	who := "Signed in as " + r.Actor
	group := "the security group \"" + r.Group + "\""
	switch {
	case r.FirstUse && r.Group == "":
		return who + " — acting as Tenant Administrator until a tenant administration security group is set (Configuration > Tenant settings)"
	case r.FirstUse && r.GroupStatus == AdminGroupNotFound:
		return who + " — acting as Tenant Administrator: " + group + " was not found in the directory at the last sync; check its name under Configuration > Tenant settings and sync again"
	case r.FirstUse && r.GroupStatus == AdminGroupRead:
		return who + " — acting as Tenant Administrator until a member of " + group + " is known: it had no members at the last sync"
	case r.FirstUse:
		return who + " — acting as Tenant Administrator until a member of " + group + " is known: sync to read its members"
	}
	if r.ReviewOnly {
		return who + " — review only: the cache cannot be written"
	}
	line := who + " — no administrator role in Nimbus: everything is read-only"
	switch r.Level {
	case TenantAdministrator:
		line = who + " — Tenant Administrator"
	case OUAdministrator:
		line = who + " — " + r.Describe() + ": changes outside it are read-only"
	}
	if r.GroupStatus == AdminGroupNotFound {
		line += "; " + group + " was not found in the directory at the last sync"
	}
	return line
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
