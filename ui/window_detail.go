package ui

import (
	"fyne.io/fyne/v2"

	"nimbusadmin/ui/detail"
)

// userDetailPane is the detail area beside the list: the selected user's tabs and their
// pending changes.
type userDetailPane interface {
	Object() fyne.CanvasObject
	ShowUser(id string)
	ShowSeveral(title, say string)
	UserID() string
	BeforeLeaving(why string, next func())
	HasPendingEdits() bool
	SaveAll()
	DiscardAll()
	SetListed(listed bool)
	FocusFirstField() bool
}

// newUserDetailPane builds the tabbed detail view. After an edit the list reloads so that
// the row (OU, licences, active profile) shows what was saved; the list's selection and
// Delete follow the user the view shows, also when the admin keeps editing a user instead
// of leaving (so that Delete and the detail view always speak of the same person).
func (m *mainWindow) newUserDetailPane() userDetailPane {
	p := detail.New(m.nimbus, m.win, func(string) { m.load("") })
	p.OnStay = func(string) { m.followDetail() }
	p.OnShow = m.onDetailShows
	p.OnHistory = func(userID string) { openHistoryWindow(m, userID) }
	return p
}
