package graph_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

func TestFirstSyncCachesTheWholeDirectoryAndItsTeams(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 2500})
	a := newCache(t, "")
	res := sync(t, a, c, false)
	if !res.Full || res.Users != 2500 || res.Pages != 3 || res.Teams != len(s.Teams()) {
		t.Fatalf("result = %+v; want a full round of 2500 users in 3 pages of 999 and %d Teams", res, len(s.Teams()))
	}
	assertSameDirectory(t, a, s)
	if n := count(t, a, `SELECT count(*) FROM teams`); n != len(s.Teams()) {
		t.Fatalf("%d Teams cached, want %d (groups that are not Teams must be left out)", n, len(s.Teams()))
	}
	team := s.Teams()[0]
	if n := count(t, a, `SELECT count(*) FROM team_members WHERE team_id = ?`, team.ID); n != len(team.Members)+len(team.Owners) {
		t.Fatalf("Team %s has %d cached memberships, want %d", team.ID, n, len(team.Members)+len(team.Owners))
	}
	if at, err := a.LastSync(context.Background()); err != nil || at.IsZero() {
		t.Fatalf("LastSync = %v, %v", at, err)
	}
}

func TestIncrementalRoundsApplyAddsPartialUpdatesNullsAndBothRemovals(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 300})
	a := newCache(t, "")
	sync(t, a, c, false)
	people := s.Users()
	added := s.AddUser(data.DirectoryUser{DisplayName: "Nina New", UPN: "nina.new@contoso.example", Department: "Support"})
	mustDo(t, s.UpdateUser(people[0].ID, map[string]any{"department": "Night Shift"}))
	mustDo(t, s.UpdateUser(people[1].ID, map[string]any{"mail": nil, "accountEnabled": false}))
	mustDo(t, s.RemoveUser(people[2].ID, "deleted"))
	mustDo(t, s.RemoveUser(people[3].ID, "changed"))

	res := sync(t, a, c, false)
	if res.Full || res.Users != 3 || res.Removed != 2 {
		t.Fatalf("result = %+v; want an incremental round with 3 users written and 2 removed", res)
	}
	if st := s.Stats(); st.IncrementalRounds != 1 || st.FullRounds != 1 {
		t.Fatalf("stats = %+v; the second sync must start from the delta link", st)
	}
	assertSameDirectory(t, a, s)
	byID := map[string]data.DirectoryUser{}
	for _, u := range cachedDirectory(t, a) {
		byID[u.ID] = u
	}
	if u := byID[people[0].ID]; u.Department != "Night Shift" || u.DisplayName != people[0].DisplayName || u.Mail != people[0].Mail {
		t.Fatalf("partial update: %+v; only the department should change", u)
	}
	if u := byID[people[1].ID]; u.Mail != "" || u.AccountEnabled == nil || *u.AccountEnabled || u.UPN != people[1].UPN {
		t.Fatalf("null and false: %+v", show(u))
	}
	if _, ok := byID[added]; !ok {
		t.Fatal("the added user is not cached")
	}
	// A round with nothing changed writes nothing and keeps everything.
	if res := sync(t, a, c, false); res.Users != 0 || res.Removed != 0 {
		t.Fatalf("an idle round wrote %+v", res)
	}
	assertSameDirectory(t, a, s)
}

func TestFullResyncConvergesEvenWithADeltaLink(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 300})
	a := newCache(t, "")
	sync(t, a, c, false)
	mustDo(t, s.RemoveUser(s.Users()[5].ID, "deleted"))
	if res := sync(t, a, c, true); !res.Full || res.Removed != 1 {
		t.Fatalf("--full: %+v; want a full round that sweeps the removed user", res)
	}
	assertSameDirectory(t, a, s)
}

