package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// ScopeItem is something assigned to a user that lives in an OU: a skill, a profile, an
// N/A reason, an Interact domain template or direct system message, a direct call
// template or a custom role.
type ScopeItem struct {
	Kind   string // "skill", "responsibility profile", …
	Name   string
	OUPath string // where the item lives

	drop func(q *data.Q) error
}

// String names the item as messages do: skill "French" (Sales).
func (it ScopeItem) String() string { return fmt.Sprintf("%s %q (%s)", it.Kind, it.Name, it.OUPath) }

// OutOfScope lists what a user holds that does not live in the OU or above it: what a
// move to that OU would leave assigned from outside the user's path.
func (a *App) OutOfScope(ctx context.Context, idOrUPN string, ou int64) ([]ScopeItem, error) {
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	if !tree.Has(ou) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
	}
	return outOfScope(q, tree, u, ou)
}

// MoveUser puts a user in another OU. Everything assigned to a user must come from their
// OU or above, so a move that would leave items from outside the new OU's path is
// refused with the list of them, unless DropOutOfScope says to remove them in the same
// change.
type MoveUser struct {
	Base
	User           string `json:"user"` // O365 ID or UPN
	OU             int64  `json:"ou"`
	DropOutOfScope bool   `json:"dropOutOfScope,omitempty"`
}

// Kind names the command.
func (MoveUser) Kind() string { return "user.move" }

func (cmd MoveUser) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, ou := c.q, cmd.OU
	u, tree, err := userInTree(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "moving the Nimbus user"); err != nil {
		return nil, err
	}
	if !tree.Has(ou) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
	}
	if err := c.may.ou(ou, fmt.Sprintf("moving %s into %s", displayName(u), tree.Path(ou))); err != nil {
		return nil, err
	}
	if u.OUID == ou {
		return nil, nil
	}
	out, err := outOfScope(q, tree, u, ou)
	if err != nil {
		return nil, err
	}
	if len(out) > 0 && !cmd.DropOutOfScope {
		return nil, refuse("move.out-of-scope", "moving %s to %s would leave %s assigned from outside %s and the OUs above it; remove them first, or move with them removed",
			displayName(u), tree.Path(ou), scopeItemsText(out), tree.Path(ou))
	}
	entries := []data.JournalEntry{entry("user.ou", u.UPN, tree.Path(u.OUID), tree.Path(ou))}
	for _, it := range out {
		if it.Kind == "custom role" {
			if err := c.may.tenantAdmin(fmt.Sprintf("removing the custom role %q of %s", it.Name, displayName(u))); err != nil {
				return nil, err
			}
		}
		if err := it.drop(q); err != nil {
			return nil, err
		}
		entries = append(entries, entry("user.out-of-scope.remove", u.UPN, it.String(), "removed by the move to "+tree.Path(ou)))
	}
	if err := q.SetUserOU(u.ID, ou); err != nil {
		return nil, err
	}
	more, err := ensureDutyProfiles(q, u)
	return append(entries, more...), err
}

// scopeItemsText lists items for a message: skill "French" (Sales), N/A reason "Meeting" (Sales).
func scopeItemsText(items []ScopeItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.String()
	}
	return strings.Join(parts, ", ")
}

