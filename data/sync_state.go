package data

import (
	"database/sql"
	"errors"
	"time"
)

// The resources a sync keeps a state for: the users delta round, and the Teams listing.
const (
	ResourceUsers = "users"
	ResourceTeams = "teams"
)

// SavedDeltaLink reads the delta link the last complete users round left ("" for none).
func (q *Q) SavedDeltaLink() (string, error) {
	var link string
	err := q.db.QueryRowContext(q.ctx, `SELECT delta_link FROM sync_state WHERE resource = ?`, ResourceUsers).Scan(&link)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return link, err
}

// SaveSyncState records that a resource was synced completely at completedAt, with the
// delta link the next round starts from. A sync saves it last, once everything the link
// covers is in the cache, so that the link is never ahead of the data.
func (q *Q) SaveSyncState(resource, deltaLink string, completedAt time.Time) error {
	_, err := q.exec(`INSERT INTO sync_state (resource, delta_link, completed_at) VALUES (?, ?, ?)
		ON CONFLICT (resource) DO UPDATE SET delta_link = excluded.delta_link, completed_at = excluded.completed_at`,
		resource, deltaLink, Timestamp(completedAt))
	return err
}

// LastSync says when the directory was last synced completely (zero for never).
func (q *Q) LastSync() (time.Time, error) {
	var at string
	err := q.db.QueryRowContext(q.ctx, `SELECT completed_at FROM sync_state WHERE resource = ?`, ResourceUsers).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && at == "") {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339, at)
}
