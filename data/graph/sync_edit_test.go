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
	s, c := startTenant(t, simtenant.Options{Users: 3000})
	a := newCache(t, "")
	sync(t, a, c, false)
	root := rootOU(t, a)
	team := s.Teams()[0]
	_, err := a.CreateTeamsService(ctx, team.ID, root)
	mustDo(t, err)
	escalations, err := a.CreateService(ctx, "Escalations", data.SkillBased, root)
	mustDo(t, err)

	// Three Nimbus users whose ids the sync writes after its first chunk of 1,000.
	var late []string
	for _, m := range team.Members {
		if !slices.Contains(team.Owners, m) && sortedPosition(s, m) >= 1000 {
			late = append(late, m)
		}
	}
	if len(late) < 3 {
		t.Fatalf("the first Team has too few members past the first chunk: %v", late)
	}
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

// sortedPosition is where a user's id comes in the directory sorted by id: the sync
// writes users in that order.
func sortedPosition(s *simtenant.Server, id string) int {
	var ids []string
	for _, u := range s.Users() {
		ids = append(ids, u.ID)
	}
	slices.Sort(ids)
	i, _ := slices.BinarySearch(ids, id)
	return i
}

// A user an admin adds from Microsoft Graph while a full sync writes (someone created in
// Entra ID after the sync read the directory) is not taken for one who left: they stay
// until a sync reads the directory without them.
func TestAUserAddedDuringAFullSyncStays(t *testing.T) {
	ctx := context.Background()
	_, c := startTenant(t, simtenant.Options{Users: 2500})
	a := newCache(t, "")
	sync(t, a, c, false)
	root := rootOU(t, a)
	late := data.DirectoryUser{ID: "7a7e0000-0000-4000-8000-000000000001", DisplayName: "Late Arrival", UPN: "late.arrival@contoso.example"}
	saving := 0
	_, err := a.Sync(ctx, c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Phase == app.SyncSaving {
			if saving++; saving == 1 {
				mustDo(t, a.AddUserFromDirectory(ctx, late, root, data.ContactCenter))
			}
		}
	}})
	mustDo(t, err)
	if d, err := a.UserDetail(ctx, late.ID); err != nil || d.User.Licences != data.ContactCenter {
		t.Fatalf("the user added during the sync: %+v, %v", d.User, err)
	}
	sync(t, a, c, true)
	if _, err := a.UserDetail(ctx, late.ID); err == nil {
		t.Fatal("a full sync that read the directory without the user kept them")
	}
}
