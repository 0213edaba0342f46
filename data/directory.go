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

// UpsertDirectoryUser stores the directory properties of one person, inserting them or
// updating the cached row; nothing else of the row (its sync round) changes. It is for a
// person found live in the directory whom the cache may not hold yet; a later sync keeps
// the row up to date or removes it.
func (q *Q) UpsertDirectoryUser(du DirectoryUser) error {
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	var enabled any
	if du.AccountEnabled != nil {
		enabled = *du.AccountEnabled
	}
	_, err := q.exec(`INSERT INTO directory_users (id, display_name, given_name, surname, upn, mail, department,
			job_title, account_enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, given_name = excluded.given_name,
			surname = excluded.surname, upn = excluded.upn, mail = excluded.mail, department = excluded.department,
			job_title = excluded.job_title, account_enabled = excluded.account_enabled`,
		du.ID, null(du.DisplayName), null(du.GivenName), null(du.Surname), du.UPN, null(du.Mail),
		null(du.Department), null(du.JobTitle), enabled)
	return err
}
