package data

import (
	"errors"
	"time"
)

// AuthCacheSummary is what 'nimbusadmin status' and the offline banner say about a
// cache: whose it is, how much it holds and when it was last synced.
type AuthCacheSummary struct {
	TenantID, TenantName string
	IsDemo               bool
	DirectoryUsers       int
	Teams                int
	NimbusUsers          int
	Services             int
	LastSync             time.Time // zero when the cache was never synced
}

// AuthCacheSummary counts the cache's contents without loading them.
func (q *Q) AuthCacheSummary() (AuthCacheSummary, error) {
	var s AuthCacheSummary
	settings, err := q.TenantSettings()
	if err != nil && !errors.Is(err, ErrNotFound) {
		return s, err
	}
	s.TenantID, s.TenantName, s.IsDemo = settings.TenantID, settings.TenantName, settings.IsDemo
	err = q.db.QueryRowContext(q.ctx, `SELECT
		(SELECT count(*) FROM directory_users), (SELECT count(*) FROM teams),
		(SELECT count(*) FROM nimbus_users), (SELECT count(*) FROM services)`).
		Scan(&s.DirectoryUsers, &s.Teams, &s.NimbusUsers, &s.Services)
	if err != nil {
		return s, err
	}
	s.LastSync, err = q.LastSync()
	return s, err
}
