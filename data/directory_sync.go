package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// DirectoryFields is a set of directory user properties, one bit each: which properties
// a users delta page carried for a user, or which of them it sent as null.
type DirectoryFields uint8

// The directory user properties the cache keeps, in column order.
const (
	FieldDisplayName DirectoryFields = 1 << iota
	FieldGivenName
	FieldSurname
	FieldUPN
	FieldMail
	FieldDepartment
	FieldJobTitle
	FieldAccountEnabled

	allDirectoryFields = FieldDisplayName | FieldGivenName | FieldSurname | FieldUPN | FieldMail |
		FieldDepartment | FieldJobTitle | FieldAccountEnabled
)

// DirectoryUserChange is one entry of a users delta round as the cache stores it: a user
// to add or update with the properties the page carried, or a user gone from the directory.
type DirectoryUserChange struct {
	User    DirectoryUser   // the values; a property not carried, or null, is empty here
	Carried DirectoryFields // a partial update leaves out the properties that did not change
	Null    DirectoryFields // carried as null: the cache stores NULL
	Removed bool            // gone from the directory (deleted, or soft-deleted and restorable)
}

// value is what the cache stores for one property: nil when it is absent or null, and in
// a full round every property the page left out counts as absent.
func (c *DirectoryUserChange) value(f DirectoryFields, v any) any {
	if c.Carried&f == 0 || c.Null&f != 0 {
		return nil
	}
	return v
}

// directoryUserColumns are the directory_users columns a sync writes, in statement order.
const directoryUserColumns = "id, display_name, given_name, surname, upn, mail, department, job_title, account_enabled, sync_round"

// directoryRowsPerStatement is how many users one multi-row upsert writes: 111 divides a
// chunk of 999 users into nine statements.
const directoryRowsPerStatement = 111

// directoryCacheKiB bounds SQLite's page cache on the connection a sync writes through.
const directoryCacheKiB = 96 * 1024

// NextSyncRound numbers a new sync round (every user it brings is marked with it, so that
// a full round can tell whom it did not bring) and counts the users cached before it.
// A round is numbered 2 at least: users added outside a sync are adopted as round 1, so
// the first full round of a cache holding only such users still removes those it does
// not bring.
func (q *Q) NextSyncRound() (round int64, cached int, err error) {
	err = q.db.QueryRowContext(q.ctx, `SELECT max(ifnull(max(sync_round), 0) + 1, 2), count(*) FROM directory_users`).
		Scan(&round, &cached)
	return round, cached, err
}

// WriteDirectoryUsers applies changes of a users delta round, in their order: a user
// listed twice ends as listed last, a removal after a listing removes, and a listing
// after a removal stores the user as listed (whole: nothing of before is kept). In a
// full round every user is written whole (a property the page left out is stored as
// NULL); in an incremental round a property left out keeps its cached value and a null
// clears it. It returns how many users it wrote and whom it removed; removing a Nimbus
// user is refused by the cache (the caller removes their Nimbus side first).
func (q *Q) WriteDirectoryUsers(changes []DirectoryUserChange, round int64, full bool) (written int, removed []UserRef, err error) {
	// A sync writes chunk after chunk through the same connection: a page cache that holds
	// the directory keeps SQLite from reading its pages again for every chunk (bounded,
	// whatever the tenant's size).
	if _, err := q.exec(fmt.Sprintf(`PRAGMA cache_size = -%d`, directoryCacheKiB)); err != nil {
		return 0, nil, err
	}
	w := directoryWriter{q: q, round: round, batch: map[int]*sql.Stmt{}}
	defer w.close()
	// A removal followed by a listing of the same user is no removal: the user is back in
	// the directory, stored whole as listed, and their row (which a Nimbus user may hang
	// on) is never missing.
	relisted := make([]bool, len(changes)) // a removal with a listing of the user after it
	whole := make([]bool, len(changes))    // a listing after a removal
	for i, listed := len(changes)-1, map[string]int{}; i >= 0; i-- {
		id := changes[i].User.ID
		if !changes[i].Removed {
			listed[id] = i
		} else if k, ok := listed[id]; ok {
			relisted[i], whole[k] = true, true
		}
	}
	batch := make([]*DirectoryUserChange, 0, len(changes))
	for i := range changes {
		c := &changes[i]
		switch {
		case relisted[i]: // back in the directory: the listing after it stores the user
		case c.Removed:
			if err := w.writeWhole(batch); err != nil {
				return w.written, w.removed, err
			}
			batch = batch[:0]
			if err := w.remove(c.User.ID); err != nil {
				return w.written, w.removed, err
			}
		case full:
			batch = append(batch, c)
		default:
			if err := w.writePartial(c, whole[i]); err != nil {
				return w.written, w.removed, err
			}
		}
	}
	err = w.writeWhole(batch)
	return w.written, w.removed, err
}

