package detail

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/apptest"
	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// BenchmarkDetailShowUser measures selecting a user with every licence in the default
// demo tenant: all the reads of the eight tabs and building their widgets, which runs on
// the UI goroutine.
func BenchmarkDetailShowUser(b *testing.B) {
	test.NewTempApp(b)
	ctx := context.Background()
	nimbus := apptest.Demo(b, demo.DefaultUsers)
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
	p := New(nimbus, w, nil)
	w.SetContent(p.Object())
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.ShowUser(ids[i%len(ids)])
	}
}
