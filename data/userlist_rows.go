package data

import (
	"database/sql"
	"errors"
	"sort"
	"strings"
)

// UserListRows reads every Nimbus user as a list row, ordered by display name. Its parts
// are read with plain scans in id order (in parallel on the connection pool) and merged
// in memory: on a 100,000-user cache that is far faster than one SQL join that seeks
// each user's text id and sorts.
func (q *Q) UserListRows() ([]UserListRow, error) {
	n, err := q.CountNimbusUsers()
	if err != nil {
		return nil, err
	}
	return q.userListRows(idRange{}, n)
}

// UserListRowsAfter reads the next part of the user list for a window that shows the list
// while it loads: at most n users whose O365 IDs come after after (all from "" on), ordered
// by display name, and the last of their IDs to continue from ("" when none were left).
func (q *Q) UserListRowsAfter(after string, n int) ([]UserListRow, string, error) {
	var last string
	err := q.db.QueryRowContext(q.ctx, `SELECT id FROM nimbus_users WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?`,
		after, n-1).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		err = q.db.QueryRowContext(q.ctx, `SELECT ifnull(max(id), '') FROM nimbus_users WHERE id > ?`, after).Scan(&last)
	}
	if err != nil || last == "" {
		return nil, "", err
	}
	rows, err := q.userListRows(idRange{after, last, true}, n)
	return rows, last, err
}

// idRange narrows the user list's scans to the O365 IDs above from and up to to, when set.
type idRange struct {
	from, to string
	set      bool
}

// where is the condition of a scan over column, with its arguments.
func (r idRange) where(column string) (string, []any) {
	if !r.set {
		return "", nil
	}
	return " WHERE " + column + " > ? AND " + column + " <= ?", []any{r.from, r.to}
}

// userListRows reads the list rows in ids, about size of them: the parts are read into
// slices of that size, so that they are not copied again and again as they grow.
func (q *Q) userListRows(ids idRange, size int) ([]UserListRow, error) {
	type count struct {
		id string
		n  int
	}
	type name struct{ id, name string }
	type person struct{ id, displayName, upn, mail, department, jobTitle string }
	var (
		out      = make([]UserListRow, 0, size)
		people   = make([]person, 0, size)
		profiles []name
		routing  []count
	)
	// A department, a job title or an origin is held once however many users share it.
	origins, departments, titles := interned{}, interned{}, interned{}
	err := q.parallel(
		func() error {
			where, args := ids.where("id")
			return q.scanArgs(`SELECT id, ou_id, origin, licences FROM nimbus_users`+where+` ORDER BY id`, args, func(rows *sql.Rows) error {
				var r UserListRow
				err := rows.Scan(&r.ID, &r.OUID, &r.Origin, &r.Licences)
				r.Origin = Origin(origins.of(string(r.Origin)))
				out = append(out, r)
				return err
			})
		},
		func() error {
			where, args := ids.where("id")
			return q.scanArgs(`SELECT id, ifnull(display_name, ''), upn, ifnull(mail, ''), ifnull(department, ''), ifnull(job_title, '')
				FROM directory_users`+where+` ORDER BY id`, args, func(rows *sql.Rows) error {
				var d person
				err := rows.Scan(&d.id, &d.displayName, &d.upn, &d.mail, &d.department, &d.jobTitle)
				if d.mail == d.upn {
					d.mail = d.upn // the same text held once
				}
				d.department, d.jobTitle = departments.of(d.department), titles.of(d.jobTitle)
				people = append(people, d)
				return err
			})
		},
		func() error {
			where, args := ids.where("up.user_id")
			if where == "" {
				where = " WHERE up.active"
			} else {
				where += " AND up.active"
			}
			err := q.scanArgs(`SELECT up.user_id, p.name FROM user_profiles up
				JOIN responsibility_profiles p ON p.id = up.profile_id`+where+` ORDER BY up.user_id`, args, func(rows *sql.Rows) error {
				var n name
				err := rows.Scan(&n.id, &n.name)
				profiles = append(profiles, n)
				return err
			})
			if err != nil {
				return err
			}
			where, args = ids.where("user_id")
			return q.scanArgs(`SELECT user_id, count(DISTINCT service_id) FROM service_members`+where+` GROUP BY user_id ORDER BY user_id`,
				args, func(rows *sql.Rows) error {
					var c count
					err := rows.Scan(&c.id, &c.n)
					routing = append(routing, c)
					return err
				})
		})
	if err != nil {
		return nil, err
	}
	// merge: every part is in id order
	d, p, r := 0, 0, 0
	for i := range out {
		row := &out[i]
		for d < len(people) && people[d].id < row.ID {
			d++
		}
		if d < len(people) && people[d].id == row.ID {
			row.DisplayName, row.UPN, row.Mail, row.Department = people[d].displayName, people[d].upn, people[d].mail, people[d].department
			row.JobTitle = people[d].jobTitle
		}
		for p < len(profiles) && profiles[p].id < row.ID {
			p++
		}
		if p < len(profiles) && profiles[p].id == row.ID {
			row.ActiveProfile = profiles[p].name
		}
		for r < len(routing) && routing[r].id < row.ID {
			r++
		}
		if r < len(routing) && routing[r].id == row.ID {
			row.RoutingServices = routing[r].n
		}
	}
	keys := make([]string, len(out))
	for i := range out {
		keys[i] = strings.ToLower(out[i].DisplayName)
	}
	sort.Sort(rowsByName{out, keys})
	return out, nil
}

// interned holds one copy of each of a column's repeated values.
type interned map[string]string

// of is s as held once.
func (in interned) of(s string) string {
	if held, ok := in[s]; ok {
		return held
	}
	in[s] = s
	return s
}

// rowsByName sorts list rows by lower-case display name, then id.
type rowsByName struct {
	rows []UserListRow
	keys []string
}

func (s rowsByName) Len() int { return len(s.rows) }
func (s rowsByName) Less(i, j int) bool {
	if s.keys[i] != s.keys[j] {
		return s.keys[i] < s.keys[j]
	}
	return s.rows[i].ID < s.rows[j].ID
}
func (s rowsByName) Swap(i, j int) {
	s.rows[i], s.rows[j] = s.rows[j], s.rows[i]
	s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
}
