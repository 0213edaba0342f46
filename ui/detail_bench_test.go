package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// BenchmarkDetailShowUser measures selecting a user with every licence in the default
// demo tenant: all the reads of the eight tabs and building their widgets, which runs on
// the UI goroutine.
func BenchmarkDetailShowUser(b *testing.B) {
	test.NewTempApp(b)
	store, err := data.Open(filepath.Join(b.TempDir(), "demo.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	if err := demo.Generate(ctx, store, demo.Options{Users: demo.DefaultUsers}); err != nil {
		b.Fatal(err)
	}
	nimbus := asDemoAdmin(b, store)
	ix, err := nimbus.LoadUserIndex(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, r := range ix.Rows {
		if r.Licences == data.ContactCenter|data.AttendantConsole|data.Interact|data.Assistant {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) < 2 {
		b.Fatal("the demo tenant has too few fully licensed users")
	}
	w := test.NewWindow(nil)
	defer w.Close()
	p := newDetailPane(nimbus, w, nil)
	w.SetContent(p.Object())
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.ShowUser(ids[i%len(ids)])
	}
}
