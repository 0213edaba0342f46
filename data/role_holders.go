package data

// RoleHolderIDs lists the O365 IDs of the users holding a role in any scope, each once:
// the Role filter of the user list tests membership in this set.
func (q *Q) RoleHolderIDs(roleID int64) ([]string, error) {
	return q.idList(`SELECT DISTINCT user_id FROM role_assignments WHERE role_id = ?`, roleID)
}
