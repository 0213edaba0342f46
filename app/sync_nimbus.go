package app

import (
	"database/sql"
	"fmt"

	"nimbusadmin/data"
)

// Journal actions of the changes a sync makes on the Nimbus side.
const (
	syncJoin         = "sync.user.join"     // a Team member or owner became a Nimbus user
	syncLeave        = "sync.user.leave"    // a Nimbus user left (directory or every Team)
	syncMemberAdd    = "sync.member.add"    // a Teams-based service gained a member or owner
	syncMemberRemove = "sync.member.remove" // a Teams-based service lost one
	syncKept         = "sync.user.kept"     // a user who left every Team stays: another service holds them
)

// syncNimbus lets directory changes flow into Nimbus, inside the sync's transaction:
// users gone from the directory leave Nimbus; every Teams-based service gets its Team's
// members and owners (new ones become Nimbus users of origin Teams in the default OU,
// with Team Member, or the service's default Team Owner role, granted automatically)
// and loses those who left the Team (or the whole Team, when it was deleted), with the
// Team role that came with it. Owners who stay keep the Team Owner role they hold, even
// when an admin switched it.
// Users who came from Teams and are in no Teams-based service any more leave Nimbus only
// when no other service holds them: an agent or owner of a Skill-based service stays
// with everything they have, managed by hand from then on. removed names the UPNs of
// users the sync removed from the directory, for the journal.
func syncNimbus(q *data.Q, removed map[string]string) ([]data.JournalEntry, error) {
	var entries []data.JournalEntry
	var gone []string
	err := syncRows(q, `SELECT n.id FROM nimbus_users n WHERE NOT EXISTS (SELECT 1 FROM directory_users d WHERE d.id = n.id)`,
		nil, func(r *sql.Rows) error {
			var id string
			if err := r.Scan(&id); err != nil {
				return err
			}
			gone = append(gone, id)
			return nil
		})
	if err != nil {
		return nil, err
	}
	for _, id := range gone {
		upn := removed[id]
		if upn == "" {
			upn = id
		}
		if err := q.DeleteNimbusUser(id); err != nil {
			return nil, err
		}
		entries = append(entries, entry(syncLeave, upn, "Nimbus user", "gone from the directory"))
	}
	services, err := syncTeamsServices(q)
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		more, err := syncServiceMembers(q, s)
		if err != nil {
			return nil, err
		}
		entries = append(entries, more...)
	}
	type leaver struct{ id, upn string }
	var leavers []leaver
	err = syncRows(q, `SELECT n.id, d.upn FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE n.origin = 'teams' AND NOT EXISTS (SELECT 1 FROM service_members m JOIN services s ON s.id = m.service_id
			WHERE m.user_id = n.id AND s.assignment_type = 'teams')`, nil, func(r *sql.Rows) error {
		var l leaver
		if err := r.Scan(&l.id, &l.upn); err != nil {
			return err
		}
		leavers = append(leavers, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range leavers {
		e, err := syncLeaveOrKeep(q, l.id, l.upn)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// syncLeaveOrKeep decides the fate of a user from Teams who is in no Teams-based service
// any more: they leave Nimbus, unless another service still holds them; then they stay
// with all they have and count as added by hand, and the journal says which service
// kept them.
func syncLeaveOrKeep(q *data.Q, id, upn string) (data.JournalEntry, error) {
	services, err := q.UserServices(id)
	if err != nil {
		return data.JournalEntry{}, err
	}
	var holding []string
	for _, s := range services {
		for _, m := range s.Memberships {
			holding = append(holding, fmt.Sprintf("%s of the %s service %q", m, s.AssignmentType, s.Name))
		}
	}
	if len(holding) == 0 {
		if err := q.DeleteNimbusUser(id); err != nil {
			return data.JournalEntry{}, err
		}
		return entry(syncLeave, upn, "Nimbus user", "left: in no Team of a Teams-based service and in no other service"), nil
	}
	if err := q.SetUserOrigin(id, data.OriginManual); err != nil {
		return data.JournalEntry{}, err
	}
	return entry(syncKept, upn, "Nimbus user from Teams, in no Team of a Teams-based service any more",
		"kept with everything they have: still "+joinWords(holding)+"; managed by hand from now on"), nil
}

// syncTeamsServices lists the Teams-based services.
func syncTeamsServices(q *data.Q) ([]data.Service, error) {
	all, err := q.Services()
	if err != nil {
		return nil, err
	}
	var out []data.Service
	for _, s := range all {
		if s.AssignmentType == data.TeamsBased {
			out = append(out, s)
		}
	}
	return out, nil
}

// syncMembership is one member or owner of a Teams-based service.
type syncMembership struct {
	user string
	role data.Membership
}

// syncServiceMembers makes a Teams-based service's members and owners its Team's: the
// directory users among the Team's members and owners (a deleted Team has none).
func syncServiceMembers(q *data.Q, s data.Service) ([]data.JournalEntry, error) {
	want := map[syncMembership]string{} // → UPN
	err := syncRows(q, `SELECT t.user_id, t.role, d.upn FROM team_members t JOIN directory_users d ON d.id = t.user_id
		WHERE t.team_id = ?`, []any{s.TeamID}, func(r *sql.Rows) error {
		var m syncMembership
		var upn string
		if err := r.Scan(&m.user, &m.role, &upn); err != nil {
			return err
		}
		want[m] = upn
		return nil
	})
	if err != nil {
		return nil, err
	}
	have := map[syncMembership]string{}
	err = syncRows(q, `SELECT m.user_id, m.membership, d.upn FROM service_members m JOIN directory_users d ON d.id = m.user_id
		WHERE m.service_id = ?`, []any{s.ID}, func(r *sql.Rows) error {
		var m syncMembership
		var upn string
		if err := r.Scan(&m.user, &m.role, &upn); err != nil {
			return err
		}
		have[m] = upn
		return nil
	})
	if err != nil {
		return nil, err
	}
	roles, err := syncTeamRoles(q)
	if err != nil {
		return nil, err
	}
	var entries []data.JournalEntry
	for m, upn := range have {
		if _, ok := want[m]; ok {
			continue
		}
		if err := q.RemoveServiceMember(s.ID, m.user, m.role); err != nil {
			return nil, err
		}
		if err := q.RemoveServiceRoles(m.user, s.ID, teamRoleKeys(m.role)...); err != nil {
			return nil, err
		}
		entries = append(entries, entry(syncMemberRemove, s.Name, fmt.Sprintf("%s as %s", upn, m.role),
			"left the Team; the role that came with it went too"))
	}
	var defaultOU int64
	for m, upn := range want {
		if _, ok := have[m]; ok {
			continue
		}
		if _, err := q.NimbusUser(m.user); err != nil {
			if defaultOU == 0 {
				if defaultOU, err = syncDefaultOU(q); err != nil {
					return nil, err
				}
			}
			if err := q.AddNimbusUser(m.user, defaultOU, data.OriginTeams, 0); err != nil {
				return nil, err
			}
			entries = append(entries, entry(syncJoin, upn, "", fmt.Sprintf("Nimbus user from the Team of %q", s.Name)))
		}
		if err := q.AddServiceMember(s.ID, m.user, m.role); err != nil {
			return nil, err
		}
		role := data.RoleTeamMember
		if m.role == data.Owner {
			role = s.DefaultOwnerRole.RoleKey()
		}
		if _, err := q.Exec(`INSERT OR IGNORE INTO role_assignments (user_id, role_id, scope_ou_id, auto_granted, source_service_id)
			VALUES (?, ?, ?, 1, ?)`, m.user, roles[role].ID, s.OUID, s.ID); err != nil {
			return nil, err
		}
		entries = append(entries, entry(syncMemberAdd, s.Name, "", fmt.Sprintf("%s as %s (%s role granted)", upn, m.role, roles[role].Name)))
	}
	return entries, nil
}

// syncTeamRoles reads the roles that follow Team membership and ownership, by key: Team
// Member, and Team Owner or Team Owner (limited) as the service's default owner role says.
func syncTeamRoles(q *data.Q) (map[string]data.Role, error) {
	roles := map[string]data.Role{}
	for _, key := range []string{data.RoleTeamMember, data.RoleTeamOwner, data.RoleTeamOwnerLimited} {
		r, err := q.BuiltinRole(key)
		if err != nil {
			return nil, err
		}
		roles[key] = r
	}
	return roles, nil
}

// teamRoleKeys are the roles a Team membership may have granted: Team Member for a
// member, and for an owner whichever of Team Owner and Team Owner (limited) they hold.
func teamRoleKeys(m data.Membership) []string {
	if m == data.Owner {
		return []string{data.RoleTeamOwner, data.RoleTeamOwnerLimited}
	}
	return []string{data.RoleTeamMember}
}

// syncDefaultOU is where users who arrive from Teams are placed: the tenant setting, or
// the root OU.
func syncDefaultOU(q *data.Q) (int64, error) {
	s, err := q.TenantSettings()
	if err != nil {
		return 0, err
	}
	if s.DefaultTeamsOUID != 0 {
		return s.DefaultTeamsOUID, nil
	}
	tree, err := loadTree(q)
	if err != nil {
		return 0, err
	}
	return tree.Root, nil
}

// syncRows runs a query inside q's transaction and scans every row.
func syncRows(q *data.Q, query string, args []any, scan func(*sql.Rows) error) error {
	stmt, err := q.Prepare(query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	rows, err := stmt.Query(args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
