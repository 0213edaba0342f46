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
	"nimbusadmin/ui/uitest"
)

// windowListAgrees checks that the list selects exactly the user the detail view shows
// (no row when that user is not listed).
func windowListAgrees(t *testing.T, m *mainWindow) {
	t.Helper()
	shown := m.detail.UserID()
	r := m.table.selectedRow()
	switch {
	case r == nil && m.rowOf(shown) >= 0:
		t.Errorf("the detail view shows a listed user but the list selects nobody")
	case r != nil && r.ID != shown:
		t.Errorf("the list selects %s, the detail view shows %s", r.DisplayName, shown)
	case m.selectedID() != shown:
		t.Errorf("Delete would act on %q, the detail view shows %q", m.selectedID(), shown)
	}
}

// windowDraftOn selects the listed user id and switches their Assistant licence without
// saving.
func windowDraftOn(t *testing.T, m *mainWindow, id string) {
	t.Helper()
	if !m.selectUser(id) {
		t.Fatalf("%s is not listed", id)
	}
	box := uitest.Check(m.detail.Object(), data.Assistant.String())
	box.SetChecked(!box.Checked)
	if !windowGeneralIsDraft(m) {
		t.Fatal("ticking a licence made no draft")
	}
}

// windowRowWithout is a listed user without Assistant whose searchable text does not
// contain text, so that searching it hides them.
func windowRowWithout(t *testing.T, m *mainWindow, text string) string {
	t.Helper()
	for _, r := range m.index.Rows {
		key := strings.ToLower(r.DisplayName + r.UPN + r.ID + r.Mail + r.Department + r.OUName)
		if !r.Licences.Has(data.Assistant) && !strings.Contains(key, text) && strings.Contains(key, text[:1]) {
			return r.ID
		}
	}
	t.Fatalf("every demo user matches %q", text)
	return ""
}

// windowAddFirstFound picks the first person the open Create dialog lists and taps Add to
// Nimbus, returning the dialog and whom it added.
func windowAddFirstFound(t *testing.T, m *mainWindow) (*createDialog, data.DirectoryEntry) {
	t.Helper()
	c := m.creating
	if c == nil || len(c.found) == 0 {
		t.Fatal("the Create dialog lists nobody")
	}
	who := c.found[0]
	c.results.Select(0)
	test.Tap(c.add)
	return c, who
}

// Typing in the search with unsaved edits never asks: the list narrows, the detail view
// keeps the user and their draft and says they are not in the list; once they are listed
// again their row is selected.
func TestSearchTypingWithPendingEditsAsksNothingAndKeepsTheDraft(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	id := windowRowWithout(t, m, "an")
	windowDraftOn(t, m, id)
	test.Type(m.search, "an")
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("typing in the search asked about the unsaved edits")
	}
	if m.search.Text != "an" || m.rowOf(id) >= 0 {
		t.Fatalf("the search holds %q and still lists the user", m.search.Text)
	}
	if m.detail.UserID() != id || !windowGeneralIsDraft(m) {
		t.Fatal("the search dropped the user being edited or their draft")
	}
	if !windowSays(m.detail.Object(), "(not in the list) has 1 unsaved change") {
		t.Error("the detail view does not say that the user being edited is not in the list")
	}
	windowListAgrees(t, m)
	m.search.SetText("")
	if r := m.table.selectedRow(); r == nil || r.ID != id {
		t.Error("the user being edited is not selected again once listed")
	}
	windowListAgrees(t, m)
}

// Selecting another row with unsaved edits asks; whatever the answer, the list and the
// detail view agree afterwards.
func TestSelectingAnotherRowAsksAndTheListFollowsTheAnswer(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	first, other := windowRowWithout(t, m, "zzz"), ""
	for _, r := range m.index.Rows {
		if r.ID != first {
			other = r.ID
			break
		}
	}
	for _, answer := range []string{"Keep editing", "Save", "Discard"} {
		m.detail.DiscardAll()
		windowDraftOn(t, m, first)
		m.selectUser(other)
		windowAnswer(t, m, answer)
		want := other
		if answer == "Keep editing" {
			want = first
		}
		if m.detail.UserID() != want {
			t.Errorf("after %s the detail view shows %s, want %s", answer, m.detail.UserID(), want)
		}
		windowListAgrees(t, m)
		if answer == "Save" && !holds(t, m, first, data.Assistant) { // the first pass kept editing: Assistant was ticked
			t.Error("Save did not write the draft")
		}
	}
}

// Ctrl+S saves every pending change of the user shown, also while the search field has
// the focus; the selection stays on that user.
func TestCtrlSSavesThePendingChanges(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	id := windowRowWithout(t, m, "zzz")
	windowDraftOn(t, m, id)
	m.win.Canvas().Focus(m.search)
	m.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if !holds(t, m, id, data.Assistant) || windowGeneralIsDraft(m) {
		t.Fatal("Ctrl+S did not save the pending change")
	}
	if m.detail.UserID() != id {
		t.Error("the detail view left the user just saved")
	}
	windowListAgrees(t, m)
}

// Enter on a user who cannot be deleted moves the focus into the detail view, never to a
// column header of the list.
func TestEnterOnAnUndeletableUserGoesIntoTheDetail(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	for _, r := range m.index.Rows {
		m.selectUser(r.ID)
		if m.deleteButton.Disabled() {
			break
		}
	}
	if !m.deleteButton.Disabled() {
		t.Fatal("every demo user can be deleted")
	}
	m.win.Canvas().Focus(m.table)
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	focused := m.win.Canvas().Focused()
	inDetail := false
	uitest.Walk(m.detail.Object(), func(o fyne.CanvasObject) {
		f, ok := o.(fyne.Focusable)
		inDetail = inDetail || ok && f == focused
	})
	if focused == nil || !inDetail {
		t.Errorf("Enter moved the focus to %T outside the detail view", focused)
	}
}

// Deleting the user being edited asks once: the confirmation says that their unsaved
// changes go with them.
func TestDeletingAUserWithUnsavedEditsAsksOnce(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.User.Origin == data.OriginManual && d.Deletable() })
	windowDraftOn(t, m, d.User.ID)
	test.Tap(m.deleteButton)
	if m.confirm == nil || !strings.Contains(m.deleteAsked, "unsaved changes") {
		t.Fatalf("the confirmation does not say the unsaved changes go: %q", m.deleteAsked)
	}
	m.confirm.Confirm()
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		t.Error("a second question followed the confirmation")
	}
	if _, err := m.nimbus.UserDetail(context.Background(), d.User.ID); err == nil {
		t.Error("the user was not deleted")
	}
	if m.detail.UserID() != "" {
		t.Error("the detail view still shows the deleted user")
	}
	windowListAgrees(t, m)
}

// Adding someone while another user has unsaved edits asks before showing the person
// added; Keep editing stays on the edited user, whom the list keeps selected.
func TestAddingSomeoneWithUnsavedEditsAsksFirst(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	id := windowRowWithout(t, m, "zzz")
	windowDraftOn(t, m, id)
	test.Tap(m.createButton)
	_, who := windowAddFirstFound(t, m)
	windowAnswer(t, m, "Keep editing")
	if m.detail.UserID() != id || !windowGeneralIsDraft(m) || m.rowOf(who.ID) < 0 {
		t.Errorf("after Keep editing: shows %q (want %q), draft %v, added user listed %v",
			m.detail.UserID(), id, windowGeneralIsDraft(m), m.rowOf(who.ID) >= 0)
	}
	windowListAgrees(t, m)
}
