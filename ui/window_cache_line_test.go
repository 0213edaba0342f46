package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

func TestTheWindowSaysWhenTheCacheIsReadOnly(t *testing.T) {
	a := test.NewTempApp(t)
	writable := windowDemoTenant(t)
	m := windowOpen(t, a, writable, nil)
	if m.cacheLine.Visible() {
		t.Errorf("the cache line shows %q over a writable cache", m.cacheLine.Text)
	}

	ro, err := app.OpenSession(context.Background(), app.SessionOptions{DBPath: writable.CachePath(), ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	m = windowOpen(t, a, ro, nil)
	want := "The cache " + writable.CachePath() + " is read-only (opened for reading only): changes and sync are off; review only."
	if !m.cacheLine.Visible() || !strings.Contains(m.cacheLine.Text, want) {
		t.Errorf("the cache line says %q (shown: %v), want %q", m.cacheLine.Text, m.cacheLine.Visible(), want)
	}
}

// A read-only window offers no change: Sync, Create and Delete are off for a Tenant
// Administrator too, and the rights line says why.
func TestAReadOnlyWindowOffersNoChange(t *testing.T) {
	a := test.NewTempApp(t)
	path := windowDemoTenant(t).CachePath()
	store, err := data.OpenWith(path, data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	admin, err := app.DemoAdmin(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	ro := app.New(store, admin)
	defer ro.Close()
	m := windowOpen(t, a, ro, &windowFakeOnline{status: OnlineStatus{Demo: true}})
	d := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.User.Origin == data.OriginManual && d.Deletable() })
	m.selectUser(d.User.ID)
	if !m.bar.sync.Disabled() {
		t.Error("Sync is offered on a read-only cache")
	}
	if !m.deleteButton.Disabled() || !m.createButton.Disabled() {
		t.Fatalf("on a read-only cache: Delete disabled %v, Create disabled %v", m.deleteButton.Disabled(), m.createButton.Disabled())
	}
	if want := "review only: the cache cannot be written"; !strings.Contains(m.rightsLine.Text, want) {
		t.Errorf("the rights line says %q, want it to say %q", m.rightsLine.Text, want)
	}
}
