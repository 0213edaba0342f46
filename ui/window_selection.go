package ui

import (
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
)

// The detail view decides which user the window is about: the list's selection follows
// it (followDetail) and so do Delete and its reason (onDetailShows). A click or an arrow
// key in the list asks the detail view to show another user, which asks first about
// unsaved edits; a search or a filter only narrows the list.

// selectUser selects a listed user by O365 ID; it reports whether the user is listed.
func (m *mainWindow) selectUser(id string) bool {
	if row := m.rowOf(id); row >= 0 {
		m.table.selectRow(row)
		return true
	}
	return false
}

// rowOf is the row of the list that shows the user with the O365 ID, -1 when none does.
// It reads the rows the table shows now, which a reload replaces only when it shows them.
func (m *mainWindow) rowOf(id string) int {
	ix := m.table.index
	if id == "" || ix == nil {
		return -1
	}
	if r := m.table.selectedRow(); r != nil && r.ID == id {
		return m.table.selected
	}
	for i, h := range m.table.hits {
		if ix.Rows[h].ID == id {
			return i
		}
	}
	return -1
}

// onUserSelected asks the detail view to show the row the admin selected. When the
// selected row leaves the list (a search or a filter hides it) while the user has unsaved
// edits, the detail keeps showing them: typing in the search never asks mid-word.
func (m *mainWindow) onUserSelected(r *userlist.Row) {
	if r == nil {
		if m.detail.HasPendingEdits() {
			m.followDetail()
			return
		}
		m.detail.ShowUser("")
		return
	}
	m.detail.ShowUser(r.ID)
}

// onSeveralSelected shows in the detail view that several users are selected and what
// can be done with them; pending edits of the user shown are asked about first, and
// Keep editing selects that user alone again.
func (m *mainWindow) onSeveralSelected(n int) {
	m.detail.ShowSeveral(usersText(n)+" selected", "Nothing to edit one by one here. "+severalSay)
}

// onDetailShows follows the user the detail view now shows: Delete acts on them and the
// list selects their row.
func (m *mainWindow) onDetailShows(d *app.UserDetail) {
	m.selected = d
	m.showDeleteState()
	m.followDetail()
}

// followDetail selects, without asking anything, the row of the user the detail view
// shows, or no row when it shows nobody or the list does not show them (the detail view
// then says so), so that the list and the detail always speak of the same person.
func (m *mainWindow) followDetail() {
	id := m.detail.UserID()
	if id == "" && m.table.selectionCount() > 1 { // the detail view counts the users selected
		m.detail.SetListed(true)
		m.showDetailArea()
		return
	}
	row := m.rowOf(id)
	m.detail.SetListed(id == "" || row >= 0)
	m.showDetailArea()
	if m.table.selected == row && m.table.chosen == nil {
		return
	}
	m.table.selected, m.table.chosen = row, nil
	if m.list != nil {
		m.list.showSelection()
	}
	if row >= 0 {
		m.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	}
	m.table.Refresh()
}

// afterLoad follows a reload of the list: the user selectID is shown again as the cache
// holds them now (the detail view keeps its drafts), and the list selects the user the
// detail view shows.
func (m *mainWindow) afterLoad(selectID string) {
	if selectID != "" {
		m.detail.ShowUser(selectID)
	}
	m.followDetail()
}

// onOpenUser moves the keyboard focus from the list into the selected user's details:
// to Delete when the user can be deleted, else to the first field of the detail view;
// with nothing to edit it stays and says why.
func (m *mainWindow) onOpenUser() {
	if !m.deleteButton.Disabled() {
		m.win.Canvas().Focus(m.deleteButton)
		return
	}
	if m.detail.FocusFirstField() {
		return
	}
	if m.selected != nil {
		m.status.SetText("Nothing to edit for " + m.selected.User.DisplayName + ". " + m.deleteReason.Text)
	}
}

// selectedID is the O365 ID of the user the detail view shows, or "".
func (m *mainWindow) selectedID() string {
	if m.selected == nil {
		return ""
	}
	return m.selected.User.ID
}
