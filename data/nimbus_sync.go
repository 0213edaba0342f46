package data

import (
	"database/sql"
	"errors"
)

// MemberRef is one user's membership of a Team or a service, with their UPN for the
// journal.
type MemberRef struct {
	User UserRef
	Role Membership
}

// RemoveNimbusUsers removes from Nimbus, with everything Nimbus holds on them, those of
// ids who are Nimbus users, and returns whom it removed; the directory is not touched.
func (q *Q) RemoveNimbusUsers(ids []string) ([]UserRef, error) {
	var out []UserRef
	for _, id := range ids {
		var upn string
		err := q.db.QueryRowContext(q.ctx, `SELECT d.upn FROM nimbus_users n JOIN directory_users d ON d.id = n.id
			WHERE n.id = ?`, id).Scan(&upn)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return out, err
		}
		if err := q.DeleteNimbusUser(id); err != nil {
			return out, err
		}
		out = append(out, UserRef{ID: id, UPN: upn})
	}
	return out, nil
}

// TeamMemberRefs lists a cached Team's members and owners who are directory users.
func (q *Q) TeamMemberRefs(teamID string) ([]MemberRef, error) {
	return q.memberRefs(`SELECT t.user_id, d.upn, t.role FROM team_members t JOIN directory_users d ON d.id = t.user_id
		WHERE t.team_id = ? ORDER BY t.user_id, t.role`, teamID)
}

// ServiceMemberRefs lists a service's members, owners and agents.
func (q *Q) ServiceMemberRefs(serviceID int64) ([]MemberRef, error) {
	return q.memberRefs(`SELECT m.user_id, d.upn, m.membership FROM service_members m JOIN directory_users d ON d.id = m.user_id
		WHERE m.service_id = ? ORDER BY m.user_id, m.membership`, serviceID)
}

func (q *Q) memberRefs(query string, key any) ([]MemberRef, error) {
	rows, err := q.db.QueryContext(q.ctx, query, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemberRef
	for rows.Next() {
		var m MemberRef
		if err := rows.Scan(&m.User.ID, &m.User.UPN, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// TeamsUsersInNoTeamsService lists up to limit Nimbus users who came from Teams and are
// in no Teams-based service any more.
func (q *Q) TeamsUsersInNoTeamsService(limit int) ([]UserRef, error) {
	return q.userRefs(`SELECT n.id, d.upn FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE n.origin = 'teams' AND NOT EXISTS (SELECT 1 FROM service_members m JOIN services s ON s.id = m.service_id
			WHERE m.user_id = n.id AND s.assignment_type = 'teams')
		ORDER BY n.id LIMIT ?`, limit)
}

// userRefs runs a query that selects a user's id and UPN, and reads its rows.
func (q *Q) userRefs(query string, args ...any) ([]UserRef, error) {
	rows, err := q.db.QueryContext(q.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UserRef
	for rows.Next() {
		var u UserRef
		if err := rows.Scan(&u.ID, &u.UPN); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// GrantServiceRole grants a role that follows from a service membership (Team Member,
// Team Owner), automatically and in the service's OU; a role held already stays as it is.
func (q *Q) GrantServiceRole(userID string, roleID, scopeOU, serviceID int64) error {
	_, err := q.exec(`INSERT OR IGNORE INTO role_assignments (user_id, role_id, scope_ou_id, auto_granted, source_service_id)
		VALUES (?, ?, ?, 1, ?)`, userID, roleID, scopeOU, serviceID)
	return err
}
