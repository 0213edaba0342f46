package config

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// A role held by hundreds opens with a count and a list that draws only the rows in
// view: no label lists the holders, which at 100,000 users kept the window from ever
// appearing.
func TestARoleHeldByManyShowsACountAndAVirtualList(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	nimbus := apptest.Demo(t, 2000)
	roles, err := nimbus.ConfigItems(ctx, data.ConfigCustomRoles)
	if err != nil || len(roles) == 0 {
		t.Fatalf("custom roles: %v %v", roles, err)
	}
	role := roles[0]
	ix, err := nimbus.LoadUserIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := nimbus.OUTree(ctx)
	for _, u := range ix.Rows {
		if u.Licences.Has(data.ContactCenter) {
			nimbus.AssignRole(ctx, u.ID, role.ID, tree.Root) // some already hold it
		}
	}
	held, _ := nimbus.CustomRoleHolderCount(ctx, role.ID)
	if held < 500 {
		t.Fatalf("only %d users hold %q", held, role.Name)
	}

	w := test.NewTempWindow(t, nil)
	cw := newConfigWindow(w, nimbus)
	start := time.Now()
	w.SetContent(cw.build())
	w.Resize(configDefaultSize)
	configSelectTab(t, cw.tabs, "Custom Roles")
	opened := time.Since(start)
	e := cw.roles
	if e.current != role.ID {
		t.Fatalf("the screen shows role %d, want %d", e.current, role.ID)
	}
	if want := app.Thousands(held) + " users hold this role:"; e.holders.summary.Text != want {
		t.Errorf("summary %q, want %q", e.holders.summary.Text, want)
	}
	if e.holders.list.Length() != held {
		t.Errorf("the list holds %d rows, want %d", e.holders.list.Length(), held)
	}
	rows := 0
	uitest.Walk(e.holders.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			rows++
		}
	})
	uitest.Walk(w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && len(l.Text) > 400 {
			t.Errorf("a label of %d characters: %.80q…", len(l.Text), l.Text)
		}
	})
	if min := w.Content().MinSize(); min.Width > configLaptop.Width || min.Height > configLaptop.Height {
		t.Errorf("the window needs at least %v, more than a laptop's %v", min, configLaptop)
	}
	if rows == 0 || rows > 50 {
		t.Errorf("the holder list drew %d rows for %d holders, want only those in view", rows, held)
	}
	t.Logf("opened on Custom Roles in %v", opened)
}
