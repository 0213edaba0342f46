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

func (m *mainWindow) onConfiguration() {
	if m.config != nil {
		m.config.RequestFocus()
		return
	}
	m.config = config.Show(fyne.CurrentApp(), m.nimbus)
	m.config.SetOnClosed(func() {
		m.config = nil
		m.load(m.selectedID())
	})
}
