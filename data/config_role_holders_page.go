package data

// ConfigRoleHolderCount counts the users holding a role (once per scope they hold it in),
// so that a screen can say how many without loading them.
func (q *Q) ConfigRoleHolderCount(roleID int64) (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM role_assignments WHERE role_id = ?`, roleID).Scan(&n)
	return n, err
}

// ConfigRoleHoldersPage reads one page of the users holding a role in the order
// ConfigRoleHolders lists them, so that a long list is read as it is scrolled.
func (q *Q) ConfigRoleHoldersPage(roleID int64, offset, limit int) ([]ConfigRoleHolder, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT d.id, ifnull(d.display_name, ''), d.upn, a.scope_ou_id
		FROM role_assignments a JOIN directory_users d ON d.id = a.user_id WHERE a.role_id = ?
		ORDER BY ifnull(d.display_name, d.upn) COLLATE NOCASE, a.scope_ou_id, d.id LIMIT ? OFFSET ?`, roleID, limit, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ConfigRoleHolder
	for rows.Next() {
		var h ConfigRoleHolder
		if err := rows.Scan(&h.UserID, &h.DisplayName, &h.UPN, &h.ScopeOUID); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
