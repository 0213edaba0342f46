package data

import (
	"database/sql"
	"errors"
	"strings"
)

// UserListRows reads every Nimbus user as a list row, ordered by display name.
func (q *Q) UserListRows() ([]UserListRow, error) {
	rows, err := q.db.QueryContext(q.ctx, `
		WITH active AS (
			SELECT up.user_id, p.name FROM user_profiles up
			JOIN responsibility_profiles p ON p.id = up.profile_id WHERE up.active),
		routing AS (
			SELECT user_id, count(DISTINCT service_id) AS n FROM service_members GROUP BY user_id)
		SELECT n.id, ifnull(d.display_name, ''), d.upn, ifnull(d.mail, ''), ifnull(d.department, ''),
			n.ou_id, n.origin, n.licences, ifnull(a.name, ''), ifnull(r.n, 0)
		FROM nimbus_users n
		JOIN directory_users d ON d.id = n.id
		LEFT JOIN active a ON a.user_id = n.id
		LEFT JOIN routing r ON r.user_id = n.id
		ORDER BY d.display_name COLLATE NOCASE, n.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UserListRow
	for rows.Next() {
		var r UserListRow
		if err := rows.Scan(&r.ID, &r.DisplayName, &r.UPN, &r.Mail, &r.Department, &r.OUID,
			&r.Origin, &r.Licences, &r.ActiveProfile, &r.RoutingServices); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
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
	_, err := q.Exec(`INSERT INTO nimbus_users (id, ou_id, origin, licences, added_at) VALUES (?, ?, ?, ?, ?)`,
		id, ou, origin, licences, Timestamp(Now()))
	return err
}

// DeleteNimbusUser removes a user from Nimbus with everything Nimbus holds on them; the
// directory is not touched.
func (q *Q) DeleteNimbusUser(id string) error {
	_, err := q.Exec(`DELETE FROM nimbus_users WHERE id = ?`, id)
	return err
}

// SetLicences replaces a user's licence set.
func (q *Q) SetLicences(id string, l LicenceSet) error {
	_, err := q.Exec(`UPDATE nimbus_users SET licences = ? WHERE id = ?`, l, id)
	return err
}

// SetUserOU moves a user to another OU.
func (q *Q) SetUserOU(id string, ou int64) error {
	_, err := q.Exec(`UPDATE nimbus_users SET ou_id = ? WHERE id = ?`, ou, id)
	return err
}

// CountNimbusUsers counts the Nimbus users.
func (q *Q) CountNimbusUsers() (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM nimbus_users`).Scan(&n)
	return n, err
}
