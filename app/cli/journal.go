package cli

import (
	"context"
	"flag"
	"time"

	"nimbusadmin/app"
)

// runJournal lists the newest accepted changes, filtered by the user they are about, the
// admin who made them, their kind and dates.
func runJournal(ctx context.Context, e env, args []string) error {
	fs := newFlags("journal")
	limit := fs.Int("limit", 50, "how many entries")
	user := fs.String("user", "", "only the changes about this user (O365 ID or UPN)")
	admin := fs.String("admin", "", "only the changes this admin made (UPN)")
	kind := fs.String("kind", "", "only this kind of change (user.licences) or kinds starting so (user, service.member)")
	since := fs.String("since", "", "only changes on or after this date (2006-01-02 or RFC 3339)")
	until := fs.String("until", "", "only changes on or before this date (2006-01-02 or RFC 3339)")
	f := formatFlag(fs, "table, csv or json")
	prov := provenanceFlag(fs)
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	if *limit < 1 {
		return usagef("journal: --limit must be at least 1")
	}
	jq := app.JournalQuery{User: *user, Admin: *admin, Kind: *kind}
	var err error
	if jq.From, err = journalDate(fs, "since", *since, false); err != nil {
		return err
	}
	if jq.Before, err = journalDate(fs, "until", *until, true); err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		entries, err := a.JournalPage(ctx, jq, 0, *limit)
		if err != nil {
			return err
		}
		if entries == nil {
			entries = []app.JournalEntry{}
		}
		if *f == "json" {
			if err := writeJSON(e.stdout, entries); err != nil {
				return err
			}
			return writeProvenance(ctx, a, fs, *prov, len(entries))
		}
		rows := make([][]string, len(entries))
		for i, en := range entries {
			rows[i] = []string{en.At, en.Actor, en.Action, en.Target, en.Old, en.New}
		}
		if err := writeTable(e.stdout, *f, []string{"When", "Who", "What", "Target", "Old", "New"}, rows); err != nil {
			return err
		}
		return writeProvenance(ctx, a, fs, *prov, len(entries))
	})
}

// journalDate reads the date of a --since or --until flag; a date in another form is a
// malformed command line.
func journalDate(fs *flag.FlagSet, name, text string, end bool) (time.Time, error) {
	if text == "" {
		return time.Time{}, nil
	}
	d, err := app.ParseJournalDate(text, end)
	if err != nil {
		return d, usagef("%s: --%s: %v", fs.Name(), name, err)
	}
	return d, nil
}
