package data

import (
	"database/sql"
	"errors"
	"strings"
)

// FindDirectoryUser reads one directory user by O365 ID or, case-insensitively, by UPN:
// the admin acting in the app is a person of the directory, whether or not Nimbus knows
// them as a user.
func (q *Q) FindDirectoryUser(idOrUPN string) (DirectoryUser, error) {
	key := strings.TrimSpace(idOrUPN)
	u, err := q.DirectoryUser(key)
	if !errors.Is(err, ErrNotFound) {
		return u, err
	}
	var id string
	err = q.db.QueryRowContext(q.ctx, `SELECT id FROM directory_users WHERE upn = ? COLLATE NOCASE`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	} else if err != nil {
		return u, err
	}
	return q.DirectoryUser(id)
}

// CountRoleAssignments counts the assignments of a built-in role, in any scope.
func (q *Q) CountRoleAssignments(builtinKey string) (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
		WHERE r.builtin_key = ?`, builtinKey).Scan(&n)
	return n, err
}

// RoleHolderUPNs lists, by UPN, up to limit users holding a built-in role in any scope.
func (q *Q) RoleHolderUPNs(builtinKey string, limit int) ([]string, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT DISTINCT d.upn FROM role_assignments a
		JOIN roles r ON r.id = a.role_id JOIN directory_users d ON d.id = a.user_id
		WHERE r.builtin_key = ? ORDER BY d.upn COLLATE NOCASE LIMIT ?`, builtinKey, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var upn string
		if err := rows.Scan(&upn); err != nil {
			return nil, err
		}
		out = append(out, upn)
	}
	return out, rows.Err()
}
