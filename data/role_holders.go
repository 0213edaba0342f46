package data

// RoleHolderIDs lists the O365 IDs of the users holding a role in any scope, each once:
// the Role filter of the user list tests membership in this set.
func (q *Q) RoleHolderIDs(roleID int64) ([]string, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT DISTINCT user_id FROM role_assignments WHERE role_id = ?`, roleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
