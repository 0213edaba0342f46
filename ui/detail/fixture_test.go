package detail

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// detailTenant is the shared small tenant (testkit.Org) for the detail view tests, shown
// in a detail pane as its Tenant Administrator dana. anna (Sales/EMEA) starts without
// licences here: each test grants through the window or app what the tabs it shows need.
type detailTenant struct {
	t     *testing.T
	app   *app.App
	ou    map[string]int64
	id    map[string]int64
	level map[string]int64
	user  map[string]string
	win   fyne.Window
	pane  *Pane
}

func newDetailTenant(t *testing.T) *detailTenant {
	t.Helper()
	test.NewTempApp(t)
	org := testkit.Org(t)
	f := &detailTenant{t: t, app: app.New(org.Store, testkit.OrgAdmin),
		ou: org.OU, id: org.ID, level: org.Level, user: org.User}
	f.must(org.Store.Tx(context.Background(), func(q *data.Q) error { return q.SetLicences(f.user["anna"], 0) }))
	f.win = test.NewWindow(nil)
	f.pane = New(f.app, f.win, nil)
	f.win.SetContent(f.pane.Object())
	f.win.Resize(fyne.NewSize(900, 700))
	t.Cleanup(f.win.Close)
	return f
}

// roleID is the id of a built-in role.
func (f *detailTenant) roleID(key string) int64 {
	f.t.Helper()
	r, err := f.app.Store().Read(context.Background()).BuiltinRole(key)
	f.must(err)
	return r.ID
}

// must fails the test on a setup error.
func (f *detailTenant) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// detail reads a user as the cache holds it now.
func (f *detailTenant) detail(key string) app.UserDetail {
	f.t.Helper()
	d, err := f.app.UserDetail(context.Background(), f.user[key])
	f.must(err)
	return d
}

// digest fingerprints every row of every table, to prove a refused change wrote nothing.
func (f *detailTenant) digest() string {
	f.t.Helper()
	return testkit.Digest(f.t, f.app.Store())
}

// refused checks that the visible message carries the rule's words and nothing was written.
func (f *detailTenant) refused(before string, shown string, want ...string) {
	f.t.Helper()
	if shown == "" {
		f.t.Fatalf("no message shown")
	}
	for _, w := range want {
		if !strings.Contains(shown, w) {
			f.t.Errorf("message %q does not mention %q", shown, w)
		}
	}
	if f.digest() != before {
		f.t.Errorf("refused change wrote to the cache")
	}
}
