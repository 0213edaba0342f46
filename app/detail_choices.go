package app

import (
	"context"
	"fmt"

	"nimbusadmin/data"
)

// DetailSkillChoice is a skill an admin may give a user, with the levels of its
// category to choose from (none when the category has no levels).
type DetailSkillChoice struct {
	Skill    data.Skill
	Category string
	Levels   []data.SkillLevel
}

// AssignableSkills lists the skills that live in the user's OU or above, each with its
// category's levels: exactly what SetUserSkill accepts.
func (a *App) AssignableSkills(ctx context.Context, idOrUPN string) ([]DetailSkillChoice, error) {
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	all, err := q.DetailSkills()
	if err != nil {
		return nil, err
	}
	levels := map[int64][]data.SkillLevel{}
	var out []DetailSkillChoice
	for _, s := range all {
		if !tree.IsSameOrAncestor(s.Skill.OUID, u.OUID) {
			continue
		}
		ls, ok := levels[s.Skill.CategoryID]
		if !ok {
			if ls, err = q.SkillLevels(s.Skill.CategoryID); err != nil {
				return nil, err
			}
			levels[s.Skill.CategoryID] = ls
		}
		out = append(out, DetailSkillChoice{Skill: s.Skill, Category: s.Category, Levels: ls})
	}
	return out, nil
}

// AssignableProfiles lists the responsibility profiles in the user's OU or above; the
// built-in On Duty and Off Duty live in the root and are always among them.
func (a *App) AssignableProfiles(ctx context.Context, idOrUPN string) ([]data.Profile, error) {
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	all, err := q.DetailProfiles()
	if err != nil {
		return nil, err
	}
	var out []data.Profile
	for _, p := range all {
		if tree.IsSameOrAncestor(p.OUID, u.OUID) {
			out = append(out, p)
		}
	}
	return out, nil
}

// AssignableRoles lists the roles an admin may add on the Roles tab: the built-in roles
// that are assigned by hand (not those that follow from Teams, services or the security
// group), and the custom roles in the user's OU or above; roles that need a Contact
// Center licence only when the user holds one.
func (a *App) AssignableRoles(ctx context.Context, idOrUPN string) ([]data.Role, error) {
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	all, err := q.Roles()
	if err != nil {
		return nil, err
	}
	var out []data.Role
	for _, r := range all {
		why, err := roleNotByHand(q, r, u)
		switch {
		case err != nil:
			return nil, err
		case why != "":
		case roleLicence(u, r) != nil:
		case r.Kind == data.CustomRole && !tree.IsSameOrAncestor(r.OUID, u.OUID):
		default:
			out = append(out, r)
		}
	}
	return out, nil
}

// RoleStatus says what the Roles tab and 'user show' tell about a user's roles: why
// the acting admin may not manage them at all, which assignments cannot be edited, which
// have no effect, and which roles are not offered for want of a licence.
type RoleStatus struct {
	Manage   string           // why the acting admin may not manage roles; "" when they may
	Locked   map[int64]string // assignment id → why it cannot be edited or removed
	NoEffect map[int64]string // assignment id → why it has no effect
	Hint     string           // roles not offered to this user, and why; "" when none
}

// RoleStatus gathers the Roles tab's facts for a user, in the words of the rules.
func (a *App) RoleStatus(ctx context.Context, idOrUPN string) (RoleStatus, error) {
	st := RoleStatus{Locked: map[int64]string{}, NoEffect: map[int64]string{}}
	q := a.store.Read(ctx)
	u, roles, _, err := roleContext(q, idOrUPN)
	if err != nil {
		return st, err
	}
	rights, err := rightsOf(q, a.Actor())
	if err != nil {
		return st, err
	}
	if err := (&permit{rights: rights}).tenantAdmin("managing roles"); err != nil {
		st.Manage = err.Error()
	}
	admin := isTenantAdmin(roles)
	for _, r := range roles {
		if _, lock := editableAssignment(q, u, roles, r.ID); lock != nil {
			st.Locked[r.ID] = lock.Error()
		}
		if admin && r.Role.BuiltinKey != data.RoleTenantAdmin {
			st.NoEffect[r.ID] = NoEffectWhileTenantAdmin
		}
	}
	if !u.Licences.Has(data.ContactCenter) {
		st.Hint = "Supervisor (User), Supervisor (Service), Skill-Based user and custom roles need a Contact Center licence, which " +
			displayName(u) + " does not hold."
	}
	return st, nil
}

// DetailInteractOptions is what the Interact tab offers one user: the tenant switch, the
// domain templates and direct system messages from the user's OU or above, and why the
// Restrict Access and Direct System Messages controls are off when they are.
type DetailInteractOptions struct {
	TenantEnabled         bool
	DomainTemplates       []data.AssignableItem
	SystemMessages        []data.AssignableItem
	RestrictAccessBlocked string
	SystemMessagesBlocked string
}

// InteractOptions gathers the Interact tab's choices for a user.
func (a *App) InteractOptions(ctx context.Context, idOrUPN string) (DetailInteractOptions, error) {
	var o DetailInteractOptions
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return o, err
	}
	settings, err := q.TenantSettings()
	if err != nil {
		return o, err
	}
	o.TenantEnabled = settings.InteractEnabled
	if o.DomainTemplates, err = a.AvailableItems(ctx, u.ID, data.ConfigDomainTemplates); err != nil {
		return o, err
	}
	if o.SystemMessages, err = a.AvailableItems(ctx, u.ID, data.ConfigSystemMessages); err != nil {
		return o, err
	}
	if err := restrictAccessPossible(q, tree, u, -1); err != nil {
		o.RestrictAccessBlocked = err.Error()
	}
	if len(o.SystemMessages) == 0 {
		o.SystemMessagesBlocked = fmt.Sprintf("no direct system message exists in %s or above; create one under Configuration > Direct System Messages first", tree.Path(u.OUID))
	}
	return o, nil
}

// UserSnippet is the Interact widget snippet of a user whose Interact tab is shown (the
// Interact and Contact Center licences), while Interact is on for the tenant: a snippet
// that cannot reach anyone is never handed out.
func (a *App) UserSnippet(ctx context.Context, idOrUPN string) (string, error) {
	d, err := a.UserDetail(ctx, idOrUPN)
	if err != nil {
		return "", err
	}
	if why := HiddenTabReason(TabInteract, d.User.Licences); why != "" {
		return "", refuse("snippet.licence", "%s has no widget snippet: %s; grant them on the General tab first", displayName(d.User), why)
	}
	settings, err := a.store.Read(ctx).TenantSettings()
	if err != nil {
		return "", err
	}
	if !settings.InteractEnabled {
		return "", refuse("snippet.tenant-off", "Interact is off for the tenant, so no widget snippet works; turn it on in Configuration > Tenant settings first")
	}
	if d.Interact == nil {
		return "", refuse("snippet.contact-id", "%s has no Interact Contact ID yet: save the Interact tab once to create it", displayName(d.User))
	}
	return d.Snippet, nil
}
