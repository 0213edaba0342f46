package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// On a large list a first letter scans every user in the background, but a letter that
// narrows the previous hits, or a backspace back to an earlier search, is answered at
// once: the list changes in the same frame as the keystroke, as on a small list.
func TestALetterNarrowingTheHitsShowsAtOnceOnALargeList(t *testing.T) {
	a := test.NewTempApp(t)
	var queued []func()
	m := newMainWindow(a, windowDemoTenant(t), nil, func(f func()) { queued = append(queued, f) })
	t.Cleanup(m.win.Close)
	m.slowRows = 100 // the 300-user demo counts as large
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
	if first == 0 || first >= m.slowRows {
		t.Fatalf("\"j\" lists %d users; the check needs fewer than %d and some", first, m.slowRows)
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
