package app

import (
	"context"

	"nimbusadmin/data"
)

// DirectoryTeam is a cached Team with the ids of its members and owners.
type DirectoryTeam = data.Team

// DirectoryTeams lists the cached Teams by name, with their members and owners, so that
// an admin can pick the Team to provision as a service.
func (a *App) DirectoryTeams(ctx context.Context) ([]DirectoryTeam, error) {
	return a.store.Read(ctx).DirectoryTeams()
}
