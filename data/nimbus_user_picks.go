package data

// NimbusUserPick is a Nimbus user as a picker offers them: name, UPN and licences.
type NimbusUserPick struct {
	ID          string
	DisplayName string
	UPN         string
	Mail        string
	Department  string
	Licences    LicenceSet
}

// EachNimbusUserByName calls fn for every Nimbus user in name order until fn returns
// false. It reads the users by the name index as it goes, so a picker that stops after
// its first matches reads a few rows, not the whole tenant.
func (q *Q) EachNimbusUserByName(fn func(NimbusUserPick) bool) error {
	rows, err := q.db.QueryContext(q.ctx, `SELECT d.id, ifnull(nullif(d.display_name, ''), d.upn), d.upn, ifnull(d.mail, ''), ifnull(d.department, ''), n.licences
		FROM directory_users d INDEXED BY directory_users_name JOIN nimbus_users n ON n.id = d.id
		ORDER BY ifnull(d.display_name, d.upn) COLLATE NOCASE`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p NimbusUserPick
		if err := rows.Scan(&p.ID, &p.DisplayName, &p.UPN, &p.Mail, &p.Department, &p.Licences); err != nil {
			return err
		}
		if !fn(p) {
			break
		}
	}
	return rows.Err()
}
