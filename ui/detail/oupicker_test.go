package detail

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/ui/widgets"
)

func TestDetailChangeOUFindsTheOUByTypingAndEnterChoosesIt(t *testing.T) {
	f := newDetailTenant(t)
	f.pane.ShowUser(f.user["anna"])
	g := f.pane.general
	test.Tap(g.changeOU)
	search, ok := f.win.Canvas().Focused().(*widgets.OUSearchEntry)
	if !ok {
		t.Fatalf("the OU dialog opens with %T focused, want its type-ahead entry", f.win.Canvas().Focused())
	}
	test.Type(search, "supp")
	search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.draftOU != f.ou["Support"] || !strings.Contains(g.ou.Text, "Support") || !g.dirty() {
		t.Fatalf("typing \"supp\" and Enter drafted OU %d (%q), want Support", g.draftOU, g.ou.Text)
	}
	if search.Visible() && f.win.Canvas().Focused() == search {
		t.Error("the OU dialog stays open after Enter chose an OU")
	}
}

func TestDetailRoleScopeIsChosenWithTheOUPicker(t *testing.T) {
	f := newDetailTenant(t)
	f.pane.ShowUser(f.user["anna"])
	test.Tap(f.pane.roles.add)
	dd := f.pane.roles.dialog
	if dd == nil {
		t.Fatal("no role dialog")
	}
	var scope fyne.CanvasObject = dd.scope
	p, ok := scope.(*widgets.OUPicker)
	if !ok {
		t.Fatalf("the scope is chosen with a %T, want the OU picker", scope)
	}
	p.Open()
	test.Type(p.Finder().Search, "emea")
	p.Finder().Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Selected != "Sales/EMEA" {
		t.Errorf("typing \"emea\" and Enter chose the scope %q, want Sales/EMEA", p.Selected)
	}
}
