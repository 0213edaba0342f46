package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"nimbusadmin/app/safetext"
	"nimbusadmin/data"
)

// Where a History row comes from: a change made through Nimbus Admin (an admin's or the
// sync's, recorded in the journal) or a change the directory made, from the sync history.
const (
	SourceJournal   = "journal"
	SourceDirectory = "directory"
)

// JournalQuery selects the entries the History view and `journal` show; an empty field
// selects every entry.
type JournalQuery struct {
	User   string    // the user the entries are about: O365 ID or UPN
	Admin  string    // the admin who made the changes, by UPN
	Kind   string    // an action ("user.licences") or the start of actions ("user", "service.member")
	From   time.Time // entries at or after it
	Before time.Time // entries before it
}

// IsZero reports whether the query selects the whole journal.
func (jq JournalQuery) IsZero() bool { return jq == JournalQuery{} }

// ParseJournalDate reads a date an admin typed for a journal filter: 2006-01-02 (a day in
// local time) or RFC 3339. As the end of a range (end true) it gives the instant just after
// what it names, so that the whole day, or the second, is included.
func ParseJournalDate(text string, end bool) (time.Time, error) {
	text = strings.TrimSpace(text)
	if t, err := time.ParseInLocation(time.DateOnly, text, time.Local); err == nil {
		if end {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, text); err == nil {
		if end {
			t = t.Truncate(time.Second).Add(time.Second)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s is not a date: write it as 2006-01-02 or as 2006-01-02T15:04:05Z07:00", safetext.Quote(text))
}

// journalFilter turns the query into the store's filter, finding the UPN of a user named
// by O365 ID. A user the cache no longer holds can still be named by UPN.
func journalFilter(q *data.Q, jq JournalQuery) (data.JournalFilter, error) {
	f := data.JournalFilter{Actor: strings.TrimSpace(jq.Admin), Kind: strings.TrimSpace(jq.Kind)}
	if user := strings.TrimSpace(jq.User); user != "" {
		f.UserUPN = user
		if !strings.Contains(user, "@") {
			du, err := q.DirectoryUser(user)
			if errors.Is(err, data.ErrNotFound) {
				return f, &NotFoundError{What: "user", Key: user}
			}
			if err != nil {
				return f, err
			}
			f.UserUPN = du.UPN
		}
	}
	if !jq.From.IsZero() {
		f.From = data.Timestamp(jq.From)
	}
	if !jq.Before.IsZero() {
		f.Until = data.Timestamp(jq.Before)
	}
	return f, nil
}

// JournalCount counts the entries the query selects: the History view's "1,234 entries".
func (a *App) JournalCount(ctx context.Context, jq JournalQuery) (int, error) {
	q := a.store.Read(ctx)
	f, err := journalFilter(q, jq)
	if err != nil {
		return 0, err
	}
	dir, err := directoryRows(q, jq)
	if err != nil {
		return 0, err
	}
	n, err := q.CountJournal(f)
	return n + len(dir), err
}

// JournalPage lists the entries the query selects, newest first, from offset on, at most
// limit of them: a long journal is read one page at a time. A user's entries come with
// what the directory did to them, from the sync history, marked as the directory's.
func (a *App) JournalPage(ctx context.Context, jq JournalQuery, offset, limit int) ([]JournalEntry, error) {
	q := a.store.Read(ctx)
	f, err := journalFilter(q, jq)
	if err != nil {
		return nil, err
	}
	dir, err := directoryRows(q, jq)
	if err != nil {
		return nil, err
	}
	from, n := offset, limit
	if len(dir) > 0 { // one user's rows are few: merge them from the start
		from, n = 0, offset+limit
	}
	rows, err := q.JournalPage(f, from, n)
	if err != nil {
		return nil, err
	}
	out := make([]JournalEntry, len(rows))
	for i, r := range rows {
		out[i] = journalEntryOf(r)
	}
	if len(dir) == 0 {
		return out, nil
	}
	out = interleave(out, dir)
	return out[min(offset, len(out)):min(offset+limit, len(out))], nil
}

// EachJournalEntry calls fn with every entry the query selects, newest first, without
// holding the journal in memory: exports stream through it.
func (a *App) EachJournalEntry(ctx context.Context, jq JournalQuery, fn func(JournalEntry) error) error {
	q := a.store.Read(ctx)
	f, err := journalFilter(q, jq)
	if err != nil {
		return err
	}
	dir, err := directoryRows(q, jq)
	if err != nil {
		return err
	}
	err = q.EachJournalEntry(f, func(r data.JournalEntry) error {
		e := journalEntryOf(r)
		for len(dir) > 0 && dir[0].At > e.At {
			if err := fn(dir[0]); err != nil {
				return err
			}
			dir = dir[1:]
		}
		return fn(e)
	})
	for _, d := range dir {
		if err == nil {
			err = fn(d)
		}
	}
	return err
}

func journalEntryOf(r data.JournalEntry) JournalEntry {
	return JournalEntry{At: r.At, Actor: r.Actor, Action: r.Action, Target: r.Target, Old: r.Old, New: r.New,
		User: r.UserUPN, Source: SourceJournal}
}

// journalSubject is the UPN of the user a journal entry is about, or "" for an entry about
// no user: the target of a user's change (user.…, and the sync's sync.user.… and
// sync.admin.…), the member named first in the old or new value of a change of a service's
// members or of an owner's role.
func journalSubject(e data.JournalEntry) string {
	switch a := e.Action; {
	case strings.HasPrefix(a, "user."), strings.HasPrefix(a, "sync.user."), strings.HasPrefix(a, "sync.admin."):
		return e.Target
	case strings.HasPrefix(a, "service.member."), strings.HasPrefix(a, "sync.member."), a == "service.owner-role":
		v := e.Old
		if v == "" {
			v = e.New
		}
		upn, _, _ := strings.Cut(v, " ")
		return upn
	}
	return ""
}
