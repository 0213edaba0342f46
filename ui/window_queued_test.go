package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// windowQueue runs the window's background work and its fyne.Do hand-overs in order, one
// after the other, as the running app does: work handed over from the UI goroutine runs
// after what that goroutine is doing now, never inside it.
type windowQueue struct {
	fyne.Driver
	work []func()
}

// DoFromGoroutine queues f, as the running app's driver does.
func (q *windowQueue) DoFromGoroutine(f func(), _ bool) { q.work = append(q.work, f) }

// drain runs the queued work, and what it queues, until none is left.
func (q *windowQueue) drain() {
	for len(q.work) > 0 {
		f := q.work[0]
		q.work = q.work[1:]
		f()
	}
}

// windowQueuedApp is a test app whose driver queues fyne.Do.
type windowQueuedApp struct {
	fyne.App
	q *windowQueue
}

// Driver is the queueing driver.
func (a *windowQueuedApp) Driver() fyne.Driver { return a.q }

// windowOpenQueued opens the main window over a demo tenant with its background work and
// hand-overs queued, and loads the list.
func windowOpenQueued(t *testing.T) (*mainWindow, *windowQueue) {
	t.Helper()
	base := test.NewTempApp(t)
	q := &windowQueue{Driver: base.Driver()}
	a := &windowQueuedApp{App: base, q: q}
	fyne.SetCurrentApp(a)
	t.Cleanup(func() { fyne.SetCurrentApp(base) })
	m := newMainWindow(a, windowDemoTenant(t), nil, func(f func()) { q.work = append(q.work, f) })
	m.load("")
	q.drain()
	if m.index == nil {
		t.Fatalf("the list did not load: %s", m.status.Text)
	}
	t.Cleanup(m.win.Close)
	return m, q
}

// After "Add to Nimbus" the detail view shows the person added and the list selects
// them, also when the reloaded list is shown after the window went on (as in the app).
func TestAfterAddTheSelectionIsOnTheUserAdded(t *testing.T) {
	m, q := windowOpenQueued(t)
	m.selectUser(windowListedIDs(m)[3])
	test.Tap(m.createButton)
	q.drain()
	c, who := windowAddFirstFound(t, m)
	q.drain()
	if c.problem.Text != "" {
		t.Fatalf("Add refused: %s", c.problem.Text)
	}
	if m.detail.UserID() != who.ID {
		t.Errorf("the detail view shows %q, not %s who was just added", m.detail.UserID(), who.DisplayName)
	}
	if r := m.table.selectedRow(); r == nil || r.ID != who.ID {
		t.Errorf("the list selects %+v, not %s who was just added", r, who.DisplayName)
	}
	windowListAgrees(t, m)
}

// Saving while leaving for another row shows that row, and the list's reload after the
// save does not take the view back to the user saved.
func TestSaveWhileLeavingShowsTheRowClicked(t *testing.T) {
	m, q := windowOpenQueued(t)
	ids := windowListedIDs(m)
	windowDraftOn(t, m, ids[0])
	m.selectUser(ids[1])
	windowAnswer(t, m, "Save")
	q.drain()
	if m.detail.UserID() != ids[1] {
		t.Errorf("after Save the detail view shows %q, not the row clicked", m.detail.UserID())
	}
	windowListAgrees(t, m)
	windowDraftOn(t, m, ids[1])
	m.detail.SaveAll()
	q.drain()
	if m.detail.UserID() != ids[1] || windowGeneralIsDraft(m) {
		t.Errorf("after Save all the detail view shows %q, draft left: %v", m.detail.UserID(), windowGeneralIsDraft(m))
	}
	windowListAgrees(t, m)
}

// After a Save that moves the user's row (the list is sorted by what was saved), the
// list still selects that user and the detail view stays on them.
func TestAfterASaveThatMovesTheRowTheSelectionFollows(t *testing.T) {
	m, q := windowOpenQueued(t)
	m.onSort(userlist.ColumnAttendantConsole, false)
	q.drain()
	var id string
	for _, r := range windowListedIDs(m)[10:] {
		if d, _ := m.nimbus.UserDetail(context.Background(), r); !d.User.Licences.Has(data.AttendantConsole) && m.rights.InScope(d.User.OUID) {
			id = r
			break
		}
	}
	if !m.selectUser(id) {
		t.Fatal("no listed user without Attendant Console")
	}
	uitest.Check(m.detail.Object(), data.AttendantConsole.String()).SetChecked(true)
	test.Tap(uitest.Button(m.detail.Object(), "Save"))
	q.drain()
	if !holds(t, m, id, data.AttendantConsole) {
		t.Fatal("the licence was not saved")
	}
	if r := m.table.selectedRow(); r == nil || r.ID != id {
		t.Errorf("after the save the list selects %v, not the user saved", r)
	}
	if m.selectedID() != id {
		t.Errorf("after the save Delete would act on %q, not the user saved", m.selectedID())
	}
}
