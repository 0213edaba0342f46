package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// newRightsLine is the header's line that says, once, who acts and what they may change:
// "Signed in as … — Organization Unit Administrator of Sales/EMEA: changes outside it are
// read-only". Controls the account may not use are greyed out without repeating it.
func newRightsLine() *widget.Label {
	return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
}

// showRights reads the acting admin's rights and shows them in the header; Create is
// offered only to an account that may add users somewhere.
func (m *mainWindow) showRights() {
	r, err := m.nimbus.Rights(context.Background())
	if m.emptyReplica(err) {
		m.rightsLine.SetText("") // the list says how to load the replica; nobody may change it yet
		m.rights = app.AdminRights{}
	} else if err != nil {
		m.rightsLine.Importance = widget.DangerImportance
		m.rightsLine.SetText(widgets.Failed("Cannot tell what you may change", err, "close the window and open it again"))
		m.rights = app.AdminRights{}
	} else {
		m.rights = r
		m.rightsLine.Importance = widget.MediumImportance
		if r.Level != app.TenantAdministrator || r.FirstUse {
			m.rightsLine.Importance = widget.WarningImportance
		}
		m.rightsLine.SetText(r.Headline())
	}
	widgets.EnableWhen(m.createButton, m.rights.Level != app.ReadOnly)
	m.showDeleteState()
}
