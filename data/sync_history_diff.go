package data

import "strconv"

// directoryState is what the sync history compares of a cached directory user.
type directoryState struct {
	name, upn, department, jobTitle string
	enabled                         string // "1", "0", or "" when unknown
}

// DirectoryDiff says what a chunk of a users delta round changes for each person, read
// before the chunk is written: who joins or leaves the directory, and whose name, UPN,
// department, job title or account state changes. A person listed twice counts as the
// chunk leaves them.
func (q *Q) DirectoryDiff(changes []DirectoryUserChange, full bool) ([]SyncChange, error) {
	ids := make([]string, 0, len(changes))
	for _, c := range changes {
		ids = append(ids, c.User.ID)
	}
	before, err := q.directoryStates(ids)
	if err != nil {
		return nil, err
	}
	after := map[string]*directoryState{}
	var order []string
	for i := range changes {
		c := &changes[i]
		id := c.User.ID
		cur, seen := after[id]
		if !seen {
			order = append(order, id)
			if b, ok := before[id]; ok {
				copied := b
				cur = &copied
			}
		}
		if c.Removed {
			after[id] = nil
			continue
		}
		if cur == nil || full {
			cur = &directoryState{}
		}
		set := func(f DirectoryFields, dst *string, v string) {
			if full || c.Carried&f != 0 {
				*dst = ""
				if c.Null&f == 0 {
					*dst = v
				}
			}
		}
		set(FieldDisplayName, &cur.name, c.User.DisplayName)
		set(FieldUPN, &cur.upn, c.User.UPN)
		set(FieldDepartment, &cur.department, c.User.Department)
		set(FieldJobTitle, &cur.jobTitle, c.User.JobTitle)
		enabled := ""
		if c.User.AccountEnabled != nil {
			enabled = map[bool]string{true: "1", false: "0"}[*c.User.AccountEnabled]
		}
		set(FieldAccountEnabled, &cur.enabled, enabled)
		after[id] = cur
	}
	var out []SyncChange
	for _, id := range order {
		b, had := before[id]
		a := after[id]
		switch {
		case !had && a == nil:
		case !had:
			out = append(out, SyncChange{UserID: id, UPN: a.upn, Kind: ChangeJoinedDirectory, New: a.name, Detail: a.department})
		case a == nil:
			out = append(out, SyncChange{UserID: id, UPN: b.upn, Kind: ChangeLeftDirectory, Old: b.name})
		default:
			out = append(out, stateChanges(id, b, *a)...)
		}
	}
	return out, nil
}

// stateChanges lists what differs between a person's cached state and their new one.
func stateChanges(id string, b, a directoryState) []SyncChange {
	var out []SyncChange
	add := func(kind, old, new string) {
		out = append(out, SyncChange{UserID: id, UPN: a.upn, Kind: kind, Old: old, New: new})
	}
	if b.name != a.name {
		add(ChangeRenamed, b.name, a.name)
	}
	if b.upn != a.upn {
		add(ChangeUPN, b.upn, a.upn)
	}
	if b.department != a.department {
		add(ChangeDepartment, b.department, a.department)
	}
	if b.jobTitle != a.jobTitle {
		add(ChangeJobTitle, b.jobTitle, a.jobTitle)
	}
	switch {
	case b.enabled != "0" && a.enabled == "0":
		add(ChangeDisabled, "", "")
	case b.enabled == "0" && a.enabled != "0":
		add(ChangeEnabled, "", "")
	}
	return out
}

// directoryStates reads the cached state of each of ids the directory holds.
func (q *Q) directoryStates(ids []string) (map[string]directoryState, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, ifnull(display_name, ''), upn, ifnull(department, ''),
		ifnull(job_title, ''), account_enabled FROM directory_users WHERE id IN (SELECT value FROM json_each(?))`, jsonArray(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	states := make(map[string]directoryState, len(ids))
	for rows.Next() {
		var id string
		var s directoryState
		var enabled *int64
		if err := rows.Scan(&id, &s.name, &s.upn, &s.department, &s.jobTitle, &enabled); err != nil {
			return nil, err
		}
		if enabled != nil {
			s.enabled = strconv.FormatInt(*enabled, 10)
		}
		states[id] = s
	}
	return states, rows.Err()
}

// TeamsDiff says who joins or leaves which Team when the cached Teams become teams, read
// before they are written; a Team in gone (removed from the directory) is left by all.
// Owners count as members: a person joins a Team when they become its member or owner.
func (q *Q) TeamsDiff(teams []Team, gone []string) ([]SyncChange, error) {
	ids := append([]string{}, gone...)
	for _, t := range teams {
		ids = append(ids, t.ID)
	}
	rows, err := q.db.QueryContext(q.ctx, `SELECT m.team_id, t.display_name, m.user_id FROM team_members m
		JOIN teams t ON t.id = m.team_id WHERE m.team_id IN (SELECT value FROM json_each(?))`, jsonArray(ids))
	if err != nil {
		return nil, err
	}
	before := map[string]map[string]bool{}
	names := map[string]string{}
	for rows.Next() {
		var team, name, user string
		if err := rows.Scan(&team, &name, &user); err != nil {
			rows.Close()
			return nil, err
		}
		if before[team] == nil {
			before[team] = map[string]bool{}
		}
		before[team][user], names[team] = true, name
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []SyncChange
	for _, t := range teams {
		now := map[string]bool{}
		for _, list := range [][]string{t.Members, t.Owners} {
			for _, u := range list {
				if !now[u] && !before[t.ID][u] {
					out = append(out, SyncChange{UserID: u, Kind: ChangeJoinedTeam, New: t.DisplayName, Detail: t.ID})
				}
				now[u] = true
			}
		}
		for u := range before[t.ID] {
			if !now[u] {
				out = append(out, SyncChange{UserID: u, Kind: ChangeLeftTeam, Old: t.DisplayName, Detail: t.ID})
			}
		}
	}
	for _, id := range gone {
		for u := range before[id] {
			out = append(out, SyncChange{UserID: u, Kind: ChangeLeftTeam, Old: names[id], Detail: id + " (the Team is gone)"})
		}
	}
	users := make([]string, len(out))
	for i, c := range out {
		users[i] = c.UserID
	}
	upns, err := q.upnsOf(users)
	for i := range out {
		out[i].UPN = upns[out[i].UserID]
	}
	return out, err
}
