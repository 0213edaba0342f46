package data

import "strings"

// JournalEntry is one accepted change: who, when, what, old -> new.
type JournalEntry struct {
	ID     int64
	At     string
	Actor  string
	Action string
	Target string
	Old    string
	New    string
	// UserUPN names the user the change is about, empty when it is about no user (a
	// service's settings, an OU, a configuration item): the History of a user lists it.
	UserUPN string
}

// JournalFilter selects journal entries; an empty field selects every entry.
type JournalFilter struct {
	UserUPN string // the user the entry is about, any case
	Actor   string // the admin who made the change, any case
	Kind    string // an action ("user.licences") or the start of actions ("user", "service.member")
	From    string // a Timestamp: entries at or after it
	Until   string // a Timestamp: entries before it
}

// where is the filter's condition and its arguments, written so that each field can use
// an index of the journal. For a page (forPage), the kind is not looked up by its index:
// a kind often covers most of the journal, and reading the newest entries first until the
// page is full is faster than sorting all of that kind's entries.
func (f JournalFilter) where(forPage bool) (string, []any) {
	var conds []string
	var args []any
	if f.UserUPN != "" {
		conds = append(conds, "user_upn = ? COLLATE NOCASE")
		args = append(args, f.UserUPN)
	}
	if f.Actor != "" {
		conds = append(conds, "actor = ? COLLATE NOCASE")
		args = append(args, f.Actor)
	}
	if k := strings.TrimSuffix(f.Kind, "."); k != "" {
		// "user" selects "user" and every "user.…": the actions between "user." and
		// "user/" ('/' follows '.'), which the index on action finds.
		col := "action"
		if forPage {
			col = "+action"
		}
		conds = append(conds, "("+col+" = ? OR ("+col+" >= ? AND "+col+" < ?))")
		args = append(args, k, k+".", k+"/")
	}
	if f.From != "" {
		conds = append(conds, "at >= ?")
		args = append(args, f.From)
	}
	if f.Until != "" {
		conds = append(conds, "at < ?")
		args = append(args, f.Until)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Journal records one accepted change.
func (q *Q) Journal(e JournalEntry) error {
	if e.At == "" {
		e.At = Timestamp(Now())
	}
	_, err := q.exec(`INSERT INTO journal (at, actor, action, target, old_value, new_value, user_upn) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		e.At, e.Actor, e.Action, e.Target, e.Old, e.New, e.UserUPN)
	return err
}

// JournalEntries lists the newest journal entries first, at most limit of them.
func (q *Q) JournalEntries(limit int) ([]JournalEntry, error) {
	return q.JournalPage(JournalFilter{}, 0, limit)
}

// CountJournal counts the entries the filter selects, for the History view's count.
func (q *Q) CountJournal(f JournalFilter) (int, error) {
	where, args := f.where(false)
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM journal`+where, args...).Scan(&n)
	return n, err
}

// JournalPage lists the entries the filter selects, newest first, skipping offset of them
// and giving at most limit: one page of a long journal at a time.
func (q *Q) JournalPage(f JournalFilter, offset, limit int) ([]JournalEntry, error) {
	var out []JournalEntry
	err := q.eachJournalEntry(f, offset, limit, func(e JournalEntry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// EachJournalEntry calls fn with every entry the filter selects, newest first, without
// holding them all: an export of the whole journal streams through it.
func (q *Q) EachJournalEntry(f JournalFilter, fn func(JournalEntry) error) error {
	return q.eachJournalEntry(f, 0, -1, fn)
}

func (q *Q) eachJournalEntry(f JournalFilter, offset, limit int, fn func(JournalEntry) error) error {
	where, args := f.where(true)
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, at, actor, action, target, old_value, new_value, user_upn
		FROM journal`+where+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e JournalEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Action, &e.Target, &e.Old, &e.New, &e.UserUPN); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}
