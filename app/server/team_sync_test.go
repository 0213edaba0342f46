package server_test

import (
	"context"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/app/server/servertest"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

func TestTheServerSyncsTheDirectoryOnceForEveryReplica(t *testing.T) {
	ctx := context.Background()
	src, ta, oua := servertest.DemoTenant(t, 200)
	entries, err := src.SearchDirectory(ctx, app.DirectoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	people := make([]data.DirectoryUser, len(entries))
	for i, e := range entries {
		people[i] = e.DirectoryUser
	}
	dirTeams, err := src.DirectoryTeams(ctx)
	if err != nil {
		t.Fatal(err)
	}
	teams := make([]simtenant.Team, len(dirTeams))
	for i, tm := range dirTeams {
		teams[i] = simtenant.Team(tm)
	}
	// The tenant administration security group holds the Tenant Administrator.
	admins := []simtenant.Group{{DisplayName: "Nimbus Tenant Admins", Members: []string{ta.ID}}}
	tm := servertest.NewTeamWithGraph(t, ta, people, teams, admins)
	tm.Start()
	a := tm.Desktop(ta)
	if _, err := a.Client.Import(ctx, src); err != nil {
		t.Fatal(err)
	}
	b := tm.Desktop(oua)
	followCtx, stop := context.WithCancel(ctx)
	defer stop()
	changed := make(chan struct{}, 100)
	go b.Client.Follow(followCtx, func() { changed <- struct{}{} })

	// Someone's department changes in the directory: the next sync, run once by the
	// server, brings it to every replica.
	list, err := a.App.LoadUserIndex(ctx)
	if err != nil || len(list.Rows) == 0 {
		t.Fatal(err)
	}
	who := list.Rows[len(list.Rows)/2].ID
	if err := tm.Graph.UpdateUser(who, map[string]any{"department": "Team mode tests"}); err != nil {
		t.Fatal(err)
	}
	// Someone else leaves the directory: the server's first (full) sync removes them,
	// although the imported cache was never synced before.
	gone := list.Rows[len(list.Rows)/3].ID
	if gone == ta.ID || gone == oua.ID || gone == who {
		t.Fatal("the user picked to leave the directory is one the test needs")
	}
	if err := tm.Graph.RemoveUser(gone, "deleted"); err != nil {
		t.Fatal(err)
	}
	res, err := a.Client.Sync(ctx)
	if err != nil {
		t.Fatalf("a sync asked of the server: %v\n%s", err, tm.Log())
	}
	if res.Users == 0 {
		t.Errorf("the server's sync read no users: %+v", res)
	}
	department := func(r *app.App) string {
		d, err := r.UserDetail(ctx, who)
		if err != nil {
			t.Fatal(err)
		}
		return d.User.Department
	}
	if got := department(a.App); got != "Team mode tests" {
		t.Fatalf("after the sync the replica of the admin who asked says %q", got)
	}
	waitFor(t, changed, func() bool { return department(b.App) == "Team mode tests" }, "the sync's change in the other replica")
	for _, r := range []*app.App{a.App, b.App} {
		if _, err := r.UserDetail(ctx, gone); err == nil {
			t.Errorf("a user gone from the directory is still in a replica after the server's sync")
		}
		// The server's sync history reaches every replica with the feed.
		got := map[string]string{}
		changes, err := r.SyncChanges(ctx, app.ChangesQuery{Kinds: []string{data.ChangeDepartment, data.ChangeLeftDirectory}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			got[c.UserID] = c.Kind
		}
		if got[who] != data.ChangeDepartment || got[gone] != data.ChangeLeftDirectory {
			t.Errorf("a replica's sync history holds %v, want %s department-changed and %s left-directory", got, who, gone)
		}
	}
	if rights, err := a.App.Rights(ctx); err != nil || rights.Level != app.TenantAdministrator {
		t.Fatalf("after the sync the admin is %v (%v), want still a Tenant Administrator", rights.Level, err)
	}
	// Asked of a replica, a sync is never run on it.
	if _, err := a.App.Sync(ctx, nil, app.SyncOptions{}); !app.IsRule(err, "sync.team") {
		t.Fatalf("a sync run on a replica: %v, want sync.team", err)
	}
	tm.Stop()
}
