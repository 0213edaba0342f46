package app

import (
	"context"
	"database/sql"
)

// DirectoryTeam is a cached Team with the ids of its members and owners.
type DirectoryTeam struct {
	ID          string
	DisplayName string
	Members     []string
	Owners      []string
}

// DirectoryTeams lists the cached Teams by name, with their members and owners, so that
// an admin can pick the Team to provision as a service.
func (a *App) DirectoryTeams(ctx context.Context) ([]DirectoryTeam, error) {
	var out []DirectoryTeam
	index := map[string]int{}
	q := a.store.Read(ctx)
	err := func() error {
		err := syncRows(q, `SELECT id, display_name FROM teams ORDER BY display_name COLLATE NOCASE, id`, nil, func(r *sql.Rows) error {
			var t DirectoryTeam
			if err := r.Scan(&t.ID, &t.DisplayName); err != nil {
				return err
			}
			index[t.ID] = len(out)
			out = append(out, DirectoryTeam{ID: t.ID, DisplayName: t.DisplayName, Members: []string{}, Owners: []string{}})
			return nil
		})
		if err != nil {
			return err
		}
		return syncRows(q, `SELECT team_id, user_id, role FROM team_members ORDER BY team_id, role, user_id`, nil, func(r *sql.Rows) error {
			var team, user, role string
			if err := r.Scan(&team, &user, &role); err != nil {
				return err
			}
			if i, ok := index[team]; ok {
				if role == "owner" {
					out[i].Owners = append(out[i].Owners, user)
				} else {
					out[i].Members = append(out[i].Members, user)
				}
			}
			return nil
		})
	}()
	return out, err
}
