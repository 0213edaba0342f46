package data

import (
	"database/sql"
	"errors"
)

// TeamName reads the display name of a Team in the cached directory, so that a service
// provisioned from the Team takes its name; ErrNotFound when the cache has no such Team.
func (q *Q) TeamName(teamID string) (string, error) {
	var name string
	err := q.db.QueryRowContext(q.ctx, `SELECT display_name FROM teams WHERE id = ?`, teamID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return name, err
}

// ServiceOfTeam names the service a Team backs, since a Team backs one service only;
// ErrNotFound when it backs none.
func (q *Q) ServiceOfTeam(teamID string) (string, error) {
	var name string
	err := q.db.QueryRowContext(q.ctx, `SELECT name FROM services WHERE team_id = ?`, teamID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return name, err
}

// HasServiceMembership tells whether a user belongs to a service in the given way (as an
// agent, an owner or a member), so that taking away a membership they lack is refused.
func (q *Q) HasServiceMembership(serviceID int64, userID string, m Membership) (bool, error) {
	var one int
	err := q.db.QueryRowContext(q.ctx, `SELECT 1 FROM service_members WHERE service_id = ? AND user_id = ? AND membership = ?`,
		serviceID, userID, m).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}
