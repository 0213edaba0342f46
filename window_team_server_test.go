package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"nimbusadmin/app"
	"nimbusadmin/app/server/servertest"
	"nimbusadmin/data"
)

// The real window over the replica of a real team server (a server process on
// PostgreSQL, signed in through the simulated Entra ID), driven through what it shows:
// signing in loads the replica; another admin's change shows within a second; a Save
// based on what another admin has since changed is refused with who and when, and the
// draft stays; a stopped server turns the window read-only with the offline line, and
// it is writable again once the server answers.
func TestTheWindowFollowsARealTeamServer(t *testing.T) {
	ctx := context.Background()
	src, ta, _ := servertest.DemoTenant(t, 40)
	tm := servertest.NewTeam(t, ta) // the window signs in as ta, whose other desktop is "other"
	tm.Start()
	defer tm.Stop()
	other := tm.Desktop(ta)
	if _, err := other.Client.Import(ctx, src); err != nil {
		t.Fatal(err)
	}
	cfg := tm.SignInConfig("window-test")
	tenant, team, err := openTeam(ctx, tm.URL, filepath.Join(t.TempDir(), "replica.db"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tenant.App.Close() })
	a := newSerialApp(t)
	o := &windowOnline{tenant: tenant, signIn: cfg, fyneApp: a, team: team}
	o.loadAccount()
	fyne.DoAndWait(func() {
		o.win = newWindowFor(a, o)
		o.win.Resize(fyne.NewSize(1366, 768))
		o.win.Show()
	})
	t.Cleanup(func() { fyne.DoAndWait(o.win.Close) })
	s := &screen{t: t, w: o.win}

	s.waitFor(5*time.Second, "the header asking to sign in", "Team server 127.0.0.1 · sign in to follow it")
	if got := s.text(); strings.Contains(got, "Cannot") {
		t.Errorf("before sign-in the window shows an error: %s", got)
	}
	s.tapButton("Sign in…")
	s.waitFor(20*time.Second, "the replica loaded after sign-in", "40 of 40 users", "Team server 127.0.0.1 · up to date",
		"Signed in as "+ta.UPN+" — Tenant Administrator")

	// Another admin renames an OU: the open window shows it within a second.
	tree, err := other.App.OUTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ops, err := tree.Resolve("Operations")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := other.App.Do(ctx, app.RenameOU{OU: ops, Name: "Operations and Logistics"}); err != nil {
		t.Fatal(err)
	}
	s.waitFor(time.Second, "another admin's OU rename", "Operations and Logistics")
	t.Logf("another admin's rename shown after %v", time.Since(start))

	// A draft on a user another admin then changes: the draft stays, its Save is refused.
	s.tapText("Diego Torres", 0)
	s.waitFor(2*time.Second, "the user's details", "diego.torres@contoso-demo.example", "No unsaved changes.")
	s.tapCheck("Assistant")
	s.waitGone(time.Second, "the draft", "No unsaved changes.")
	diego, err := other.App.UserDetail(ctx, "diego.torres@contoso-demo.example")
	if err != nil || diego.User.Licences.Has(data.AttendantConsole) {
		t.Fatalf("Diego Torres: %v, licences %v", err, diego.User.Licences)
	}
	if _, err := other.App.Do(ctx, app.ChangeLicences{User: diego.User.ID, Grant: data.AttendantConsole}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 2*time.Second, "the other admin's change in the window's replica", func() bool {
		d, err := tenant.App.UserDetail(ctx, diego.User.ID)
		return err == nil && d.User.Licences.Has(data.AttendantConsole)
	})
	time.Sleep(200 * time.Millisecond) // the window shows what the replica heard
	if s.has("No unsaved changes.") || !s.checked("Assistant") {
		t.Fatal("another admin's change on the same user dropped the draft")
	}
	s.tapButton("Save all (Ctrl+S)")
	s.waitFor(2*time.Second, "Save refused as stale", "was changed after you opened it, by "+ta.UPN)
	if d, err := other.App.UserDetail(ctx, diego.User.ID); err != nil || d.User.Licences.Has(data.Assistant) {
		t.Fatalf("the refused Save wrote the draft (%v)", err)
	}
	if s.has("No unsaved changes.") || !s.checked("Assistant") {
		t.Error("the refused Save dropped the draft")
	}

	// The server stops: read-only with the offline line; it starts again: writable.
	tm.Stop()
	s.waitFor(5*time.Second, "the offline header", "Offline — server unreachable; read-only, caught up to ")
	if !s.buttonDisabled("Create…") {
		t.Error("offline, Create… is still offered")
	}
	tm.Start()
	s.waitFor(10*time.Second, "the header after the server answers again", "Team server 127.0.0.1 · up to date")
	if s.buttonDisabled("Create…") {
		t.Error("back online, Create… is still off")
	}
}
