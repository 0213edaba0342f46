package data

import (
	"database/sql"
	"errors"
)

const serviceColumns = `s.id, s.name, s.assignment_type, ifnull(s.team_id, ''), s.ou_id,
	(SELECT count(DISTINCT user_id) FROM service_members m WHERE m.service_id = s.id),
	s.licence, s.default_owner_role, s.members_can_change_active`

// serviceFields are the destinations of serviceColumns, in order.
func serviceFields(s *Service) []any {
	return []any{&s.ID, &s.Name, &s.AssignmentType, &s.TeamID, &s.OUID, &s.Users,
		&s.Licence, &s.DefaultOwnerRole, &s.MembersCanChangeActive}
}

func scanService(sc interface{ Scan(...any) error }) (Service, error) {
	var s Service
	err := sc.Scan(serviceFields(&s)...)
	return s, err
}

// Services lists every service with its user count, by name.
func (q *Q) Services() ([]Service, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT `+serviceColumns+` FROM services s ORDER BY s.name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Service
	for rows.Next() {
		s, err := scanService(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Service reads one service.
func (q *Q) Service(id int64) (Service, error) {
	s, err := scanService(q.db.QueryRowContext(q.ctx, `SELECT `+serviceColumns+` FROM services s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, err
}

// CreateService adds a service with the default licence of its type; teamID is set only
// for Teams-based services.
func (q *Q) CreateService(name string, t AssignmentType, teamID string, ou int64) (int64, error) {
	var team any
	if teamID != "" {
		team = teamID
	}
	res, err := q.exec(`INSERT INTO services (name, assignment_type, team_id, ou_id, licence) VALUES (?, ?, ?, ?, ?)`,
		name, t, team, ou, DefaultServiceLicence(t))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// UserServices lists the services a user belongs to, with how, by service name.
func (q *Q) UserServices(userID string) ([]UserService, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT `+serviceColumns+`, m.membership
		FROM service_members m JOIN services s ON s.id = m.service_id
		WHERE m.user_id = ? ORDER BY s.name COLLATE NOCASE, s.id, m.membership`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UserService
	for rows.Next() {
		var us UserService
		var m Membership
		if err := rows.Scan(append(serviceFields(&us.Service), &m)...); err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].ID == us.ID {
			out[n-1].Memberships = append(out[n-1].Memberships, m)
			continue
		}
		us.Memberships = []Membership{m}
		out = append(out, us)
	}
	return out, rows.Err()
}

// AddServiceMember records that a user belongs to a service. A new user is active; a
// user who already belongs another way keeps their Active state.
func (q *Q) AddServiceMember(serviceID int64, userID string, m Membership) error {
	_, err := q.exec(`INSERT OR IGNORE INTO service_members (service_id, user_id, membership, active)
		VALUES (?1, ?2, ?3, ifnull((SELECT min(active) FROM service_members WHERE service_id = ?1 AND user_id = ?2), 1))`,
		serviceID, userID, m)
	return err
}

// RemoveServiceMember removes one membership of a user in a service.
func (q *Q) RemoveServiceMember(serviceID int64, userID string, m Membership) error {
	_, err := q.exec(`DELETE FROM service_members WHERE service_id = ? AND user_id = ? AND membership = ?`, serviceID, userID, m)
	return err
}
