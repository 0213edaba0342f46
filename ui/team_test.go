package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// teamOfflineLine is what a replica's client says while its server is unreachable.
const teamOfflineLine = "Offline — server unreachable; read-only, caught up to 10:41"

// teamFakeServer stands in for the team server: it runs the window's changes on an App
// of its own over the same cache file (as the server's working copy feeds the replica),
// and refuses them while it is unreachable.
type teamFakeServer struct {
	app     *app.App
	offline bool
}

func (s *teamFakeServer) Do(ctx context.Context, cmd app.Command) (app.Outcome, error) {
	if err := s.Writable(); err != nil {
		return app.Outcome{}, err
	}
	return s.app.Do(ctx, cmd)
}

func (s *teamFakeServer) Check(ctx context.Context, cmd app.Command) error {
	if err := s.Writable(); err != nil {
		return err
	}
	return s.app.Check(ctx, cmd)
}

func (s *teamFakeServer) Writable() error {
	if s.offline {
		return &app.RuleError{Rule: "server.offline", Message: teamOfflineLine}
	}
	return nil
}

// teamFakeOnline is the window's Online in team mode; changed is what the window gave
// FollowTeam, for the test to call as the follower does.
type teamFakeOnline struct {
	windowFakeOnline
	changed func()
}

func (f *teamFakeOnline) FollowTeam(changed func()) { f.changed = changed }

