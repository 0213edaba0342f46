package data

import (
	"database/sql"
	"errors"
)

// AdminGroup is the tenant administration security group as the last sync read it: the
// rights check needs to know whether its members were read, and under which name.
type AdminGroup struct {
	Name   string // the display name the sync looked for
	ID     string // the group's object id; "" when no group had the name
	Found  bool
	ReadAt string
}

// AdminGroup reads what the last sync learnt of the tenant administration security
// group; ErrNotFound when no sync read one yet.
func (q *Q) AdminGroup() (AdminGroup, error) {
	var g AdminGroup
	err := q.db.QueryRowContext(q.ctx, `SELECT name, group_id, found, read_at FROM admin_group WHERE id = 1`).
		Scan(&g.Name, &g.ID, &g.Found, &g.ReadAt)
	if errors.Is(err, sql.ErrNoRows) {
		return g, ErrNotFound
	}
	return g, err
}

// ReplaceAdminGroup records what a sync read of the tenant administration security group
// and makes members (directory ids) its only members.
func (q *Q) ReplaceAdminGroup(g AdminGroup, members []string) error {
	if _, err := q.exec(`INSERT INTO admin_group (id, name, group_id, found, read_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, group_id = excluded.group_id, found = excluded.found,
			read_at = excluded.read_at`, g.Name, g.ID, g.Found, g.ReadAt); err != nil {
		return err
	}
	if _, err := q.exec(`DELETE FROM admin_group_members`); err != nil {
		return err
	}
	stmt, err := q.prepare(`INSERT OR IGNORE INTO admin_group_members (user_id) VALUES (?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range members {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

// IsAdminGroupMember reports whether the directory user was a member of the tenant
// administration security group at the last sync.
func (q *Q) IsAdminGroupMember(userID string) (bool, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM admin_group_members WHERE user_id = ?`, userID).Scan(&n)
	return n > 0, err
}

// CountAdminGroupMembers counts the members the last sync read of the tenant
// administration security group.
func (q *Q) CountAdminGroupMembers() (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM admin_group_members`).Scan(&n)
	return n, err
}

// AdminGroupMembers lists the directory ids of the tenant administration security group's
// members as the last sync read them.
func (q *Q) AdminGroupMembers() ([]string, error) {
	return q.idList(`SELECT user_id FROM admin_group_members ORDER BY user_id`)
}

// UserRef names a user by directory id and UPN, for the journal.
type UserRef struct {
	ID, UPN string
}

// AdminGroupNimbusMembers lists the members of the tenant administration security group
// who are Nimbus users: they hold the Tenant Administrator role through it.
func (q *Q) AdminGroupNimbusMembers() ([]UserRef, error) {
	return q.userRefs(`SELECT n.id, d.upn FROM admin_group_members m
		JOIN nimbus_users n ON n.id = m.user_id JOIN directory_users d ON d.id = n.id ORDER BY d.upn`)
}

// RoleHolder is an assignment of a role that comes from no service, and whom it is for.
type RoleHolder struct {
	AssignmentID int64
	User         UserRef
	AutoGranted  bool // granted through the tenant administration security group, not by hand
}

// DirectRoleHolders lists the assignments of the role in the OU scope that come from no
// service: given by hand, or granted automatically through the tenant administration
// security group.
func (q *Q) DirectRoleHolders(roleID, scopeOU int64) ([]RoleHolder, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT a.id, a.user_id, d.upn, a.auto_granted FROM role_assignments a
		JOIN directory_users d ON d.id = a.user_id
		WHERE a.role_id = ? AND a.scope_ou_id = ? AND a.source_service_id IS NULL
		ORDER BY d.upn`, roleID, scopeOU)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RoleHolder
	for rows.Next() {
		var h RoleHolder
		if err := rows.Scan(&h.AssignmentID, &h.User.ID, &h.User.UPN, &h.AutoGranted); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// BuiltinRoleHolderIDs lists the directory ids of the users holding a built-in role in any scope.
func (q *Q) BuiltinRoleHolderIDs(builtinKey string) ([]string, error) {
	return q.idList(`SELECT DISTINCT a.user_id FROM role_assignments a JOIN roles r ON r.id = a.role_id
		WHERE r.builtin_key = ? ORDER BY a.user_id`, builtinKey)
}

// idList runs a query of one text column (ids, names) and returns its values.
func (q *Q) idList(query string, args ...any) ([]string, error) {
	rows, err := q.db.QueryContext(q.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
