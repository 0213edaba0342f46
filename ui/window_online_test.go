package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data"
)

// windowFakeOnline stands in for sign-in and sync, which other parts of the program provide.
type windowFakeOnline struct {
	status   OnlineStatus
	syncs    int
	syncErr  error
	onSync   func() // runs during Sync, e.g. to change the cache as a sync would
	progress []SyncProgress
	signErr  error // what SignIn and SignOut fail with; nil: they succeed
}

func (f *windowFakeOnline) Status() OnlineStatus { return f.status }

func (f *windowFakeOnline) Sync(ctx context.Context, progress func(SyncProgress)) error {
	f.syncs++
	for _, p := range f.progress {
		progress(p)
	}
	if f.onSync != nil {
		f.onSync()
	}
	return f.syncErr
}

func (f *windowFakeOnline) SignIn(context.Context) error {
	if f.signErr != nil {
		return f.signErr
	}
	f.status.SignedInAs = "admin@contoso.com"
	return nil
}

func (f *windowFakeOnline) SignOut(context.Context) error {
	if f.signErr != nil {
		return f.signErr
	}
	f.status.SignedInAs = ""
	return nil
}

func TestWithoutSignInTheSyncAndAccountControlsSayWhy(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	if !m.bar.sync.Disabled() || !m.bar.sign.Disabled() {
		t.Fatal("Sync and Sign in are enabled without sign-in support")
	}
	if m.bar.badge.Text != badgeDemo {
		t.Fatalf("badge %q, want %q", m.bar.badge.Text, badgeDemo)
	}
}

func TestSyncShowsProgressAndReloadsTheList(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	online := &windowFakeOnline{status: OnlineStatus{SignedInAs: "admin@contoso.com", LastSync: time.Now()}}
	m := windowOpen(t, a, nimbus, online)
	if m.bar.sync.Disabled() || m.bar.account.Text != "Signed in as admin@contoso.com" || m.bar.sign.Text != "Sign out" {
		t.Fatalf("signed in: sync disabled %v, account %q, button %q", m.bar.sync.Disabled(), m.bar.account.Text, m.bar.sign.Text)
	}
	found, err := nimbus.SearchDirectory(context.Background(), app.DirectoryQuery{ExcludeNimbus: true, Limit: 1})
	if err != nil || len(found) != 1 {
		t.Fatal(err)
	}
	total := len(m.index.Rows)
	online.progress = []SyncProgress{{Pages: 1, Users: 999, Elapsed: time.Second, Remaining: 3 * time.Second}}
	online.onSync = func() {
		if err := nimbus.AddUser(context.Background(), found[0].ID, m.index.Tree.Root, 0); err != nil {
			t.Error(err)
		}
		if !strings.Contains(m.bar.progressText, "999 users, 1 page, about 3s left") || m.bar.progress.Value != 0.25 {
			t.Errorf("progress during sync: %q at %v", m.bar.progressText, m.bar.progress.Value)
		}
	}
	test.Tap(m.bar.sync)
	if online.syncs != 1 || len(m.index.Rows) != total+1 || !m.bar.progress.Hidden {
		t.Fatalf("after sync: %d syncs, %d users (was %d)", online.syncs, len(m.index.Rows), total)
	}
	online.onSync, online.syncErr = nil, errors.New("Graph answered 503")
	test.Tap(m.bar.sync)
	if !strings.Contains(m.status.Text, "Graph answered 503") || len(m.index.Rows) != total+1 {
		t.Fatalf("a failed sync: status %q, %d users", m.status.Text, len(m.index.Rows))
	}
	test.Tap(m.bar.sign)
	if m.bar.account.Text != badgeNoSignIn || m.bar.sign.Text != "Sign in…" || !m.bar.sync.Disabled() {
		t.Fatalf("after Sign out: account %q, button %q", m.bar.account.Text, m.bar.sign.Text)
	}
	online.status.Offline = true
	m.bar.refresh()
	if !strings.HasPrefix(m.bar.badge.Text, "Offline — last synced ") {
		t.Fatalf("offline badge %q", m.bar.badge.Text)
	}
}

// windowWatchedOnline is a fake whose network goes away after the window opened.
type windowWatchedOnline struct {
	windowFakeOnline
	changed func()
}

func (f *windowWatchedOnline) WatchStatus(changed func()) { f.changed = changed }

func TestHeaderSaysOfflineWhenTheNetworkGoesAway(t *testing.T) {
	f := &windowWatchedOnline{windowFakeOnline: windowFakeOnline{status: OnlineStatus{SignedInAs: "admin@contoso.com",
		LastSync: time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local)}}}
	m := windowOpen(t, test.NewTempApp(t), windowDemoTenant(t), f)
	if f.changed == nil {
		t.Fatal("the window did not watch the online status")
	}
	if m.bar.badge.Text != "" {
		t.Fatalf("badge before going offline: %q", m.bar.badge.Text)
	}
	f.status.Offline = true
	f.changed()
	if want := "Offline — last synced 20 Nov 2026 09:30"; m.bar.badge.Text != want {
		t.Errorf("badge %q, want %q", m.bar.badge.Text, want)
	}
}

