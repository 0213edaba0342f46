package ui

import (
	"context"

	"nimbusadmin/app/userlist"
)

// selectUser selects a listed user by O365 ID; it reports whether the user is listed.
func (m *mainWindow) selectUser(id string) bool {
	if id == "" || m.index == nil {
		return false
	}
	for i, h := range m.table.hits {
		if m.index.Rows[h].ID == id {
			m.table.selectRow(i)
			return true
		}
	}
	return false
}

// onUserSelected shows the selected user's details and whether they can be deleted.
func (m *mainWindow) onUserSelected(r *userlist.Row) {
	m.selected = nil
	if r == nil {
		m.detail.ShowUser("")
		m.showDeleteState()
		return
	}
	m.detail.ShowUser(r.ID)
	d := m.detail.Shown()
	if d.User.ID != r.ID { // the view kept another user (it asks about unsaved edits first) or could not read this one
		var err error
		if d, err = m.nimbus.UserDetail(context.Background(), r.ID); err != nil {
			m.status.SetText(err.Error())
			m.showDeleteState()
			return
		}
	}
	m.selected = &d
	m.showDeleteState()
}

// onOpenUser moves the keyboard focus from the list into the selected user's details.
func (m *mainWindow) onOpenUser() {
	if m.deleteButton.Disabled() {
		m.win.Canvas().FocusNext()
		return
	}
	m.win.Canvas().Focus(m.deleteButton)
}

// selectedID is the selected user's O365 ID, or "".
func (m *mainWindow) selectedID() string {
	if m.selected == nil {
		return ""
	}
	return m.selected.User.ID
}
