package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/userlist"
)

// windowOpenInParts builds the main window over a 300-user demo that loads its list in
// parts of first and then rest users, with the background work and hand-overs queued so
// that the test acts between the parts; it returns once the first part is shown.
func windowOpenInParts(t *testing.T, first, rest int) (*mainWindow, *windowQueue) {
	t.Helper()
	base := test.NewTempApp(t)
	q := &windowQueue{Driver: base.Driver()}
	a := &windowQueuedApp{App: base, q: q}
	fyne.SetCurrentApp(a)
	t.Cleanup(func() { fyne.SetCurrentApp(base) })
	m := newMainWindow(a, windowDemoTenant(t), nil, func(f func()) { q.work = append(q.work, f) })
	m.partRows, m.restRows = first, rest
	t.Cleanup(m.win.Close)
	m.load("")
	for m.index == nil && len(q.work) > 0 {
		q.step()
	}
	if m.index == nil {
		t.Fatalf("the first part did not show: %s", m.status.Text)
	}
	return m, q
}

// step runs the first piece of queued work.
func (q *windowQueue) step() {
	f := q.work[0]
	q.work = q.work[1:]
	f()
}

// A search typed and a user selected while a large list still loads stay when the rest
// arrives: the search then narrows every user loaded, and the list says plainly how much
// is loaded until all of it is.
func TestASearchTypedWhileTheListLoadsStaysAndFollowsTheRest(t *testing.T) {
	m, q := windowOpenInParts(t, 70, 100)
	if len(m.index.Rows) != 70 {
		t.Fatalf("the first part holds %d users, want 70", len(m.index.Rows))
	}
	if want := "70 of 300 users loaded…"; m.count.Text != want {
		t.Errorf("while loading the count says %q, want %q", m.count.Text, want)
	}
	test.Type(m.search, "an")
	shown := windowListedIDs(m)
	if len(shown) == 0 || len(shown) >= 70 {
		t.Fatalf("the search %q shows %d of the 70 users loaded", "an", len(shown))
	}
	picked := shown[len(shown)/2]
	if !m.selectUser(picked) {
		t.Fatalf("cannot select %s", picked)
	}
	if !strings.Contains(m.count.Text, "of 70 users (70 of 300 loaded…)") {
		t.Errorf("a search while loading counts %q", m.count.Text)
	}

	q.drain()
	if m.search.Text != "an" {
		t.Fatalf("the search field says %q after the list loaded, want what was typed", m.search.Text)
	}
	if len(m.index.Rows) != 300 {
		t.Fatalf("the loaded list holds %d users, want 300", len(m.index.Rows))
	}
	want := m.index.Filter(m.filters.userFilter("an")) // every match, in the order the index holds them
	// the list shows them by display name, then O365 ID
	slices.SortFunc(want, func(a, b int) int {
		ra, rb := &m.index.Rows[a], &m.index.Rows[b]
		if c := strings.Compare(strings.ToLower(ra.DisplayName), strings.ToLower(rb.DisplayName)); c != 0 {
			return c
		}
		return strings.Compare(ra.ID, rb.ID)
	})
	if got := windowListedIDs(m); !slices.Equal(got, windowIDsOf(m, want)) {
		t.Fatalf("after loading the search shows %d users, the whole list has %d matches", len(got), len(want))
	}
	if r := m.table.selectedRow(); r == nil || r.ID != picked {
		t.Errorf("the selection moved from %s to %+v when the list finished loading", picked, r)
	}
	if want := fmt.Sprintf("%d of 300 users", len(windowListedIDs(m))); m.count.Text != want {
		t.Errorf("once loaded the count says %q, want %q", m.count.Text, want)
	}
}

// Sorting while a part of the list is being merged in leaves the list sorted as the admin
// asked once that part shows.
func TestSortingWhileAPartArrivesKeepsTheAdminsOrder(t *testing.T) {
	m, q := windowOpenInParts(t, 70, 100)
	q.step() // the next part is read and merged in the background; its hand-over waits
	m.table.sortBy(userlist.ColumnUPN)
	q.drain()
	if len(m.index.Rows) != 300 {
		t.Fatalf("the loaded list holds %d users, want 300", len(m.index.Rows))
	}
	got := windowListedIDs(m)
	want := userlist.NewView(m.index)
	want.SortBy(userlist.ColumnUPN, false)
	if !slices.Equal(got, windowIDsOf(m, want.Apply(userlist.Filter{}))) {
		t.Fatalf("the list is not sorted by UPN after the admin sorted while it loaded")
	}
}

// windowIDsOf is the O365 IDs of rows of the window's index.
func windowIDsOf(m *mainWindow, hits []int) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = m.index.Rows[h].ID
	}
	return out
}
