package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/uitest"
)

// listHeaders are the headers the table draws, by title, with their left and right edges
// inside the table.
func listHeaders(tbl *userTable) map[string][2]float32 {
	d := fyne.CurrentApp().Driver()
	origin := d.AbsolutePositionForObject(tbl)
	out := map[string][2]float32{}
	uitest.Walk(tbl, func(o fyne.CanvasObject) {
		if h, ok := o.(*listHeader); ok && h.Visible() {
			x := d.AbsolutePositionForObject(h).X - origin.X
			out[h.title.Text] = [2]float32{x, x + h.Size().Width}
		}
	})
	return out
}

// The name and the UPN stay in place when the list scrolls to its last column, so that
// namesakes can be told apart however far the admin scrolls.
func TestNameAndUPNStayWhenTheListScrollsSideways(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.list.showColumns(append(defaultListColumns(), userlist.ColumnMail, userlist.ColumnJobTitle,
		userlist.ColumnContactCenter, userlist.ColumnInteract, userlist.ColumnAssistant))
	w := a.NewWindow("list")
	w.SetContent(m.table)
	w.Resize(fyne.NewSize(700, 500))
	m.table.ScrollToTrailing()
	heads := listHeaders(m.table)
	last := userlist.ColumnAssistant.Title()
	if x, ok := heads[last]; !ok || x[1] > m.table.Size().Width+1 {
		t.Fatalf("scrolled to the end, the last column %q is not in view: %v", last, heads)
	}
	name, upn := heads[userlist.ColumnDisplayName.Title()], heads[userlist.ColumnUPN.Title()]
	if name[1] <= 0 || upn[1] <= 0 || name[0] < 0 || upn[0] < name[1] {
		t.Fatalf("scrolled to the end, Display Name is at %v and UPN at %v: both should stay at the left, UPN beside the name", name, upn)
	}
	if pos := listCellAt(t, m, 0); pos.X < upn[0] || pos.X > upn[1] {
		t.Errorf("the first row's UPN is drawn at %v, outside its column %v", pos, upn)
	}
}

// With no user selected the list has the width beside the OU panel in the main window at
// its default size (which fits a 1366×768 screen); the eight default columns all fit in it
// without scrolling.
func TestTheEightDefaultColumnsFitBesideTheOUPanelAt1366(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(m.settings.windowSize())
	if m.table.selectedRow() != nil || m.detailArea.Visible() {
		t.Fatal("the window opens with a user selected")
	}
	heads := listHeaders(m.table)
	for _, c := range userlist.DefaultColumns() {
		x, ok := heads[c.Title()]
		switch {
		case !ok:
			t.Errorf("%q is not drawn in the list's %v pixels: it needs a horizontal scroll", c.Title(), m.table.Size().Width)
		case x[1] > m.table.Size().Width:
			t.Errorf("%q ends at %v of the list's %v pixels: it needs a horizontal scroll", c.Title(), x[1], m.table.Size().Width)
		}
	}
}
