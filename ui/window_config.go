package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/config"
)

// newConfigButton opens the Configuration window; when it closes, the list reloads so
// that renamed or moved OUs and changed catalogues show at once.
func (m *mainWindow) newConfigButton() *widget.Button {
	return &widget.Button{Text: "Configuration", Icon: theme.SettingsIcon(), OnTapped: m.onConfiguration}
}

// onConfiguration opens the Configuration window, or brings it forward. While it is
// open, closing Nimbus Admin asks about its unsaved edits too.
func (m *mainWindow) onConfiguration() {
	if m.config != nil {
		m.config.RequestFocus()
		return
	}
	cw := config.Show(fyne.CurrentApp(), m.nimbus)
	m.config = cw
	cw.OnShowRoleHolders(m.showRoleHolders)
	m.win.SetCloseIntercept(m.requestCloseWithConfiguration)
	cw.SetOnClosed(func() {
		m.config = nil
		m.win.SetCloseIntercept(m.requestClose)
		m.load(m.selectedID())
	})
}

// requestCloseWithConfiguration closes Nimbus Admin while the Configuration window is
// open: it asks about the Configuration window's unsaved edits, then about the user's.
func (m *mainWindow) requestCloseWithConfiguration() {
	cw, ok := m.config.(*config.Window)
	if !ok {
		m.requestClose()
		return
	}
	cw.BeforeLeaving("before closing Nimbus Admin", m.requestClose)
}

// showRoleHolders shows the holders of a role in the list through the Role filter, for
// the Configuration window's "Show them in the user list".
func (m *mainWindow) showRoleHolders(role string) {
	m.filters.role.SetSelected(role)
	if m.filters.filters.RoleID == 0 { // a role created since the list loaded
		m.load(m.selectedID())
		m.filters.role.SetSelected(role)
	}
	m.win.RequestFocus()
}
