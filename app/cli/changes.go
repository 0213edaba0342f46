package cli

import (
	"context"
	"strconv"
	"strings"

	"nimbusadmin/app"
)

// runChanges lists what the syncs changed, per person: the directory's joins, leaves,
// renames, moves and Teams, and what they did in Nimbus.
func runChanges(ctx context.Context, e env, args []string) error {
	fs := newFlags("changes")
	since := fs.String("since", "", "changes of syncs begun on or after this date (2006-01-02, or RFC 3339)")
	sync := fs.Int64("sync", 0, "the changes of this sync (its number)")
	user := fs.String("user", "", "one person, by O365 ID or UPN")
	var kinds listFlag
	fs.Var(&kinds, "kind", "kind of change (repeatable; a comma-separated list works too)")
	f := formatFlag(fs, "table, csv or json")
	prov := provenanceFlag(fs)
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	q := app.ChangesQuery{Sync: *sync, User: strings.TrimSpace(*user)}
	if *since != "" && *sync != 0 {
		return usagef("changes: give --since or --sync, not both")
	}
	if *sync < 0 {
		return usagef("changes: --sync is a sync's number, 1 or more")
	}
	if *since != "" {
		t, err := app.ParseJournalDate(*since, false)
		if err != nil {
			return usagef("changes: --since: %v", err)
		}
		q.Since = t
	}
	for _, k := range kinds {
		for _, part := range strings.Split(k, ",") {
			if part = strings.TrimSpace(part); part != "" {
				q.Kinds = append(q.Kinds, part)
			}
		}
	}
	return withApp(e, func(a *app.App) error {
		changes, err := a.SyncChanges(ctx, q)
		if err != nil {
			return err
		}
		if *f == "json" {
			if changes == nil {
				changes = []app.SyncChange{}
			}
			if err := writeJSON(e.stdout, changes); err != nil {
				return err
			}
			return writeProvenance(ctx, a, fs, *prov, len(changes))
		}
		rows := make([][]string, len(changes))
		for i, c := range changes {
			rows[i] = []string{strconv.FormatInt(c.Sync, 10), c.At, c.UserID, c.UPN, c.Kind, c.Old, c.New, c.Detail}
		}
		if err := writeTable(e.stdout, *f, []string{"Sync", "At", "O365 ID", "UPN", "Kind", "Old", "New", "Detail"}, rows); err != nil {
			return err
		}
		return writeProvenance(ctx, a, fs, *prov, len(changes))
	})
}
