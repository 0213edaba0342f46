package data

import "database/sql"

// TeamSummary is a cached Team with how many members and owners it has, counted where
// they are stored, for pickers that name Teams without loading who is in them.
type TeamSummary struct {
	ID          string
	DisplayName string
	Members     int
	Owners      int
}

// DirectoryTeamSummaries lists the cached Teams by name with their member and owner counts.
func (q *Q) DirectoryTeamSummaries() ([]TeamSummary, error) {
	var out []TeamSummary
	err := q.scan(`SELECT t.id, t.display_name,
			(SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.role = 'member'),
			(SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.role = 'owner')
		FROM teams t ORDER BY t.display_name COLLATE NOCASE, t.id`, func(r *sql.Rows) error {
		var t TeamSummary
		if err := r.Scan(&t.ID, &t.DisplayName, &t.Members, &t.Owners); err != nil {
			return err
		}
		out = append(out, t)
		return nil
	})
	return out, err
}
