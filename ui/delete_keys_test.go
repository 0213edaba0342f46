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
