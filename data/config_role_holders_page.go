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
	return q.configRoleHolders(`, d.id LIMIT ? OFFSET ?`, roleID, limit, offset)
}
