package data

import (
	"database/sql"
	"errors"
)

const roleColumns = `r.id, ifnull(r.builtin_key, ''), r.kind, r.name, ifnull(r.ou_id, 0), r.description`

// Roles lists the built-in roles and then the custom roles, by name.
func (q *Q) Roles() ([]Role, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT `+roleColumns+` FROM roles r
		ORDER BY r.kind = 'custom', r.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Role
	for rows.Next() {
		var r Role
		if err := rows.Scan(&r.ID, &r.BuiltinKey, &r.Kind, &r.Name, &r.OUID, &r.Description); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Role reads one role by id.
func (q *Q) Role(id int64) (Role, error) {
	var r Role
	err := q.db.QueryRowContext(q.ctx, `SELECT `+roleColumns+` FROM roles r WHERE r.id = ?`, id).
		Scan(&r.ID, &r.BuiltinKey, &r.Kind, &r.Name, &r.OUID, &r.Description)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// BuiltinRole reads a built-in role by its key (RoleTenantAdmin, ...).
func (q *Q) BuiltinRole(key string) (Role, error) {
	var r Role
	err := q.db.QueryRowContext(q.ctx, `SELECT `+roleColumns+` FROM roles r WHERE r.builtin_key = ?`, key).
		Scan(&r.ID, &r.BuiltinKey, &r.Kind, &r.Name, &r.OUID, &r.Description)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// CreateCustomRole adds a custom role in an OU and returns its id.
func (q *Q) CreateCustomRole(name string, ou int64, description string) (int64, error) {
	res, err := q.exec(`INSERT INTO roles (kind, name, ou_id, description) VALUES ('custom', ?, ?, ?)`, name, ou, description)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// SetRolePermission sets one item's CRUD bits on a custom role (0 removes the item).
func (q *Q) SetRolePermission(roleID int64, item string, perms int) error {
	if perms == 0 {
		_, err := q.exec(`DELETE FROM role_permissions WHERE role_id = ? AND item = ?`, roleID, item)
		return err
	}
	_, err := q.exec(`INSERT INTO role_permissions (role_id, item, permissions) VALUES (?, ?, ?)
		ON CONFLICT (role_id, item) DO UPDATE SET permissions = excluded.permissions`, roleID, item, perms)
	return err
}

const assignmentColumns = `a.id, a.user_id, ` + roleColumns + `, a.scope_ou_id, a.auto_granted, ifnull(a.source_service_id, 0)
	FROM role_assignments a JOIN roles r ON r.id = a.role_id`

func scanAssignment(sc interface{ Scan(...any) error }) (RoleAssignment, error) {
	var a RoleAssignment
	r := &a.Role
	err := sc.Scan(&a.ID, &a.UserID, &r.ID, &r.BuiltinKey, &r.Kind, &r.Name, &r.OUID, &r.Description,
		&a.ScopeOUID, &a.AutoGranted, &a.SourceServiceID)
	return a, err
}

// UserRoles lists a user's role assignments: built-in roles first, then custom ones.
func (q *Q) UserRoles(userID string) ([]RoleAssignment, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT `+assignmentColumns+` WHERE a.user_id = ?
		ORDER BY r.kind = 'custom', r.id, a.scope_ou_id, a.id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RoleAssignment
	for rows.Next() {
		a, err := scanAssignment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// RoleAssignment reads one role assignment.
func (q *Q) RoleAssignment(id int64) (RoleAssignment, error) {
	a, err := scanAssignment(q.db.QueryRowContext(q.ctx, `SELECT `+assignmentColumns+` WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// AssignRole gives a user a role in an OU scope and returns the assignment's id.
func (q *Q) AssignRole(userID string, roleID, scopeOU int64, auto bool, sourceService int64) (int64, error) {
	var src any
	if sourceService != 0 {
		src = sourceService
	}
	res, err := q.exec(`INSERT INTO role_assignments (user_id, role_id, scope_ou_id, auto_granted, source_service_id)
		VALUES (?, ?, ?, ?, ?)`, userID, roleID, scopeOU, auto, src)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// SetRoleScope changes the OU scope of a role assignment.
func (q *Q) SetRoleScope(assignmentID, scopeOU int64) error {
	_, err := q.exec(`UPDATE role_assignments SET scope_ou_id = ? WHERE id = ?`, scopeOU, assignmentID)
	return err
}

// RemoveRoleAssignment deletes one role assignment.
func (q *Q) RemoveRoleAssignment(id int64) error {
	_, err := q.exec(`DELETE FROM role_assignments WHERE id = ?`, id)
	return err
}

// CountRoleHolders counts the users holding a role.
func (q *Q) CountRoleHolders(roleID int64) (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(DISTINCT user_id) FROM role_assignments WHERE role_id = ?`, roleID).Scan(&n)
	return n, err
}

// RemoveServiceRole takes away the role a user holds because of a service membership.
func (q *Q) RemoveServiceRole(userID string, roleID, serviceID int64) error {
	_, err := q.exec(`DELETE FROM role_assignments WHERE user_id = ? AND role_id = ? AND source_service_id = ?`, userID, roleID, serviceID)
	return err
}
