package app

import (
	"context"
	"errors"
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

// nimbus lets the cached Teams flow into Nimbus, in short transactions: every
// Teams-based service gets its Team's members and owners (new ones become Nimbus users of
// origin Teams in the default OU, with Team Member, or the service's default Team Owner
// role, granted automatically) and loses those who left the Team (or the whole Team,
// when it was deleted), with the Team role that came with it. Owners who stay keep the
// Team Owner role they hold, even when an admin switched it.
// Users who came from Teams and are in no Teams-based service any more leave Nimbus only
// when no other service holds them: an agent or owner of a Skill-based service stays
// with everything they have, managed by hand from then on.
// Every transaction reads what it changes afresh, so an admin's change made meanwhile
// (a service deleted, a licence granted, a user added to another service) is kept.
func (s *syncRun) nimbus(ctx context.Context) error {
	services, err := s.app.store.Read(ctx).Services()
	if err != nil {
		return err
	}
	for _, svc := range services {
		if svc.AssignmentType != data.TeamsBased {
			continue
		}
		for more := true; more; {
			err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
				current, err := q.Service(svc.ID)
				if errors.Is(err, data.ErrNotFound) {
					more = false // deleted meanwhile
					return nil, nil
				}
				if err != nil {
					return nil, err
				}
				var entries []data.JournalEntry
				entries, more, err = syncServiceMembersUpTo(q, current, syncChunkNimbus)
				return entries, err
			})
			if err != nil {
				return err
			}
			s.report(SyncNimbus)
		}
	}
	for more := true; more; {
		err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
			leavers, err := q.TeamsUsersInNoTeamsService(syncChunkNimbus)
			if err != nil {
				return nil, err
			}
			more = len(leavers) == syncChunkNimbus
			var entries []data.JournalEntry
			for _, l := range leavers {
				e, err := syncLeaveOrKeep(q, l.ID, l.UPN)
				if err != nil {
					return nil, err
				}
				entries = append(entries, e)
			}
			return entries, nil
		})
		if err != nil {
			return err
		}
		s.report(SyncNimbus)
	}
	return nil
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

// syncServiceMembers makes a Teams-based service's members and owners its Team's: the
// directory users among the Team's members and owners (a deleted Team has none).
func syncServiceMembers(q *data.Q, s data.Service) ([]data.JournalEntry, error) {
	entries, _, err := syncServiceMembersUpTo(q, s, -1)
	return entries, err
}

// syncServiceMembersUpTo makes up to limit changes (no limit when negative) that bring a
// Teams-based service's members and owners closer to its Team's; more says that changes
// remain.
func syncServiceMembersUpTo(q *data.Q, s data.Service, limit int) (entries []data.JournalEntry, more bool, err error) {
	want, err := memberSet(q.TeamMemberRefs(s.TeamID))
	if err != nil {
		return nil, false, err
	}
	have, err := memberSet(q.ServiceMemberRefs(s.ID))
	if err != nil {
		return nil, false, err
	}
	roles, err := syncTeamRoles(q)
	if err != nil {
		return nil, false, err
	}
	for _, m := range have.list {
		if want.has[m] {
			continue
		}
		if limit >= 0 && len(entries) >= limit {
			return entries, true, nil
		}
		if err := q.RemoveServiceMember(s.ID, m.User.ID, m.Role); err != nil {
			return nil, false, err
		}
		if err := q.RemoveServiceRoles(m.User.ID, s.ID, teamRoleKeys(m.Role)...); err != nil {
			return nil, false, err
		}
		entries = append(entries, entry(syncMemberRemove, s.Name, fmt.Sprintf("%s as %s", m.User.UPN, m.Role),
			"left the Team; the role that came with it went too"))
	}
	var defaultOU int64
	for _, m := range want.list {
		if have.has[m] {
			continue
		}
		if limit >= 0 && len(entries) >= limit {
			return entries, true, nil
		}
		if _, err := q.NimbusUser(m.User.ID); err != nil {
			if defaultOU == 0 {
				if defaultOU, err = syncDefaultOU(q); err != nil {
					return nil, false, err
				}
			}
			if err := q.AddNimbusUser(m.User.ID, defaultOU, data.OriginTeams, 0); err != nil {
				return nil, false, err
			}
			entries = append(entries, entry(syncJoin, m.User.UPN, "", fmt.Sprintf("Nimbus user from the Team of %q", s.Name)))
		}
		if err := q.AddServiceMember(s.ID, m.User.ID, m.Role); err != nil {
			return nil, false, err
		}
		role := data.RoleTeamMember
		if m.Role == data.Owner {
			role = s.DefaultOwnerRole.RoleKey()
		}
		if err := q.GrantServiceRole(m.User.ID, roles[role].ID, s.OUID, s.ID); err != nil {
			return nil, false, err
		}
		entries = append(entries, entry(syncMemberAdd, s.Name, "", fmt.Sprintf("%s as %s (%s role granted)", m.User.UPN, m.Role, roles[role].Name)))
	}
	return entries, false, nil
}

// syncMembers is a list of memberships, in order, and the set of them.
type syncMembers struct {
	list []data.MemberRef
	has  map[data.MemberRef]bool
}

func memberSet(refs []data.MemberRef, err error) (syncMembers, error) {
	m := syncMembers{list: refs, has: make(map[data.MemberRef]bool, len(refs))}
	for _, r := range refs {
		m.has[r] = true
	}
	return m, err
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
