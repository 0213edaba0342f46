package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/data"
)

// checkCatalogItems loads the items of a catalogue by id and applies the "same OU or
// higher" rule to each; it refuses duplicates and unknown ids.
func checkCatalogItems(q *data.Q, tree *OUTree, u data.NimbusUser, c data.Catalog, kind string, ids []int64) ([]data.CatalogItem, error) {
	seen := map[int64]bool{}
	items := make([]data.CatalogItem, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			return nil, refuse("list.duplicate", "the %s %d is in the list twice", kind, id)
		}
		seen[id] = true
		it, err := q.CatalogItem(c, id)
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

func names(items []data.CatalogItem) string {
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

// SetNAReasons sets a user's N/A switch and ordered reasons together; enabled needs at
// least one reason.
func (a *App) SetNAReasons(ctx context.Context, idOrUPN string, enabled bool, reasonIDs []int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		u, tree, err := userInTree(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		if err := may.user(u, "changing the N/A reasons"); err != nil {
			return nil, err
		}
		if err := needsLicence(u, data.ContactCenter, "N/A Reasons"); err != nil {
			return nil, err
		}
		if enabled && len(reasonIDs) == 0 {
			return nil, refuse("na.empty", "N/A reasons cannot be enabled for %s without at least one reason: add a reason first, or leave them disabled", displayName(u))
		}
		items, err := checkCatalogItems(q, tree, u, data.NAReasons, "N/A reason", reasonIDs)
		if err != nil {
			return nil, err
		}
		old, err := q.UserNAReasons(u.ID)
		if err != nil {
			return nil, err
		}
		var entries []data.JournalEntry
		if enabled != u.NAReasonsEnabled {
			if err := q.SetNAReasonsEnabled(u.ID, enabled); err != nil {
				return nil, err
			}
			entries = append(entries, entry("user.na.enabled", u.UPN, onOff(u.NAReasonsEnabled), onOff(enabled)))
		}
		if names(old) != names(items) {
			if err := q.SetUserNAReasons(u.ID, reasonIDs); err != nil {
				return nil, err
			}
			entries = append(entries, entry("user.na.reasons", u.UPN, names(old), names(items)))
		}
		return entries, nil
	})
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// SetCallTemplates replaces a user's ordered Direct Call Templates (Assistant licence);
// each must live in the user's OU or above. The order is the order they run in.
func (a *App) SetCallTemplates(ctx context.Context, idOrUPN string, templateIDs []int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		u, tree, err := userInTree(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		if err := may.user(u, "changing the direct call templates"); err != nil {
			return nil, err
		}
		if err := needsLicence(u, data.Assistant, "Direct Call Templates"); err != nil {
			return nil, err
		}
		items, err := checkCatalogItems(q, tree, u, data.DirectCallTemplates, "direct call template", templateIDs)
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
		if err := q.SetUserCallTemplates(u.ID, templateIDs); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.assistant.templates", u.UPN, names(old), names(items))}, nil
	})
}

// AvailableItems lists the items of a catalogue that can be assigned to a user: those in
// the user's OU or above.
func (a *App) AvailableItems(ctx context.Context, idOrUPN string, c data.Catalog) ([]data.CatalogItem, error) {
	q := a.store.Read(ctx)
	u, tree, err := userInTree(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	all, err := q.CatalogItems(c)
	if err != nil {
		return nil, err
	}
	var out []data.CatalogItem
	for _, it := range all {
		if tree.IsSameOrAncestor(it.OUID, u.OUID) {
			out = append(out, it)
		}
	}
	return out, nil
}
