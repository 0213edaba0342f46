package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// windowPressKey hands a key to the window the way the desktop driver does: to the
// focused control, or else to the canvas's own key handler.
func windowPressKey(m *mainWindow, name fyne.KeyName) {
	c := m.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// Delete on a user the rules keep says why in a dialog; Esc closes that dialog and
// nothing else: the search the admin typed stays, and the user stays selected.
func TestEscClosesTheDeleteRefusalAndKeepsTheSearch(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool {
		return d.User.Origin == data.OriginTeams && len(d.Services) > 0 && !d.Deletable()
	})
	m.search.SetText(d.User.UPN)
	if !m.selectUser(d.User.ID) {
		t.Fatal("the Teams user is not listed under the search")
	}
	m.win.Canvas().Focus(m.table)
	m.table.TypedKey(windowDeleteKey)
	if m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Delete on a user the rules keep shows no reason")
	}
	windowPressKey(m, fyne.KeyEscape)
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the dialog saying why the user cannot be deleted")
	}
	if m.search.Text != d.User.UPN {
		t.Errorf("Esc on the dialog reached the window: the search reads %q, want %q", m.search.Text, d.User.UPN)
	}
	if m.detail.UserID() != d.User.ID {
		t.Errorf("the detail view shows %q, want %s still", m.detail.UserID(), d.User.DisplayName)
	}
}

// Esc on the unsaved-changes question keeps editing: the user and their draft stay, the
// list selects them again, and the search is untouched.
func TestEscOnTheUnsavedChangesQuestionKeepsEditing(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	ids := windowListedIDs(m)
	windowDraftOn(t, m, ids[1])
	m.selectUser(ids[4])
	if windowAsked(m, "Keep editing") == nil {
		t.Fatal("selecting another user with unsaved edits asked nothing")
	}
	windowPressKey(m, fyne.KeyEscape)
	if m.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the unsaved-changes question")
	}
	if m.detail.UserID() != ids[1] || !windowGeneralIsDraft(m) {
		t.Errorf("after Esc the detail view shows %q (draft %v), want the user being edited and the draft", m.detail.UserID(), windowGeneralIsDraft(m))
	}
	windowListAgrees(t, m)
}
