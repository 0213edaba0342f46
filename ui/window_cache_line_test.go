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

func TestAnEditInAReadOnlyWindowIsRefusedWithTheReason(t *testing.T) {
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
	m := windowOpen(t, a, ro, nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.User.Origin == data.OriginManual && d.Deletable() })
	total := len(m.index.Rows)
	m.selectUser(d.User.ID)
	test.Tap(m.deleteButton)
	if m.confirm != nil {
		m.confirm.Confirm()
	}
	if len(m.index.Rows) != total || !windowListed(m.index, d.User.ID) {
		t.Fatal("the user was deleted from a read-only cache")
	}
	want := "is read-only (opened for reading only): changes and sync are off; review only"
	if top := m.win.Canvas().Overlays().Top(); top == nil || !windowSays(top, want) {
		t.Errorf("the window does not say %q after the refused delete", want)
	}
}
