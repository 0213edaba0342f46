package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// windowDemoTenant opens a real 300-user demo cache in a temporary folder.
func windowDemoTenant(t *testing.T) *app.App {
	t.Helper()
	return apptest.Demo(t, 300)
}

// windowOpen builds the main window over the tenant with background work run inline, and
// waits for the list.
func windowOpen(t *testing.T, a fyne.App, nimbus *app.App, online Online) *mainWindow {
	t.Helper()
	m, _ := windowOpenWatched(t, a, nimbus, online)
	return m
}

// windowOpenWatched is windowOpen that also tells whether the window has closed.
func windowOpenWatched(t *testing.T, a fyne.App, nimbus *app.App, online Online) (*mainWindow, *bool) {
	t.Helper()
	m := newMainWindow(a, nimbus, online, func(f func()) { f() })
	m.load("")
	if m.index == nil {
		t.Fatalf("the list did not load: %s", m.status.Text)
	}
	closed := false
	m.win.SetOnClosed(func() { closed = true })
	t.Cleanup(func() {
		if !closed {
			m.win.Close()
		}
	})
	return m, &closed
}

// windowListedIDs is the O365 IDs the table lists, in order.
func windowListedIDs(m *mainWindow) []string {
	out := make([]string, len(m.table.hits))
	for i, h := range m.table.hits {
		out[i] = m.index.Rows[h].ID
	}
	return out
}

func TestSearchNarrowsTheTableAndTheCount(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	total := len(m.index.Rows)
	if want := fmt.Sprintf("%d of %d users", total, total); m.count.Text != want || len(m.table.hits) != total {
		t.Fatalf("before a search: count %q with %d rows, want %q", m.count.Text, len(m.table.hits), want)
	}
	surname := strings.Fields(m.index.Rows[7].DisplayName)[1]
	test.Type(m.search, strings.ToUpper(surname[:4]))
	n := len(m.table.hits)
	if n == 0 || n >= total {
		t.Fatalf("searching %q lists %d of %d users", surname[:4], n, total)
	}
	for _, h := range m.table.hits {
		r := m.index.Rows[h]
		if !strings.Contains(strings.ToLower(r.DisplayName+r.UPN+r.ID+r.Mail+r.Department+r.OUName), strings.ToLower(surname[:4])) {
			t.Errorf("%s is listed but does not match %q", r.DisplayName, surname[:4])
		}
	}
	if want := fmt.Sprintf("%d of %d users", n, total); m.count.Text != want {
		t.Errorf("count %q, want %q", m.count.Text, want)
	}
	if cells := m.table.Length; cells != nil {
		if rows, cols := cells(); rows != n || cols != 8 {
			t.Errorf("the table has %d×%d cells, want %d×8", rows, cols, n)
		}
	}
}

func TestSearchAndFiltersCombineWithAnd(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	dept := m.index.Departments()[0]
	test.Type(m.search, "a")
	searchOnly := len(m.table.hits)
	m.filters.department.SetSelected(dept)
	m.filters.licences[data.ContactCenter].SetSelected(filterWithLicence)
	both := windowListedIDs(m)
	want := m.index.Filter(userlist.Filter{Search: "a", Department: dept, WithLicences: data.ContactCenter})
	if len(both) != len(want) || len(both) == 0 || len(both) >= searchOnly {
		t.Fatalf("search %q AND department %q AND Contact Center: %d rows, the rule gives %d, search alone %d", "a", dept, len(both), len(want), searchOnly)
	}
	for _, h := range m.table.hits {
		r := m.index.Rows[h]
		if r.Department != dept || !r.Licences.Has(data.ContactCenter) {
			t.Errorf("%s (%s, %s) is listed against the filters", r.DisplayName, r.Department, r.Licences)
		}
	}
	m.filters.clears[1].OnTapped()
	if m.filters.department.Selected != filterAll || m.filters.filters.Department != "" {
		t.Fatalf("clearing the department filter leaves %q", m.filters.department.Selected)
	}
	test.Tap(m.filters.clearAll)
	if len(m.table.hits) != searchOnly || m.filters.filters.active() != 0 || !m.filters.clearAll.Disabled() {
		t.Fatalf("after Clear all filters: %d rows, want the search's %d", len(m.table.hits), searchOnly)
	}
}

func TestKeyboardFindClearMoveOpenAndCreate(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	c := m.win.Canvas()
	c.Focus(nil)
	m.runShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != m.search {
		t.Fatal("Ctrl+F does not focus the search field")
	}
	test.Type(m.search, "zzzz-nobody")
	m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.search.Text != "" || len(m.table.hits) != len(m.index.Rows) {
		t.Fatalf("Esc leaves the search %q with %d rows", m.search.Text, len(m.table.hits))
	}
	m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != m.table || m.selectedID() != windowListedIDs(m)[0] {
		t.Fatalf("Down from the search: focus %T, selected %q", c.Focused(), m.selectedID())
	}
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if m.selectedID() != windowListedIDs(m)[1] {
		t.Fatalf("Down, Down, Up selects %q, want the second row", m.selectedID())
	}
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != m.search {
		t.Fatal("Esc in the list does not go back to the search field")
	}
	c.Focus(m.table)
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() == m.table {
		t.Error("Enter does not move into the selected user's details")
	}
	m.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if m.creating == nil {
		t.Fatal("Ctrl+N in the search field does not open the Create dialog")
	}
	first := m.creating
	m.runShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if m.creating != first {
		t.Fatal("Ctrl+N with the dialog open opens a second one")
	}
	first.dlg.Hide()
	if m.creating != nil {
		t.Fatal("closing the dialog leaves it registered as open")
	}
}

func TestHeaderClickSortsAndTheOrderIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.table.sortBy(userlist.ColumnUPN)
	first := windowListedIDs(m)
	for i := 1; i < len(first); i++ {
		if strings.ToLower(m.index.Rows[m.table.hits[i-1]].UPN) > strings.ToLower(m.index.Rows[m.table.hits[i]].UPN) {
			t.Fatalf("not sorted by UPN at row %d", i)
		}
	}
	m.table.sortBy(userlist.ColumnUPN)
	if got := windowListedIDs(m); got[0] != first[len(first)-1] {
		t.Fatal("a second click on the header does not reverse the order")
	}
	m2 := windowOpen(t, a, m.nimbus, nil)
	if got := windowListedIDs(m2); got[0] != first[len(first)-1] || m2.table.column != userlist.ColumnUPN || !m2.table.desc {
		t.Fatal("a new window does not keep the sort order")
	}
}

// windowListed reports whether the index holds the user.
func windowListed(ix *userlist.Index, id string) bool {
	for _, r := range ix.Rows {
		if r.ID == id {
			return true
		}
	}
	return false
}

func TestConfigurationButtonOpensTheWindowOnceAndReloadsOnClose(t *testing.T) {
	m := windowOpen(t, test.NewTempApp(t), windowDemoTenant(t), nil)
	m.onConfiguration()
	first := m.config
	if first == nil || first.Title() != "Nimbus Admin — Configuration" {
		t.Fatalf("configuration window: %v", first)
	}
	m.onConfiguration()
	if m.config != first {
		t.Error("a second Configuration window opened")
	}
	first.Close()
	if m.config != nil {
		t.Error("closing the Configuration window was not noticed")
	}
}