// directoryWriter holds the statements of one WriteDirectoryUsers call.
type directoryWriter struct {
	q                       *Q
	round                   int64
	batch                   map[int]*sql.Stmt // multi-row upserts of whole users, by row count
	partial, lookup, delete *sql.Stmt
	args                    []any
	written                 int
	removed                 []UserRef
}

func (w *directoryWriter) close() {
	for _, s := range w.batch {
		s.Close()
	}
	for _, s := range []*sql.Stmt{w.partial, w.lookup, w.delete} {
		if s != nil {
			s.Close()
		}
	}
}

// writeWhole upserts whole users, in key order so that neighbouring rows land on the
// same b-tree pages; the sort is stable, so a user listed twice still ends as listed last.
// A user the cache holds as listed is left as it is (it keeps the round that last
// changed it), so that a full round over an unchanged directory writes next to nothing.
func (w *directoryWriter) writeWhole(whole []*DirectoryUserChange) error {
	slices.SortStableFunc(whole, func(a, b *DirectoryUserChange) int { return strings.Compare(a.User.ID, b.User.ID) })
	for len(whole) > 0 {
		n := min(len(whole), directoryRowsPerStatement)
		stmt, ok := w.batch[n]
		if !ok {
			row := "(?, ?, ?, ?, ifnull(?, ''), ?, ?, ?, ?, ?)"
			text := `INSERT INTO directory_users (` + directoryUserColumns + `) VALUES ` +
				strings.Repeat(row+", ", n-1) + row + `
				ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
					given_name = excluded.given_name, surname = excluded.surname, upn = excluded.upn,
					mail = excluded.mail, department = excluded.department, job_title = excluded.job_title,
					account_enabled = excluded.account_enabled, sync_round = excluded.sync_round
				WHERE display_name IS NOT excluded.display_name OR given_name IS NOT excluded.given_name
					OR surname IS NOT excluded.surname OR upn IS NOT excluded.upn OR mail IS NOT excluded.mail
					OR department IS NOT excluded.department OR job_title IS NOT excluded.job_title
					OR account_enabled IS NOT excluded.account_enabled`
			var err error
			if stmt, err = w.q.prepare(text); err != nil {
				return err
			}
			w.batch[n] = stmt
		}
		args := w.args[:0]
		for _, c := range whole[:n] {
			args = w.values(c, args)
		}
		w.args = args
		if _, err := stmt.ExecContext(w.q.ctx, args...); err != nil {
			return fmt.Errorf("cannot store %d users: %w", n, err)
		}
		w.written += n
		whole = whole[n:]
	}
	return nil
}

