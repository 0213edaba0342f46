package ui

import (
	"fyne.io/fyne/v2"

	"nimbusadmin/app"
	"nimbusadmin/ui/detail"
)

// userDetailPane is the detail area beside the list: the selected user's tabs.
type userDetailPane interface {
	Object() fyne.CanvasObject
	ShowUser(id string)
	Shown() app.UserDetail // the user shown, as read for the view
	BeforeLeaving(why string, next func())
}

// newUserDetailPane builds the tabbed detail view; after an edit the list reloads so that
// the row (OU, licences, active profile) shows what was saved, and when the admin keeps
// editing a user instead of leaving, the list selects that user again (so that Delete
// and the detail view always speak of the same person).
func (m *mainWindow) newUserDetailPane() userDetailPane {
	p := detail.New(m.nimbus, m.win, func(userID string) { m.load(userID) })
	p.OnStay = func(userID string) { m.selectUser(userID) }
	return p
}
