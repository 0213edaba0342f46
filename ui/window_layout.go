package ui

import (
	"fyne.io/fyne/v2/theme"
)

// showDetailArea puts the detail view beside the list while it shows a user (selected, or
// kept with unsaved edits while a search hides them) or several users are selected (its
// Delete and its line say what can be done with them) and the admin has not hidden it;
// otherwise the list takes the whole width, so that all its columns show. The toggle says
// what it will do.
func (m *mainWindow) showDetailArea() {
	selected := m.detail.UserID() != "" || m.table.selectionCount() > 1
	if selected && !m.detailCollapsed {
		m.detailArea.Show()
	} else {
		m.detailArea.Hide()
	}
	m.detailSplit.Refresh()
	if m.detailCollapsed {
		m.detailToggle.SetText("Show details")
		m.detailToggle.SetIcon(theme.NavigateBackIcon())
	} else {
		m.detailToggle.SetText("Hide details")
		m.detailToggle.SetIcon(theme.NavigateNextIcon())
	}
	if selected {
		m.detailToggle.Enable()
	} else {
		m.detailToggle.Disable()
	}
}

// toggleDetail hides the detail view beside the list, or shows it again (Ctrl+D); the
// choice is remembered. Nothing pending is lost: a hidden view keeps its edits.
func (m *mainWindow) toggleDetail() {
	m.detailCollapsed = !m.detailCollapsed
	m.settings.setDetailCollapsed(m.detailCollapsed)
	m.showDetailArea()
}
