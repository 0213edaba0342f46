package data

// LicenceContingents reads how many Nimbus users may hold each licence; a licence missing
// from the map is unlimited.
func (q *Q) LicenceContingents() (map[LicenceSet]int, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT licence, contingent FROM licence_contingents`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[LicenceSet]int{}
	for rows.Next() {
		var l LicenceSet
		var n int
		if err := rows.Scan(&l, &n); err != nil {
			return nil, err
		}
		out[l] = n
	}
	return out, rows.Err()
}

// SetLicenceContingent sets how many Nimbus users may hold the licence.
func (q *Q) SetLicenceContingent(l LicenceSet, n int) error {
	_, err := q.exec(`INSERT INTO licence_contingents (licence, contingent) VALUES (?, ?)
		ON CONFLICT (licence) DO UPDATE SET contingent = excluded.contingent`, l, n)
	return err
}

// ClearLicenceContingent makes the licence unlimited again.
func (q *Q) ClearLicenceContingent(l LicenceSet) error {
	_, err := q.exec(`DELETE FROM licence_contingents WHERE licence = ?`, l)
	return err
}

// LicenceHolders counts the Nimbus users holding each licence, in one pass.
func (q *Q) LicenceHolders() (map[LicenceSet]int, error) {
	var cc, ac, in, as int
	err := q.db.QueryRowContext(q.ctx, `SELECT ifnull(sum(licences & 1 <> 0), 0), ifnull(sum(licences & 2 <> 0), 0),
		ifnull(sum(licences & 4 <> 0), 0), ifnull(sum(licences & 8 <> 0), 0) FROM nimbus_users`).Scan(&cc, &ac, &in, &as)
	return map[LicenceSet]int{ContactCenter: cc, AttendantConsole: ac, Interact: in, Assistant: as}, err
}

// CountLicenceHolders counts the Nimbus users other than the user except who hold the
// licence.
func (q *Q) CountLicenceHolders(l LicenceSet, except string) (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM nimbus_users WHERE licences & ? <> 0 AND id <> ?`, l, except).Scan(&n)
	return n, err
}
