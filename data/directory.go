package data

import "database/sql"

// DirectoryEntry is a directory user with whether Nimbus already knows them.
type DirectoryEntry struct {
	DirectoryUser
	IsNimbusUser bool
}

// EachDirectoryUser calls fn for every directory user, ordered by display name, until
// fn returns false. It streams, so a large directory is never held in memory at once.
func (q *Q) EachDirectoryUser(fn func(DirectoryEntry) bool) error {
	rows, err := q.db.QueryContext(q.ctx, `SELECT d.id, ifnull(d.display_name, ''), ifnull(d.given_name, ''),
		ifnull(d.surname, ''), d.upn, ifnull(d.mail, ''), ifnull(d.department, ''), ifnull(d.job_title, ''),
		d.account_enabled, n.id IS NOT NULL
		FROM directory_users d LEFT JOIN nimbus_users n ON n.id = d.id
		ORDER BY d.display_name COLLATE NOCASE, d.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e DirectoryEntry
		var enabled sql.NullBool
		if err := rows.Scan(&e.ID, &e.DisplayName, &e.GivenName, &e.Surname, &e.UPN, &e.Mail, &e.Department,
			&e.JobTitle, &enabled, &e.IsNimbusUser); err != nil {
			return err
		}
		if enabled.Valid {
			v := enabled.Bool
			e.AccountEnabled = &v
		}
		if !fn(e) {
			break
		}
	}
	return rows.Err()
}