// teamWindow opens the window over a replica whose server is fake; other is another
// admin's App on the same data, whose changes reach the replica behind the window's back.
func teamWindow(t *testing.T) (m *mainWindow, f *teamFakeOnline, server *teamFakeServer, other *app.App) {
	t.Helper()
	a := test.NewTempApp(t)
	replica := windowDemoTenant(t)
	store, err := data.OpenWith(replica.CachePath(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	admin, err := app.DemoAdmin(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	other = app.New(store, admin)
	t.Cleanup(func() { other.Close() })
	server = &teamFakeServer{app: other}
	replica.SetRemote(server)
	f = &teamFakeOnline{windowFakeOnline: windowFakeOnline{status: OnlineStatus{SignedInAs: admin, TeamServer: "nimbus.contoso.com"}}}
	m = windowOpen(t, a, replica, f)
	if f.changed == nil {
		t.Fatal("the window does not follow the team server")
	}
	return m, f, server, other
}

// teamRowWithout is a listed user holding neither licence.
func teamRowWithout(t *testing.T, m *mainWindow, l data.LicenceSet) string {
	t.Helper()
	for _, r := range m.index.Rows {
		if r.Licences&l == 0 {
			return r.ID
		}
	}
	t.Fatal("every demo user holds one of the licences")
	return ""
}

// teamListed says whether the list the window shows gives the user the licence.
func teamListed(m *mainWindow, id string, l data.LicenceSet) bool {
	held := false
	fyne.DoAndWait(func() {
		for _, r := range m.index.Rows {
			if r.ID == id {
				held = r.Licences.Has(l)
			}
		}
	})
	return held
}

// Another admin's change shows in the open window within a second of reaching the
// replica, without a restart; the header says where the data comes from.
func TestTeamAnotherAdminsChangeShowsInTheOpenWindow(t *testing.T) {
	m, f, _, other := teamWindow(t)
	if want := "Team server nimbus.contoso.com · up to date"; m.bar.badge.Text != want {
		t.Errorf("the header says %q, want %q", m.bar.badge.Text, want)
	}
	if !m.bar.sync.Disabled() || m.bar.sync.Text != syncByTheTeam {
		t.Errorf("Sync in team mode: %q, disabled %v", m.bar.sync.Text, m.bar.sync.Disabled())
	}
	id := teamRowWithout(t, m, data.Assistant)
	if err := other.GrantLicence(context.Background(), id, data.Assistant); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	go f.changed() // as the follower does, from its own goroutine
	for !teamListed(m, id, data.Assistant) {
		if time.Since(start) > time.Second {
			t.Fatal("another admin's change did not show in the list within a second")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Unsaved edits survive another admin's change; when it touched the same user, Save is
// refused as stale with the rule's message and the draft stays.
func TestTeamUnsavedEditsSurviveAnotherAdminsChange(t *testing.T) {
	m, f, _, other := teamWindow(t)
	id := teamRowWithout(t, m, data.Assistant|data.AttendantConsole)
	windowDraftOn(t, m, id)
	if err := other.GrantLicence(context.Background(), id, data.AttendantConsole); err != nil {
		t.Fatal(err)
	}
	f.changed()
	if m.detail.UserID() != id || !windowGeneralIsDraft(m) {
		t.Fatal("the change from the server dropped the user being edited or their draft")
	}
	if !teamListed(m, id, data.AttendantConsole) {
		t.Fatal("the list does not show the other admin's change")
	}
	m.detail.SaveAll()
	if !windowSays(m.detail.Object(), "changed after you opened it") {
		t.Error("Save on the view another admin changed was not refused as stale")
	}
	if !windowGeneralIsDraft(m) || holds(t, m, id, data.Assistant) {
		t.Error("the refused Save lost the draft or wrote it")
	}
}

// While the server is unreachable the header says so and how recent the replica is, and
// nothing that changes data is offered; once it answers again, everything is back.
func TestTeamOfflineTheHeaderSaysSoAndChangesAreOff(t *testing.T) {
	m, f, server, _ := teamWindow(t)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.User.Origin == data.OriginManual && d.Deletable() })
	m.selectUser(d.User.ID)
	if m.createButton.Disabled() || m.deleteButton.Disabled() {
		t.Fatal("online: Create or Delete is off")
	}
	server.offline, f.status.TeamOffline = true, teamOfflineLine
	f.changed()
	if m.bar.badge.Text != teamOfflineLine {
		t.Errorf("offline, the header says %q", m.bar.badge.Text)
	}
	if m.cacheLine.Visible() && strings.Contains(m.cacheLine.Text, "Offline") {
		t.Errorf("the cache line repeats the header: %q", m.cacheLine.Text)
	}
	if !m.createButton.Disabled() || !m.deleteButton.Disabled() || !m.bar.sync.Disabled() {
		t.Errorf("offline: Create disabled %v, Delete disabled %v, Sync disabled %v",
			m.createButton.Disabled(), m.deleteButton.Disabled(), m.bar.sync.Disabled())
	}
	if !strings.Contains(m.rightsLine.Text, "review only") {
		t.Errorf("offline, the rights line says %q", m.rightsLine.Text)
	}
	server.offline, f.status.TeamOffline = false, ""
	f.changed()
	if m.createButton.Disabled() || m.deleteButton.Disabled() || !strings.HasPrefix(m.bar.badge.Text, "Team server ") {
		t.Errorf("back online: Create disabled %v, Delete disabled %v, header %q",
			m.createButton.Disabled(), m.deleteButton.Disabled(), m.bar.badge.Text)
	}
}

// Signed out of the server's tenant, the header says that signing in lets the window
// follow the server.
func TestTeamSignedOutTheHeaderSaysToSignIn(t *testing.T) {
	m, f, _, _ := teamWindow(t)
	f.status.SignedInAs = ""
	f.changed()
	if want := "Team server nimbus.contoso.com · sign in to follow it"; m.bar.badge.Text != want || m.bar.sign.Text != "Sign in…" {
		t.Errorf("signed out, the header says %q with %q, want %q", m.bar.badge.Text, m.bar.sign.Text, want)
	}
}

// A replica that holds nothing yet (nobody signed in to load it) says how to load it,
// not that the cache cannot be read; once its snapshot arrives, that line goes.
func TestTeamAnEmptyReplicaSaysHowToLoadIt(t *testing.T) {
	a := test.NewTempApp(t)
	empty, err := app.OpenReplica(filepath.Join(t.TempDir(), "team-nimbus.db"), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { empty.Close() })
	f := &teamFakeOnline{windowFakeOnline: windowFakeOnline{status: OnlineStatus{TeamServer: "nimbus.contoso.com"}}}
	m := newMainWindow(a, empty, f, func(f func()) { f() })
	t.Cleanup(m.win.Close)
	m.load("")
	if m.status.Text != emptyReplicaLine || strings.Contains(m.count.Text, "Cannot") {
		t.Fatalf("an empty replica says %q / %q, want %q", m.count.Text, m.status.Text, emptyReplicaLine)
	}
	if m.rightsLine.Text != "" || !m.createButton.Disabled() {
		t.Errorf("an empty replica's rights line says %q (Create disabled %v), want nothing and no Create", m.rightsLine.Text, m.createButton.Disabled())
	}
	// The snapshot arrives: the server's data is the demo tenant's.
	demo := windowDemoTenant(t)
	var rows []data.Row
	if err := demo.ExportRows(context.Background(), func(r data.Row) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := empty.ApplyFeed(context.Background(), rows, 0, 10); err != nil {
		t.Fatal(err)
	}
	f.changed()
	if m.index == nil || len(m.index.Rows) == 0 || m.status.Text == emptyReplicaLine {
		t.Fatalf("after its snapshot the replica's window says %q", m.status.Text)
	}
	if !strings.HasPrefix(m.rightsLine.Text, "Signed in as ") {
		t.Errorf("after its snapshot the rights line says %q", m.rightsLine.Text)
	}
}
