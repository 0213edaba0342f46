package app

import (
	"context"

	"nimbusadmin/data"
)

// TeamSummary is a cached Team with its member and owner counts.
type TeamSummary = data.TeamSummary

// TeamSummaries lists the cached Teams by name with how many members and owners each has,
// counted in the cache, so that the Team picker of a new service opens as fast on a
// tenant of 100,000 users as on a small one.
func (a *App) TeamSummaries(ctx context.Context) ([]TeamSummary, error) {
	return a.store.Read(ctx).DirectoryTeamSummaries()
}