// outOfScope finds the user's items that do not live in ou or above it, each with what
// removes it.
func outOfScope(q *data.Q, tree *outree.Tree, u data.NimbusUser, ou int64) ([]ScopeItem, error) {
	var out []ScopeItem
	outside := func(itemOU int64) bool { return !tree.IsSameOrAncestor(itemOU, ou) }
	add := func(kind, name string, itemOU int64, drop func(q *data.Q) error) {
		out = append(out, ScopeItem{Kind: kind, Name: name, OUPath: tree.Path(itemOU), drop: drop})
	}
	skills, err := q.UserSkills(u.ID)
	if err != nil {
		return nil, err
	}
	for _, s := range skills {
		if outside(s.Skill.OUID) {
			id := s.Skill.ID
			add("skill", s.Skill.Name, s.Skill.OUID, func(q *data.Q) error { return q.RemoveUserSkill(u.ID, id) })
		}
	}
	profiles, err := q.UserProfiles(u.ID)
	if err != nil {
		return nil, err
	}
	for _, p := range profiles {
		if outside(p.OUID) {
			id := p.ID
			add("responsibility profile", p.Name, p.OUID, func(q *data.Q) error { return q.UnassignProfile(u.ID, id) })
		}
	}
	if err := outOfScopeLists(q, u, outside, add); err != nil {
		return nil, err
	}
	if err := outOfScopeInteract(q, u, outside, add); err != nil {
		return nil, err
	}
	roles, err := q.UserRoles(u.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		if r.Role.Kind == data.CustomRole && outside(r.Role.OUID) {
			id := r.ID
			add("custom role", r.Role.Name, r.Role.OUID, func(q *data.Q) error { return q.RemoveRoleAssignment(id) })
		}
	}
	return out, nil
}

// outOfScopeLists finds the N/A reasons and direct call templates from outside; removing
// one keeps the order of the rest, and removing the last N/A reason switches them off.
func outOfScopeLists(q *data.Q, u data.NimbusUser, outside func(int64) bool, add func(string, string, int64, func(*data.Q) error)) error {
	reasons, err := q.UserNAReasons(u.ID)
	if err != nil {
		return err
	}
	for _, it := range reasons {
		if outside(it.OUID) {
			id := it.ID
			add("N/A reason", it.Name, it.OUID, func(q *data.Q) error {
				left, err := q.UserNAReasons(u.ID)
				if err != nil {
					return err
				}
				keep := withoutItem(left, id)
				if len(keep) == 0 {
					if err := q.SetNAReasonsEnabled(u.ID, false); err != nil {
						return err
					}
				}
				return q.SetUserNAReasons(u.ID, keep)
			})
		}
	}
	templates, err := q.UserCallTemplates(u.ID)
	if err != nil {
		return err
	}
	for _, it := range templates {
		if outside(it.OUID) {
			id := it.ID
			add("direct call template", it.Name, it.OUID, func(q *data.Q) error {
				left, err := q.UserCallTemplates(u.ID)
				if err != nil {
					return err
				}
				return q.SetUserCallTemplates(u.ID, withoutItem(left, id))
			})
		}
	}
	return nil
}

// withoutItem lists the ids of items other than id, in order.
func withoutItem(items []data.AssignableItem, id int64) []int64 {
	var out []int64
	for _, it := range items {
		if it.ID != id {
			out = append(out, it.ID)
		}
	}
	return out
}

// outOfScopeInteract finds the Interact domain template and direct system message from
// outside; without its domain template, Restrict Access goes off too.
func outOfScopeInteract(q *data.Q, u data.NimbusUser, outside func(int64) bool, add func(string, string, int64, func(*data.Q) error)) error {
	ia, err := q.UserInteract(u.ID)
	if errors.Is(err, data.ErrNotFound) {
		return nil // no Interact settings: nothing to fall out of scope
	} else if err != nil {
		return err
	}
	if ia.DomainTemplateID != 0 {
		it, err := q.AssignableItem(data.ConfigDomainTemplates, ia.DomainTemplateID)
		if err != nil {
			return err
		}
		if outside(it.OUID) {
			add("domain template", it.Name, it.OUID, func(q *data.Q) error {
				cur, err := q.UserInteract(u.ID)
				if err != nil {
					return err
				}
				cur.DomainTemplateID, cur.RestrictAccess = 0, false
				return q.SetUserInteract(u.ID, cur)
			})
		}
	}
	if ia.DirectSystemMessageID != 0 {
		it, err := q.AssignableItem(data.ConfigSystemMessages, ia.DirectSystemMessageID)
		if err != nil {
			return err
		}
		if outside(it.OUID) {
			add("direct system message", it.Name, it.OUID, func(q *data.Q) error {
				cur, err := q.UserInteract(u.ID)
				if err != nil {
					return err
				}
				cur.DirectSystemMessageID = 0
				return q.SetUserInteract(u.ID, cur)
			})
		}
	}
	return nil
}