// A cancelled sync shows the sync's own sentence, which says what the cache holds, as it
// is: not wrapped in "Sync failed", not with a second full stop.
func TestACancelledSyncSaysWhatTheCacheHolds(t *testing.T) {
	online := &windowFakeOnline{status: OnlineStatus{SignedInAs: "admin@contoso.com"}}
	m := windowOpen(t, test.NewTempApp(t), windowDemoTenant(t), online)
	online.syncErr = app.SyncCancelledBeforeWriting(time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local))
	test.Tap(m.bar.sync)
	if want := "Sync cancelled; the cache is as it was at 20 Nov 2026 09:30, the last completed sync."; m.status.Text != want {
		t.Fatalf("status %q, want %q", m.status.Text, want)
	}
}

// A sync refused because another one runs says whose it is, not that this one failed.
func TestASyncWhileAnotherRunsSaysWhoseNotFailed(t *testing.T) {
	online := &windowFakeOnline{status: OnlineStatus{SignedInAs: "admin@contoso.com"}}
	m := windowOpen(t, test.NewTempApp(t), windowDemoTenant(t), online)
	online.syncErr = &app.SyncRunning{Holder: data.SyncHolder{PID: 4321, Started: time.Now()}}
	test.Tap(m.bar.sync)
	if !strings.HasPrefix(m.status.Text, "A sync is already running (started ") || !strings.Contains(m.status.Text, "PID 4321") {
		t.Fatalf("status %q, want it to start with the running sync's holder", m.status.Text)
	}
}

// A failed sign-in shows in the status line as a sentence in the error colour, and goes
// once the admin is signed in; a cancelled one is no failure.
func TestASignInFailureShowsUntilTheAdminIsSignedIn(t *testing.T) {
	online := &windowFakeOnline{signErr: auth.ErrSignInDeclined}
	m := windowOpen(t, test.NewTempApp(t), windowDemoTenant(t), online)
	test.Tap(m.bar.sign)
	if m.status.Text != "The sign-in was declined in the browser; nothing was saved." || m.status.Importance != widget.DangerImportance {
		t.Fatalf("after a declined sign-in the status says %q (importance %v)", m.status.Text, m.status.Importance)
	}
	online.signErr = nil
	test.Tap(m.bar.sign)
	if m.status.Text != "Signed in." || m.status.Importance != widget.MediumImportance {
		t.Fatalf("after signing in the status says %q (importance %v)", m.status.Text, m.status.Importance)
	}
	test.Tap(m.bar.sign) // sign out
	online.signErr = auth.ErrSignInCancelled
	test.Tap(m.bar.sign)
	if m.status.Importance == widget.DangerImportance {
		t.Fatalf("a cancelled sign-in shows as a failure: %q", m.status.Text)
	}
}

// A sync that failed for want of a network says so until the network is back; a sync that
// failed otherwise keeps its reason on screen until the next result.
func TestASyncFailureOfflineClearsWhenTheNetworkIsBack(t *testing.T) {
	f := &windowWatchedOnline{windowFakeOnline: windowFakeOnline{status: OnlineStatus{SignedInAs: "admin@contoso.com"}}}
	m := windowOpen(t, test.NewTempApp(t), windowDemoTenant(t), f)
	f.status.Offline = true
	f.syncErr = errors.New("cannot reach graph.microsoft.com (the network is not available): check the network connection and try again")
	test.Tap(m.bar.sync)
	want := "Sync failed: cannot reach graph.microsoft.com (the network is not available): check the network connection and try again."
	if m.status.Text != want || m.status.Importance != widget.DangerImportance {
		t.Fatalf("offline sync: status %q (importance %v), want %q in the error colour", m.status.Text, m.status.Importance, want)
	}
	f.changed() // still offline
	if m.status.Text != want {
		t.Fatalf("the failure went while still offline: %q", m.status.Text)
	}
	f.status.Offline = false
	f.changed()
	if strings.Contains(m.status.Text, "Sync failed") || m.status.Importance == widget.DangerImportance {
		t.Fatalf("back online, the status still says %q", m.status.Text)
	}

	f.syncErr = errors.New("Microsoft Graph answered 403 Authorization_RequestDenied: ask for the directory read permission")
	test.Tap(m.bar.sync)
	f.changed()
	if !strings.HasPrefix(m.status.Text, "Sync failed: Microsoft Graph answered 403") {
		t.Fatalf("a refused sync's reason went by itself: %q", m.status.Text)
	}
}
