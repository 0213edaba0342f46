package ui

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// showDeleteState enables the delete control only where the delete rule allows it, and
// otherwise shows the rule's reason next to it (Fyne has no tooltips on buttons), in
// text as readable as any other.
func (m *mainWindow) showDeleteState() {
	switch {
	case m.table.selectionCount() > 1 && m.list != nil: // Delete acts on the users selected
		m.list.showSelection()
	case m.selected == nil:
		m.deleteButton.Disable()
		m.deleteReason.SetText("Select a user to delete them from Nimbus.")
	case !m.rights.InScope(m.selected.User.OUID):
		m.deleteButton.Disable()
		m.deleteReason.SetText("You may not change this user: see the line under the search box.")
	case m.selected.Deletable():
		m.deleteButton.Enable()
		m.deleteReason.SetText("Added by hand and in no Teams-based service: can be removed from Nimbus.")
	default:
		m.deleteButton.Disable()
		m.deleteReason.SetText("Cannot delete: " + m.selected.DeleteBlockedReason)
	}
}

// onDeleteUser removes the user the detail view shows from Nimbus. The rules are checked
// first: where they refuse, the window says why instead of asking; otherwise it asks
// once, saying also which unsaved edits of the user go with them.
func (m *mainWindow) onDeleteUser() {
	d := m.selected
	if d == nil {
		return
	}
	if err := m.nimbus.Check(context.Background(), m.deletion(d)); err != nil {
		widgets.ShowInfo(m.win, "Cannot delete "+d.User.DisplayName, err.Error())
		return
	}
	name := d.User.DisplayName
	losses, err := m.nimbus.DeleteConsequences(context.Background(), d.User.ID)
	if err != nil {
		widgets.ShowError(m.win, fmt.Errorf("what deleting %s would end could not be read (%w); nothing was deleted", name, err))
		return
	}
	msg := fmt.Sprintf("Remove %s (%s) from Nimbus?\n\n"+
		"They lose access to the Nimbus portal and their Nimbus settings are removed.\n"+
		"Their account in the directory (Microsoft Entra ID) and their Microsoft Teams\n"+
		"membership are not touched.", name, d.User.UPN)
	if len(losses.Services) > 0 {
		msg += "\n\nThey leave the Skill-based services:\n• " + strings.Join(losses.Services, "\n• ")
	}
	if len(losses.Roles) > 0 {
		msg += "\n\nThey lose the roles:\n• " + strings.Join(losses.Roles, "\n• ")
	}
	pending := m.detail.HasPendingEdits()
	if pending {
		msg += "\n\nTheir unsaved changes in the detail view are discarded."
	}
	m.deleteAsked = msg
	m.confirm = widgets.NewRemoval(m.win, "Delete "+name+" from Nimbus", msg, "Delete from Nimbus", func(ok bool) {
		if ok {
			m.deleteUser(d, name)
		}
	})
	m.confirm.SetDismissText("Keep")
	m.confirm.Show()
}

// deletion is the change that removes the user d from Nimbus, on the view shown.
func (m *mainWindow) deletion(d *app.UserDetail) app.DeleteUser {
	return app.DeleteUser{Base: app.BasedOn(d.Version), User: d.User.ID}
}

// deleteUser removes the user shown through the delete rule, drops their unsaved edits
// (the admin was told) and reloads the list.
func (m *mainWindow) deleteUser(d *app.UserDetail, name string) {
	if _, err := m.nimbus.Do(context.Background(), m.deletion(d)); err != nil {
		widgets.ShowError(m.win, err)
		return
	}
	m.status.SetText(name + " was removed from Nimbus. The directory and Microsoft Teams were not changed.")
	if m.detail.UserID() == d.User.ID {
		m.detail.DiscardAll()
		m.detail.ShowUser("")
	}
	m.load("")
}
