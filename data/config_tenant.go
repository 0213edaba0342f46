package data

import (
	"database/sql"
	"errors"
)

// ConfigSnippetSample is a user whose Contact ID the snippet preview uses.
type ConfigSnippetSample struct {
	DisplayName string
	ContactID   string
}

// ConfigSnippetSample picks the first Interact user by name, for the snippet preview;
// ErrNotFound when no user has Interact settings yet.
func (q *Q) ConfigSnippetSample() (ConfigSnippetSample, error) {
	var s ConfigSnippetSample
	err := q.db.QueryRowContext(q.ctx, `SELECT ifnull(nullif(d.display_name, ''), d.upn), i.contact_id
		FROM interact_users i JOIN directory_users d ON d.id = i.user_id
		ORDER BY ifnull(d.display_name, d.upn) COLLATE NOCASE LIMIT 1`).Scan(&s.DisplayName, &s.ContactID)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, err
}
