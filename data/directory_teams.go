package data

import "database/sql"

// DirectoryTeams lists the cached Teams by name, with the ids of their members and
// owners in order.
func (q *Q) DirectoryTeams() ([]Team, error) {
	var out []Team
	index := map[string]int{}
	err := q.scan(`SELECT id, display_name FROM teams ORDER BY display_name COLLATE NOCASE, id`, func(r *sql.Rows) error {
		t := Team{Members: []string{}, Owners: []string{}}
		if err := r.Scan(&t.ID, &t.DisplayName); err != nil {
			return err
		}
		index[t.ID] = len(out)
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = q.scan(`SELECT team_id, user_id, role FROM team_members ORDER BY team_id, role, user_id`, func(r *sql.Rows) error {
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
	return out, err
}

// DirectoryTeamIDs lists the ids of the cached Teams.
func (q *Q) DirectoryTeamIDs() ([]string, error) {
	return q.idList(`SELECT id FROM teams ORDER BY id`)
}

// WriteDirectoryTeams caches Teams as listed: each one's name, and its members and owners
// replacing those cached before.
func (q *Q) WriteDirectoryTeams(teams []Team) error {
	team, err := q.prepare(`INSERT INTO teams (id, display_name) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name`)
	if err != nil {
		return err
	}
	defer team.Close()
	clear, err := q.prepare(`DELETE FROM team_members WHERE team_id = ?`)
	if err != nil {
		return err
	}
	defer clear.Close()
	member, err := q.prepare(`INSERT OR IGNORE INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer member.Close()
	for _, t := range teams {
		if _, err := team.ExecContext(q.ctx, t.ID, t.DisplayName); err != nil {
			return err
		}
		if _, err := clear.ExecContext(q.ctx, t.ID); err != nil {
			return err
		}
		for role, list := range map[string][]string{"member": t.Members, "owner": t.Owners} {
			for _, id := range list {
				if _, err := member.ExecContext(q.ctx, t.ID, id, role); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// RemoveDirectoryTeams removes cached Teams (gone from the directory) with their members
// and owners.
func (q *Q) RemoveDirectoryTeams(ids []string) error {
	return q.execEach(`DELETE FROM teams WHERE id = ?`, ids)
}