// writePartial upserts the properties of one user that the page carried, or all of them
// when whole.
func (w *directoryWriter) writePartial(c *DirectoryUserChange, whole bool) error {
	if w.partial == nil {
		var err error
		w.partial, err = w.q.prepare(`INSERT INTO directory_users (` + directoryUserColumns + `)
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
			return err
		}
	}
	carried := c.Carried
	if whole {
		carried = allDirectoryFields
	}
	if _, err := w.partial.ExecContext(w.q.ctx, append(w.values(c, w.args[:0]), int(carried))...); err != nil {
		return fmt.Errorf("cannot store user %s: %w", c.User.ID, err)
	}
	w.written++
	return nil
}

// values appends a user's column values.
func (w *directoryWriter) values(c *DirectoryUserChange, args []any) []any {
	u := &c.User
	var enabled any
	if u.AccountEnabled != nil {
		enabled = *u.AccountEnabled
	}
	return append(args, u.ID, c.value(FieldDisplayName, u.DisplayName), c.value(FieldGivenName, u.GivenName),
		c.value(FieldSurname, u.Surname), c.value(FieldUPN, u.UPN), c.value(FieldMail, u.Mail),
		c.value(FieldDepartment, u.Department), c.value(FieldJobTitle, u.JobTitle),
		c.value(FieldAccountEnabled, enabled), w.round)
}

// remove deletes a user from the cached directory, remembering their UPN; a user never
// cached (or removed already) is no change.
func (w *directoryWriter) remove(id string) error {
	if w.lookup == nil {
		var err error
		if w.lookup, err = w.q.prepare(`SELECT upn FROM directory_users WHERE id = ?`); err != nil {
			return err
		}
		if w.delete, err = w.q.prepare(`DELETE FROM directory_users WHERE id = ?`); err != nil {
			return err
		}
	}
	var upn string
	switch err := w.lookup.QueryRowContext(w.q.ctx, id).Scan(&upn); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	if _, err := w.delete.ExecContext(w.q.ctx, id); err != nil {
		return fmt.Errorf("cannot remove user %s: %w", id, err)
	}
	w.removed = append(w.removed, UserRef{ID: id, UPN: upn})
	return nil
}

// HandAddedDirectoryUserIDs lists, in id order, the users added to the cached directory
// outside a sync (by hand from Microsoft Graph, by the demo generator): a sync reads them
// before it reads the directory, and adopts them as it writes, so that a full round that
// does not bring them removes them while a user added during the sync stays until the
// next one. It only reads, so a sync stopped before it writes leaves the cache as it was.
func (q *Q) HandAddedDirectoryUserIDs() ([]string, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id FROM directory_users WHERE sync_round = 0 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// AdoptDirectoryUsers makes those of ids still marked as added by hand count as cached
// before the sync under way, so that a full round that did not bring them removes them.
func (q *Q) AdoptDirectoryUsers(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return q.execEach(`UPDATE directory_users SET sync_round = 1 WHERE id = ? AND sync_round = 0`, ids)
}

// EachDirectoryUserBeforeRound calls fn, in id order, for every cached user that no
// round from this one on has written: those a full round neither changed nor brought.
// Users added while the round was read or written are left out.
func (q *Q) EachDirectoryUserBeforeRound(round int64, fn func(UserRef) error) error {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, upn FROM directory_users WHERE sync_round BETWEEN 1 AND ? - 1 ORDER BY id`, round)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var u UserRef
		if err := rows.Scan(&u.ID, &u.UPN); err != nil {
			return err
		}
		if err := fn(u); err != nil {
			return err
		}
	}
	return rows.Err()
}

// RemoveDirectoryUsersBeforeRound removes those of ids that no round from this one on
// has written, and returns how many it removed; a user the round wrote, or an admin
// added, meanwhile stays.
func (q *Q) RemoveDirectoryUsersBeforeRound(ids []string, round int64) (int, error) {
	stmt, err := q.prepare(`DELETE FROM directory_users WHERE id = ? AND sync_round BETWEEN 1 AND ? - 1`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	n := 0
	for _, id := range ids {
		res, err := stmt.ExecContext(q.ctx, id, round)
		if err != nil {
			return n, fmt.Errorf("cannot remove user %s: %w", id, err)
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	return n, nil
}