func TestTeamsMembershipFlowsIntoNimbus(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 400})
	a := newCache(t, "")
	sync(t, a, c, false)
	team := s.Teams()[0]
	root := rootOU(t, a)
	svc, err := a.CreateTeamsService(ctx, team.ID, root)
	if err != nil {
		t.Fatal(err)
	}
	if got := serviceMembers(t, a, svc); !reflect.DeepEqual(got, teamMemberships(team)) {
		t.Fatalf("provisioned members = %v\nwant %v", got, teamMemberships(team))
	}
	owner := team.Owners[0]
	d, err := a.UserDetail(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	if d.User.Origin != data.OriginTeams || !hasAutoRole(d.User, d, "Team Owner") || !hasAutoRole(d.User, d, "Team Member") {
		t.Fatalf("owner %s: origin %s, roles %+v; want Team Owner and Team Member granted automatically", owner, d.User.Origin, d.Roles)
	}
	if d.Deletable() {
		t.Fatal("a user kept by a Teams-based service is deletable")
	}

	// Membership changes: one member leaves the Team, a newcomer joins, and the removed
	// user's owner role goes with their ownership.
	newcomer, newcomerUPN := s.Users()[399].ID, s.Users()[399].UPN
	leaver := team.Members[len(team.Members)-1]
	members := append(slices.Clone(team.Members[:len(team.Members)-1]), newcomer)
	mustDo(t, s.SetTeamMembers(team.ID, members, team.Owners))
	res := sync(t, a, c, false)
	team = s.Teams()[0]
	if got := serviceMembers(t, a, svc); !reflect.DeepEqual(got, teamMemberships(team)) {
		t.Fatalf("after the membership change: %v\nwant %v", got, teamMemberships(team))
	}
	if res.Joined != 1 {
		t.Fatalf("Joined = %d, want the newcomer", res.Joined)
	}
	if !slices.Contains(team.Owners, leaver) {
		if _, err := a.UserDetail(ctx, leaver); err == nil {
			t.Fatal("a user who left the only Team that kept them is still a Nimbus user")
		}
	}
	journal, _ := a.Journal(ctx, 500)
	if !journalHas(journal, "sync.user.join", newcomerUPN) || !journalHas(journal, "sync.member.add", newcomerUPN) {
		t.Fatalf("the newcomer's arrival is not journaled: %+v", journal[:min(5, len(journal))])
	}

	// A user gone from the directory leaves Nimbus, and the journal says so.
	gone := team.Owners[0]
	goneUPN := d.User.UPN
	mustDo(t, s.RemoveUser(gone, "deleted"))
	sync(t, a, c, false)
	if _, err := a.UserDetail(ctx, gone); err == nil {
		t.Fatal("a user removed from the directory is still a Nimbus user")
	}
	journal, _ = a.Journal(ctx, 500)
	if !journalHas(journal, "sync.user.leave", goneUPN) {
		t.Fatalf("the departure of %s is not journaled", goneUPN)
	}

	// Deleting the Team empties the service (which stays) and the Teams users leave.
	mustDo(t, s.DeleteTeam(team.ID))
	sync(t, a, c, false)
	if got := serviceMembers(t, a, svc); len(got) != 0 {
		t.Fatalf("the service of a deleted Team still has %v", got)
	}
	if n := count(t, a, `SELECT count(*) FROM nimbus_users WHERE origin = 'teams'`); n != 0 {
		t.Fatalf("%d users from Teams stayed after their only Team was deleted", n)
	}
	if n := count(t, a, `SELECT count(*) FROM services WHERE id = ?`, svc); n != 1 {
		t.Fatal("the service went with its Team")
	}
}

func TestProvisioningRefusesUnknownAndTakenTeams(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 200})
	a := newCache(t, "")
	sync(t, a, c, false)
	root := rootOU(t, a)
	if _, err := a.CreateTeamsService(ctx, "no-such-team", root); !app.IsRule(err, "service.team-unknown") {
		t.Fatalf("unknown Team: %v", err)
	}
	team := s.Teams()[1]
	if _, err := a.CreateTeamsService(ctx, team.ID, root); err != nil {
		t.Fatal(err)
	}
	before := count(t, a, `SELECT count(*) FROM journal`)
	if _, err := a.CreateTeamsService(ctx, team.ID, root); !app.IsRule(err, "service.team-taken") {
		t.Fatalf("second service of one Team: %v", err)
	}
	if after := count(t, a, `SELECT count(*) FROM journal`); after != before {
		t.Fatal("a refused provisioning wrote to the journal")
	}
	if _, err := a.CreateService(ctx, "IVR", data.NoUsers, root); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateService(ctx, "ivr", data.SkillBased, root); !app.IsRule(err, "service.name-taken") {
		t.Fatalf("duplicate name: %v", err)
	}
	if _, err := a.CreateService(ctx, "X", data.TeamsBased, root); !app.IsRule(err, "service.teams-needs-team") {
		t.Fatalf("teams type without a Team: %v", err)
	}
}

func mustDo(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func rootOU(t testing.TB, a *app.App) int64 {
	t.Helper()
	tree, err := a.OUTree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tree.Root
}

func hasAutoRole(_ data.NimbusUser, d app.UserDetail, name string) bool {
	for _, r := range d.Roles {
		if r.Role.Name == name && r.AutoGranted {
			return true
		}
	}
	return false
}

func journalHas(entries []app.JournalEntry, action, contains string) bool {
	for _, e := range entries {
		if e.Action == action && (contains == "" || strings.Contains(e.Target+e.New, contains)) {
			return true
		}
	}
	return false
}

func TestAnExpiredDeltaLinkFallsBackToAFullRound(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 1200})
	a := newCache(t, "")
	sync(t, a, c, false)
	mustDo(t, s.RemoveUser(s.Users()[7].ID, "changed"))
	s.ExpireDeltaTokens()
	res := sync(t, a, c, false)
	if !res.Full || res.Removed != 1 {
		t.Fatalf("result %+v; want a full round that also removes the user gone meanwhile", res)
	}
	assertSameDirectory(t, a, s)
	if res := sync(t, a, c, false); res.Full {
		t.Fatal("the sync after the fallback did not use the new delta link")
	}
}
