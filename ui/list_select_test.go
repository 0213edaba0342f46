package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A click selects one user and gives the list the keyboard focus; Shift+click selects
// the range from the last click, Ctrl+click adds or removes one user, Ctrl+A selects all
// shown. Several selected users are counted and none of them is shown as the one user.
func TestListSelectsRangesTogglesAndAll(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	c := m.win.Canvas()
	c.Focus(m.search)
	ids := windowListedIDs(m)

	listClick(t, m, 2, 0)
	if c.Focused() != m.table {
		t.Fatalf("after a click the focus is on %T, want the list", c.Focused())
	}
	if got := listSelectedIDs(m); !slices.Equal(got, ids[2:3]) || m.selectedID() != ids[2] {
		t.Fatalf("a click selects %v (details of %q), want %v", got, m.selectedID(), ids[2:3])
	}
	listClick(t, m, 5, fyne.KeyModifierShift)
	if got := listSelectedIDs(m); !slices.Equal(got, ids[2:6]) {
		t.Fatalf("Shift+click from row 2 to 5 selects %v, want %v", got, ids[2:6])
	}
	if m.selected != nil || m.list.selection.Text != "4 users selected" {
		t.Errorf("with four selected the details show %v and the count says %q", m.selectedID(), m.list.selection.Text)
	}
	listClick(t, m, 3, fyne.KeyModifierControl)
	if got, want := listSelectedIDs(m), []string{ids[2], ids[4], ids[5]}; !slices.Equal(got, want) {
		t.Fatalf("Ctrl+click on a selected row leaves %v, want %v", got, want)
	}
	listClick(t, m, 8, fyne.KeyModifierSuper)
	if got := listSelectedIDs(m); len(got) != 4 || got[3] != ids[8] {
		t.Fatalf("Cmd+click adds row 8: %v", got)
	}
	listClick(t, m, 1, 0)
	if got := listSelectedIDs(m); !slices.Equal(got, ids[1:2]) || m.selectedID() != ids[1] {
		t.Fatalf("a plain click after a multi-selection selects %v, want only %v", got, ids[1:2])
	}

	m.table.TypedShortcut(&fyne.ShortcutSelectAll{})
	if got := listSelectedIDs(m); !slices.Equal(got, ids) || m.list.selection.Text != thousands(len(ids))+" users selected" {
		t.Fatalf("Ctrl+A selects %d of %d users (%q)", len(got), len(ids), m.list.selection.Text)
	}
	test.Type(m.search, "a")
	if got := listSelectedIDs(m); !slices.Equal(got, windowListedIDs(m)) {
		t.Fatalf("after narrowing the list, %d selected of %d shown: the selection should keep only the users shown", len(got), len(m.table.hits))
	}
}

// After a click, the keys act on the row clicked: Down moves from it. This holds with
// another window open too (here Configuration).
func TestAClickedRowTakesTheKeys(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	row3 := listCellAt(t, m, 3)
	m.onConfiguration()
	ids := windowListedIDs(m)
	listClickAt(m, row3, 0)
	focused := m.win.Canvas().Focused()
	if focused != m.table {
		t.Fatalf("after a click the focus is on %T", m.win.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if m.selectedID() != ids[4] {
		t.Fatalf("Down after clicking row 3 selects %q, want row 4", m.selectedID())
	}
}

// With several users selected the area beside the list stays in view, since its Delete
// and its line are what can be done with all of them.
func TestSeveralSelectedKeepDeleteAndItsLineInView(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(m.settings.windowSize())
	listClick(t, m, 2, 0)
	listClick(t, m, 4, fyne.KeyModifierShift)
	if !m.detailArea.Visible() || m.deleteButton.Disabled() {
		t.Fatalf("with 3 selected the area beside the list shows: %v, Delete enabled: %v", m.detailArea.Visible(), !m.deleteButton.Disabled())
	}
	if want := "3 users selected"; len(m.deleteReason.Text) < len(want) || m.deleteReason.Text[:len(want)] != want {
		t.Errorf("the line beside the list says %q", m.deleteReason.Text)
	}
}
