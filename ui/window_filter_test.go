package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/uitest"
)

// On a large list a first letter scans every user in the background, but a letter that
// narrows the previous hits, or a backspace back to an earlier search, is answered at
// once: the list changes in the same frame as the keystroke, as on a small list.
func TestALetterNarrowingTheHitsShowsAtOnceOnALargeList(t *testing.T) {
	a := test.NewTempApp(t)
	var queued []func()
	m := newMainWindow(a, windowDemoTenant(t), nil, func(f func()) { queued = append(queued, f) })
	t.Cleanup(m.win.Close)
	m.scanAtOnce = 100 // the 300-user demo counts as a large one
	runQueued := func() {
		for len(queued) > 0 {
			f := queued[0]
			queued = queued[1:]
			f()
		}
	}
	m.load("")
	runQueued()
	if m.index == nil {
		t.Fatalf("the list did not load: %s", m.status.Text)
	}
	all := len(m.table.hits)

	test.Type(m.search, "j")
	if len(queued) != 1 || len(m.table.hits) != all {
		t.Fatalf("a first letter over every user: %d runs waiting and %d of %d rows listed, want it in the background", len(queued), len(m.table.hits), all)
	}
	runQueued()
	first := len(m.table.hits)
	if first == 0 || first >= m.scanAtOnce {
		t.Fatalf("\"j\" lists %d users; the check needs fewer than %d and some", first, m.scanAtOnce)
	}

	test.Type(m.search, "o")
	if len(queued) != 0 || len(m.table.hits) >= first {
		t.Errorf("\"jo\" narrowing %d hits: %d runs waiting, %d rows listed, want them narrowed at once", first, len(queued), len(m.table.hits))
	}
	m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if len(queued) != 0 || len(m.table.hits) != first {
		t.Errorf("backspace to \"j\": %d runs waiting, %d rows listed, want the %d remembered at once", len(queued), len(m.table.hits), first)
	}
}

// ↓ moves the highlight: the row left is drawn plain and the next one highlighted, though
// the list redraws only the cells that change.
func TestDownMovesTheHighlightToTheNextRow(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(3200, 800)) // wide enough for the O365 ID column, which tells rows apart
	m.win.Canvas().Capture()              // lay the list out, as drawing the window does
	m.focusList()
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	highlighted := func(row int) bool {
		id := m.index.Rows[m.table.hits[row]].ID
		found, lit := false, false
		uitest.Walk(m.table, func(o fyne.CanvasObject) {
			c, ok := o.(*fyne.Container)
			if !ok || len(c.Objects) != 2 {
				return
			}
			bg, isBg := c.Objects[0].(*canvas.Rectangle)
			label, isLabel := c.Objects[1].(*widget.Label)
			if isBg && isLabel && label.Text == id { // the O365 ID column tells rows apart
				found, lit = true, bg.FillColor == theme.Color(theme.ColorNameSelection)
			}
		})
		if !found {
			t.Fatalf("row %d is not drawn", row)
		}
		return lit
	}
	if m.table.selected != 1 || highlighted(0) || !highlighted(1) {
		t.Errorf("after ↓ the selection is row %d; row 0 highlighted %v, row 1 highlighted %v, want only row 1",
			m.table.selected, highlighted(0), highlighted(1))
	}
}
