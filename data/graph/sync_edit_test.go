package graph_test

import (
	"context"
	"slices"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// An admin's changes made while a sync writes, between two of its chunks, stay: a
// licence granted to a user the sync keeps (they left their Team but are an agent of a
// Skill-based service) and to a user whose directory entry the sync updates later. A
// user the sync removes because they left the directory takes the change with them, and
// the journal says why.
func TestAnEditBetweenTwoSyncChunksStays(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 5000})
	// Three members of the first Team whose ids come last: the sync writes them in its last
	// chunk, after the admin's change.
	var ids []string
	for _, u := range s.Users() {
		ids = append(ids, u.ID)
	}
	slices.Sort(ids)
	late := ids[len(ids)-3:]
	team := s.Teams()[0]
	team.Members = append(slices.DeleteFunc(slices.Clone(team.Members), func(m string) bool { return slices.Contains(late, m) }), late...)
	team.Owners = slices.DeleteFunc(slices.Clone(team.Owners), func(m string) bool { return slices.Contains(late, m) })
	mustDo(t, s.SetTeamMembers(team.ID, team.Members, team.Owners))
	a := newCache(t, "")
	sync(t, a, c, false)
	root := rootOU(t, a)
	_, err := a.CreateTeamsService(ctx, team.ID, root)
	mustDo(t, err)
	escalations, err := a.CreateService(ctx, "Escalations", data.SkillBased, root)
	mustDo(t, err)

	kept, updated, gone := late[0], late[1], late[2]
	mustDo(t, a.GrantLicence(ctx, kept, data.ContactCenter))
	mustDo(t, a.AddServiceMember(ctx, escalations, kept, data.Agent))
	mustDo(t, s.SetTeamMembers(team.ID, slices.DeleteFunc(slices.Clone(team.Members), func(m string) bool { return m == kept }), team.Owners))
	mustDo(t, s.UpdateUser(updated, map[string]any{"jobTitle": "Night Lead"}))
	goneUPN := upnOf(t, a, gone)
	mustDo(t, s.RemoveUser(gone, "deleted"))

	saving := 0
	_, err = a.Sync(ctx, c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Phase != app.SyncSaving {
			return
		}
		if saving++; saving == 1 {
			for _, id := range []string{kept, updated, gone} {
				mustDo(t, a.GrantLicence(ctx, id, data.AttendantConsole))
			}
		}
	}})
	mustDo(t, err)
	if saving < 3 {
		t.Fatalf("the sync saved %d chunks, want several", saving)
	}

	k, err := a.UserDetail(ctx, kept)
	if err != nil {
		t.Fatalf("the kept agent left Nimbus: %v", err)
	}
	if k.User.Licences != data.ContactCenter|data.AttendantConsole || k.User.Origin != data.OriginManual {
		t.Errorf("the kept agent: licences %v, origin %s; want the licence granted during the sync, managed by hand", k.User.Licences, k.User.Origin)
	}
	u, err := a.UserDetail(ctx, updated)
	mustDo(t, err)
	if u.User.Licences != data.AttendantConsole || u.User.JobTitle != "Night Lead" {
		t.Errorf("the updated user: licences %v, job title %q; want both the admin's and the directory's change", u.User.Licences, u.User.JobTitle)
	}
	if _, err := a.UserDetail(ctx, gone); err == nil {
		t.Error("a user gone from the directory is still a Nimbus user")
	}
	journal, err := a.Journal(ctx, 500)
	mustDo(t, err)
	if !journalHas(journal, "sync.user.leave", goneUPN) {
		t.Errorf("the journal does not say that %s left with the directory: %+v", goneUPN, journal[:min(6, len(journal))])
	}
	assertSameDirectory(t, a, s)
}
