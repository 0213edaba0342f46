package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// changesWindowTenant is the demo tenant with one sync in its history that changed two
// listed users: a department and a Team joined.
func changesWindowTenant(t *testing.T) (*app.App, []app.SyncChange) {
	t.Helper()
	nimbus := windowDemoTenant(t)
	ix, err := nimbus.LoadUserIndex(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a, b := ix.Rows[3], ix.Rows[7]
	store, err := data.OpenWith(nimbus.CachePath(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	changes := []data.SyncChange{
		{UserID: a.ID, UPN: a.UPN, Kind: data.ChangeDepartment, Old: "Sales", New: "Support"},
		{UserID: b.ID, UPN: b.UPN, Kind: data.ChangeJoinedTeam, New: "Night Shift"},
	}
	err = store.Tx(context.Background(), func(q *data.Q) error {
		run, err := q.StartSyncRun(false, false, "")
		if err != nil {
			return err
		}
		if err := q.AddSyncChanges(run, changes); err != nil {
			return err
		}
		return q.FinishSyncRun(run, 2)
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err := nimbus.SyncChanges(context.Background(), app.ChangesQuery{})
	if err != nil || len(out) != 2 {
		t.Fatalf("the history holds %d changes (%v)", len(out), err)
	}
	return nimbus, out
}

// The header says how many changes are new; the Changes window lists the sync and its
// changes grouped by kind, marks them new, filters and folds them, and opens a change's
// user in the main window; once looked at, the header says so.
func TestTheChangesWindowListsASyncsChangesAndOpensTheUser(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus, changes := changesWindowTenant(t)
	m := windowOpen(t, a, nimbus, &windowFakeOnline{})
	if m.changesButton.Text != "2 changes since you last looked" {
		t.Fatalf("the header's Changes button says %q", m.changesButton.Text)
	}
	test.Tap(m.changesButton)
	v := m.changes
	if v == nil {
		t.Fatal("the Changes window did not open")
	}
	if len(v.runs) != 1 || !strings.Contains(runLine(v.runs[0]), "2 changes") {
		t.Fatalf("the syncs listed: %+v", v.runs)
	}
	var lines []string
	for _, r := range v.rows {
		if r.change == nil {
			lines = append(lines, changeKindTitle(r.kind))
		} else {
			lines = append(lines, changeLine(*r.change, r.change.ID > v.seen))
		}
	}
	want := []string{"Department changed", "new · " + changes[0].UPN + ": Sales → Support", "Joined team", "new · " + changes[1].UPN + ": Night Shift"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the sync's changes show as\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if m.changesButton.Text != "Changes" {
		t.Errorf("after looking, the header says %q", m.changesButton.Text)
	}
	v.list.Select(3)
	if m.detail.UserID() != changes[1].UserID {
		t.Errorf("the change's user is not the one the main window shows (%q)", m.detail.UserID())
	}
	v.kind.SetSelected(data.ChangeDepartment)
	if len(v.rows) != 2 || v.rows[1].change.UserID != changes[0].UserID {
		t.Errorf("filtered by kind, %d rows", len(v.rows))
	}
	v.kind.SetSelected("All kinds")
	v.list.Select(0) // the first group's heading folds it
	if len(v.rows) != 3 {
		t.Errorf("with a group folded, %d rows, want 3", len(v.rows))
	}
	v.search.SetText(changes[1].UPN)
	if len(v.rows) != 2 || v.rows[1].change.UserID != changes[1].UserID {
		t.Errorf("filtered by UPN, %d rows", len(v.rows))
	}
	// Ctrl+W closes it, as in any desktop application.
	v.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault})
	if m.changes != nil {
		t.Error("Ctrl+W did not close the Changes window")
		v.win.Close()
	}
}

// Closing Nimbus Admin closes the review windows and the Configuration window with it,
// rather than leaving them open over a closed main window (and the program running).
func TestClosingTheMainWindowClosesTheOthers(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), &windowFakeOnline{})
	m.openChangesWindow()
	openChecksWindow(m)
	openHistoryWindow(m, "")
	m.onConfiguration()
	if n := len(a.Driver().AllWindows()); n < 5 {
		t.Fatalf("%d windows open, want the main window and four others", n)
	}

	m.requestClose()
	var titles []string
	for _, w := range a.Driver().AllWindows() {
		if w.Title() != "" { // the test driver's own window for rendering
			titles = append(titles, w.Title())
		}
	}
	if len(titles) != 0 {
		t.Errorf("after closing Nimbus Admin these windows are still open: %s", strings.Join(titles, ", "))
	}
}
