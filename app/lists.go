package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// checkAssignableItems loads the items of a kind by id and applies the "same OU or
// higher" rule to each; it refuses duplicates and unknown ids.
func checkAssignableItems(q *data.Q, tree *outree.Tree, u data.NimbusUser, c data.ConfigKind, kind string, ids []int64) ([]data.AssignableItem, error) {
	seen := map[int64]bool{}
	items := make([]data.AssignableItem, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			return nil, refuse("list.duplicate", "the %s %d is in the list twice", kind, id)
		}
		seen[id] = true
		it, err := q.AssignableItem(c, id)
		if errors.Is(err, data.ErrNotFound) {
			return nil, &NotFoundError{What: kind, Key: fmt.Sprint(id)}
		} else if err != nil {
			return nil, err
		}
		if err := checkAssignable(tree, u, kind, it.Name, it.OUID); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

func names(items []data.AssignableItem) string {
	if len(items) == 0 {
		return "none"
	}
	out := ""
	for i, it := range items {
		if i > 0 {
			out += ", "
		}
		out += it.Name
	}
	return out
}

// SetNAReasons sets a user's N/A switch and ordered reasons together; Enabled needs at
// least one reason.
type SetNAReasons struct {
	Base
	User    string  `json:"user"` // O365 ID or UPN
	Enabled bool    `json:"enabled"`
	Reasons []int64 `json:"reasons"` // in the order the user sees them
}

// Kind names the command.
func (SetNAReasons) Kind() string { return "user.na-reasons" }

func (cmd SetNAReasons) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, tree, err := userInTree(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the N/A reasons"); err != nil {
		return nil, err
	}
	if err := needsLicence(u, data.ContactCenter, "N/A Reasons"); err != nil {
		return nil, err
	}
	if cmd.Enabled && len(cmd.Reasons) == 0 {
		return nil, refuse("na.empty", "N/A reasons cannot be enabled for %s without at least one reason: add a reason first, or leave them disabled", displayName(u))
	}
	items, err := checkAssignableItems(q, tree, u, data.ConfigNAReasons, "N/A reason", cmd.Reasons)
	if err != nil {
		return nil, err
	}
	old, err := q.UserNAReasons(u.ID)
	if err != nil {
		return nil, err
	}
	var entries []data.JournalEntry
	if cmd.Enabled != u.NAReasonsEnabled {
		if err := q.SetNAReasonsEnabled(u.ID, cmd.Enabled); err != nil {
			return nil, err
		}
		entries = append(entries, entry("user.na.enabled", u.UPN, onOff(u.NAReasonsEnabled), onOff(cmd.Enabled)))
	}
	if names(old) != names(items) {
		if err := q.SetUserNAReasons(u.ID, cmd.Reasons); err != nil {
			return nil, err
		}
		entries = append(entries, entry("user.na.reasons", u.UPN, names(old), names(items)))
	}
	return entries, nil
}

// SetNAReasons is shorthand for Do with SetNAReasons, for code that acts at once.
func (a *App) SetNAReasons(ctx context.Context, idOrUPN string, enabled bool, reasonIDs []int64) error {
	_, err := a.Do(ctx, SetNAReasons{User: idOrUPN, Enabled: enabled, Reasons: reasonIDs})
	return err
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// SetCallTemplates replaces a user's ordered Direct Call Templates (Assistant licence);
// each must live in the user's OU or above. The order is the order they run in.
type SetCallTemplates struct {
	Base
	User      string  `json:"user"` // O365 ID or UPN
	Templates []int64 `json:"templates"`
}

// Kind names the command.
func (SetCallTemplates) Kind() string { return "user.call-templates" }

func (cmd SetCallTemplates) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, tree, err := userInTree(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the direct call templates"); err != nil {
		return nil, err
	}
	if err := needsLicence(u, data.Assistant, "Direct Call Templates"); err != nil {
		return nil, err
	}
	items, err := checkAssignableItems(q, tree, u, data.ConfigCallTemplates, "direct call template", cmd.Templates)
	if err != nil {
		return nil, err
	}
	old, err := q.UserCallTemplates(u.ID)
	if err != nil {
		return nil, err
	}
	if names(old) == names(items) {
		return nil, nil
	}
	if err := q.SetUserCallTemplates(u.ID, cmd.Templates); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.assistant.templates", u.UPN, names(old), names(items))}, nil
}

// SetCallTemplates is shorthand for Do with SetCallTemplates, for code that acts at once.
func (a *App) SetCallTemplates(ctx context.Context, idOrUPN string, templateIDs []int64) error {
	_, err := a.Do(ctx, SetCallTemplates{User: idOrUPN, Templates: templateIDs})
	return err
}

// AvailableItems lists the items of a kind that can be assigned to a user: those in
// the user's OU or above.
func (a *App) AvailableItems(ctx context.Context, idOrUPN string, c data.ConfigKind) ([]data.AssignableItem, error) {
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	all, err := q.AssignableItems(c)
	if err != nil {
		return nil, err
	}
	var out []data.AssignableItem
	for _, it := range all {
		if tree.IsSameOrAncestor(it.OUID, u.OUID) {
			out = append(out, it)
		}
	}
	return out, nil
}
