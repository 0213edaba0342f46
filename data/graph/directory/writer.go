package directory

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"nimbusadmin/data"
)

// userColumns are the directory_users columns a sync writes, in statement order.
const userColumns = "id, display_name, given_name, surname, upn, mail, department, job_title, account_enabled, sync_round"

// rowsPerStatement is how many users one multi-row upsert writes: 111 divides a full
// 999-user page into nine statements.
const rowsPerStatement = 111

// Writer puts users from delta pages into the cache inside the caller's transaction.
// In a full round every user is written whole (a property absent from the page is
// stored as NULL) and Sweep then removes whoever the round did not bring; in an
// incremental round a property absent from the page keeps its cached value, a null
// clears it, and @removed (either reason) removes the user.
type Writer struct {
	q       *data.Q
	full    bool
	round   int64
	before  int               // users cached when the round began
	batch   map[int]*sql.Stmt // multi-row upserts of whole users, by row count
	partial *sql.Stmt
	lookup  *sql.Stmt
	remove  *sql.Stmt
	args    []any

	// Removed maps the id of every user this round removed from the directory to their
	// UPN, so that the Nimbus side can say who left.
	Removed map[string]string
	Written int // users added or updated
}

// NewWriter prepares the writer; full says the round replaces the whole directory.
func NewWriter(q *data.Q, full bool) (*Writer, error) {
	w := &Writer{q: q, full: full, batch: map[int]*sql.Stmt{}, Removed: map[string]string{}}
	stmt, err := q.Prepare(`SELECT ifnull(max(sync_round), 0) + 1, count(*) FROM directory_users`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	if err := stmt.QueryRow().Scan(&w.round, &w.before); err != nil {
		return nil, err
	}
	if w.lookup, err = q.Prepare(`SELECT upn FROM directory_users WHERE id = ?`); err != nil {
		return nil, err
	}
	if w.remove, err = q.Prepare(`DELETE FROM directory_users WHERE id = ?`); err != nil {
		return nil, err
	}
	w.partial, err = q.Prepare(`INSERT INTO directory_users (` + userColumns + `)
		VALUES (?1, ?2, ?3, ?4, ifnull(?5, ''), ?6, ?7, ?8, ?9, ?10)
		ON CONFLICT (id) DO UPDATE SET
			display_name = CASE WHEN ?11 & 1 THEN excluded.display_name ELSE display_name END,
			given_name = CASE WHEN ?11 & 2 THEN excluded.given_name ELSE given_name END,
			surname = CASE WHEN ?11 & 4 THEN excluded.surname ELSE surname END,
			upn = CASE WHEN ?11 & 8 AND ?5 IS NOT NULL THEN excluded.upn ELSE upn END,
			mail = CASE WHEN ?11 & 16 THEN excluded.mail ELSE mail END,
			department = CASE WHEN ?11 & 32 THEN excluded.department ELSE department END,
			job_title = CASE WHEN ?11 & 64 THEN excluded.job_title ELSE job_title END,
			account_enabled = CASE WHEN ?11 & 128 THEN excluded.account_enabled ELSE account_enabled END,
			sync_round = excluded.sync_round`)
	if err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Close releases the prepared statements.
func (w *Writer) Close() {
	for _, s := range w.batch {
		s.Close()
	}
	for _, s := range []*sql.Stmt{w.partial, w.lookup, w.remove} {
		if s != nil {
			s.Close()
		}
	}
}

// Round is the number of this sync round in the cache.
func (w *Writer) Round() int64 { return w.round }

// WriteUsers applies one page, in its order: a user listed twice ends as listed last,
// and a removal after a listing removes.
func (w *Writer) WriteUsers(users []User) error {
	whole := users[:0:0]
	for i := range users {
		u := &users[i]
		switch {
		case u.Removed != nil:
			if err := w.writeAll(whole); err != nil {
				return err
			}
			whole = whole[:0]
			if err := w.removeUser(u.ID); err != nil {
				return err
			}
		case w.full:
			whole = append(whole, *u)
		default:
			if _, err := w.partial.Exec(append(w.values(u, w.args[:0]), mask(u))...); err != nil {
				return fmt.Errorf("cannot store user %s: %w", u.ID, err)
			}
			w.Written++
		}
	}
	return w.writeAll(whole)
}

// writeAll upserts whole users in key order, so that neighbouring rows land on the same
// b-tree pages; the sort is stable, so a user listed twice still ends as listed last.
func (w *Writer) writeAll(whole []User) error {
	slices.SortStableFunc(whole, func(a, b User) int { return strings.Compare(a.ID, b.ID) })
	for len(whole) > 0 {
		n := min(len(whole), rowsPerStatement)
		if err := w.writeWhole(whole[:n]); err != nil {
			return err
		}
		whole = whole[n:]
	}
	return nil
}

// writeWhole upserts whole users with one statement.
func (w *Writer) writeWhole(users []User) error {
	stmt, ok := w.batch[len(users)]
	if !ok {
		row := "(?, ?, ?, ?, ifnull(?, ''), ?, ?, ?, ?, ?)"
		text := `INSERT INTO directory_users (` + userColumns + `) VALUES ` +
			strings.Repeat(row+", ", len(users)-1) + row + `
			ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
				given_name = excluded.given_name, surname = excluded.surname, upn = excluded.upn,
				mail = excluded.mail, department = excluded.department, job_title = excluded.job_title,
				account_enabled = excluded.account_enabled, sync_round = excluded.sync_round`
		var err error
		if stmt, err = w.q.Prepare(text); err != nil {
			return err
		}
		w.batch[len(users)] = stmt
	}
	args := w.args[:0]
	for i := range users {
		args = w.values(&users[i], args)
	}
	w.args = args
	if _, err := stmt.Exec(args...); err != nil {
		return fmt.Errorf("cannot store %d users: %w", len(users), err)
	}
	w.Written += len(users)
	return nil
}

// values appends a user's column values.
func (w *Writer) values(u *User, args []any) []any {
	return append(args, u.ID, u.DisplayName.value(), u.GivenName.value(), u.Surname.value(),
		u.UserPrincipalName.value(), u.Mail.value(), u.Department.value(), u.JobTitle.value(),
		u.AccountEnabled.value(), w.round)
}

// mask has a bit for every property present in the page, in column order.
func mask(u *User) int {
	m := 0
	for i, set := range []bool{u.DisplayName.Set, u.GivenName.Set, u.Surname.Set, u.UserPrincipalName.Set,
		u.Mail.Set, u.Department.Set, u.JobTitle.Set, u.AccountEnabled.Set} {
		if set {
			m |= 1 << i
		}
	}
	return m
}

// removeUser deletes a user from the cached directory, remembering their UPN.
func (w *Writer) removeUser(id string) error {
	var upn string
	switch err := w.lookup.QueryRow(id).Scan(&upn); err {
	case nil:
	case sql.ErrNoRows:
		return nil // never cached, or removed already
	default:
		return err
	}
	if _, err := w.remove.Exec(id); err != nil {
		return fmt.Errorf("cannot remove user %s: %w", id, err)
	}
	w.Removed[id] = upn
	return nil
}

// Sweep ends a full round: whoever the round did not bring has left the directory.
func (w *Writer) Sweep() error {
	if !w.full || w.before == 0 {
		return nil // nothing was cached before this round, so nothing is left over
	}
	stmt, err := w.q.Prepare(`SELECT id, upn FROM directory_users WHERE sync_round <> ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	rows, err := stmt.Query(w.round)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, upn string
		if err := rows.Scan(&id, &upn); err != nil {
			rows.Close()
			return err
		}
		w.Removed[id] = upn
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = w.q.Exec(`DELETE FROM directory_users WHERE sync_round <> ?`, w.round)
	return err
}

// ReplaceTeams makes the cached Teams and their members and owners those listed.
func ReplaceTeams(q *data.Q, teams []Team) error {
	if _, err := q.Exec(`DELETE FROM team_members`); err != nil {
		return err
	}
	if _, err := q.Exec(`DELETE FROM teams`); err != nil {
		return err
	}
	team, err := q.Prepare(`INSERT OR REPLACE INTO teams (id, display_name) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer team.Close()
	member, err := q.Prepare(`INSERT OR IGNORE INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer member.Close()
	for _, t := range teams {
		if _, err := team.Exec(t.ID, t.DisplayName); err != nil {
			return err
		}
		for role, list := range map[string][]Member{"member": t.Members, "owner": t.Owners} {
			for _, m := range list {
				if _, err := member.Exec(t.ID, m.ID, role); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Sync resources in the sync_state table.
const (
	ResourceUsers = "users"
	ResourceTeams = "teams"
)

// SavedDeltaLink reads the delta link the last complete users round left ("" for none).
func SavedDeltaLink(q *data.Q) (string, error) {
	stmt, err := q.Prepare(`SELECT delta_link FROM sync_state WHERE resource = ?`)
	if err != nil {
		return "", err
	}
	defer stmt.Close()
	var link string
	err = stmt.QueryRow(ResourceUsers).Scan(&link)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return link, err
}

// SaveSyncState records a resource's delta link and completion time, in the same
// transaction as the data it covers.
func SaveSyncState(q *data.Q, resource, deltaLink, completedAt string) error {
	_, err := q.Exec(`INSERT INTO sync_state (resource, delta_link, completed_at) VALUES (?, ?, ?)
		ON CONFLICT (resource) DO UPDATE SET delta_link = excluded.delta_link, completed_at = excluded.completed_at`,
		resource, deltaLink, completedAt)
	return err
}
