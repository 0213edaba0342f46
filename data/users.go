package data

import (
	"database/sql"
	"errors"
	"strings"
	"sync"
)

// parallel runs the reads at once when q is on the connection pool, one after the other
// inside a transaction (a transaction has a single connection).
func (q *Q) parallel(reads ...func() error) error {
	if _, pooled := q.db.(*sql.DB); !pooled {
		for _, r := range reads {
			if err := r(); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, len(reads))
	var wg sync.WaitGroup
	for i, r := range reads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = r()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// scan runs a query and calls each for every row.
func (q *Q) scan(query string, each func(*sql.Rows) error) error {
	return q.scanArgs(query, nil, each)
}

// scanArgs runs a query with arguments and calls each for every row.
func (q *Q) scanArgs(query string, args []any, each func(*sql.Rows) error) error {
	rows, err := q.db.QueryContext(q.ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

const nimbusUserColumns = `n.id, ifnull(d.display_name, ''), ifnull(d.given_name, ''), ifnull(d.surname, ''),
	d.upn, ifnull(d.mail, ''), ifnull(d.department, ''), ifnull(d.job_title, ''), d.account_enabled,
	n.ou_id, n.origin, n.licences, n.na_reasons_enabled
	FROM nimbus_users n JOIN directory_users d ON d.id = n.id`

func scanNimbusUser(row *sql.Row) (NimbusUser, error) {
	var u NimbusUser
	var enabled sql.NullBool
	err := row.Scan(&u.ID, &u.DisplayName, &u.GivenName, &u.Surname, &u.UPN, &u.Mail, &u.Department,
		&u.JobTitle, &enabled, &u.OUID, &u.Origin, &u.Licences, &u.NAReasonsEnabled)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if enabled.Valid {
		u.AccountEnabled = &enabled.Bool
	}
	return u, err
}

// NimbusUser reads one Nimbus user by O365 ID.
func (q *Q) NimbusUser(id string) (NimbusUser, error) {
	return scanNimbusUser(q.db.QueryRowContext(q.ctx, `SELECT `+nimbusUserColumns+` WHERE n.id = ?`, id))
}

// FindNimbusUser reads one Nimbus user by O365 ID or, case-insensitively, by UPN.
func (q *Q) FindNimbusUser(idOrUPN string) (NimbusUser, error) {
	key := strings.TrimSpace(idOrUPN)
	u, err := q.NimbusUser(key)
	if !errors.Is(err, ErrNotFound) {
		return u, err
	}
	return scanNimbusUser(q.db.QueryRowContext(q.ctx,
		`SELECT `+nimbusUserColumns+` WHERE d.upn = ? COLLATE NOCASE`, key))
}

// DirectoryUser reads one directory user by O365 ID.
func (q *Q) DirectoryUser(id string) (DirectoryUser, error) {
	var u DirectoryUser
	var enabled sql.NullBool
	err := q.db.QueryRowContext(q.ctx, `SELECT id, ifnull(display_name, ''), ifnull(given_name, ''),
		ifnull(surname, ''), upn, ifnull(mail, ''), ifnull(department, ''), ifnull(job_title, ''), account_enabled
		FROM directory_users WHERE id = ?`, id).Scan(&u.ID, &u.DisplayName, &u.GivenName, &u.Surname,
		&u.UPN, &u.Mail, &u.Department, &u.JobTitle, &enabled)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if enabled.Valid {
		u.AccountEnabled = &enabled.Bool
	}
	return u, err
}

// AddNimbusUser makes a directory user a Nimbus user.
func (q *Q) AddNimbusUser(id string, ou int64, origin Origin, licences LicenceSet) error {
	_, err := q.exec(`INSERT INTO nimbus_users (id, ou_id, origin, licences, added_at) VALUES (?, ?, ?, ?, ?)`,
		id, ou, origin, licences, Timestamp(Now()))
	return err
}

// DeleteNimbusUser removes a user from Nimbus with everything Nimbus holds on them; the
// directory is not touched.
func (q *Q) DeleteNimbusUser(id string) error {
	_, err := q.exec(`DELETE FROM nimbus_users WHERE id = ?`, id)
	return err
}

// SetLicences replaces a user's licence set.
func (q *Q) SetLicences(id string, l LicenceSet) error {
	_, err := q.exec(`UPDATE nimbus_users SET licences = ? WHERE id = ?`, l, id)
	return err
}

// SetUserOrigin records how a user counts as having come into Nimbus.
func (q *Q) SetUserOrigin(id string, o Origin) error {
	_, err := q.exec(`UPDATE nimbus_users SET origin = ? WHERE id = ?`, o, id)
	return err
}

// SetUserOU moves a user to another OU.
func (q *Q) SetUserOU(id string, ou int64) error {
	_, err := q.exec(`UPDATE nimbus_users SET ou_id = ? WHERE id = ?`, ou, id)
	return err
}

// CountNimbusUsers counts the Nimbus users.
func (q *Q) CountNimbusUsers() (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM nimbus_users`).Scan(&n)
	return n, err
}
