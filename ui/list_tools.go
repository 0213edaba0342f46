package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// listTools is the bar above the user list: how many users are selected, the changes
// for all of them at once, the columns to show and the export of what is shown.
type listTools struct {
	m          *mainWindow
	prefs      listSettings
	selection  *widget.Label
	bulk       *widget.Button
	more       *widget.Button // Columns… and Export…, in a menu so that the bar fits beside the details
	bar        fyne.CanvasObject
	chooser    *columnChooser // while the Columns dialog is open
	running    *bulkRun       // while a change to several users runs
	bulkForm   *bulkForm      // while the Change… dialog is open
	lastReport string         // what the last change to several users did, as shown
}

// newListTools builds the bar and sets the list up as remembered: its columns, their
// order and widths, multi-selection and Delete for several users.
func (m *mainWindow) newListTools() *listTools {
	l := &listTools{m: m, prefs: listSettings{m.settings.p}}
	l.selection = widget.NewLabel("")
	l.bulk = &widget.Button{Text: "Change…", Icon: theme.DocumentCreateIcon(), OnTapped: func() { l.openBulk(bulkGrant) }}
	l.more = &widget.Button{Text: "List", Icon: theme.MoreHorizontalIcon(), OnTapped: l.showMore}
	l.bar = container.NewHBox(l.selection, l.bulk, l.more)

	t := m.table
	t.width = l.prefs.widths()
	t.setColumns(l.prefs.columns())
	t.onWidth = l.prefs.setWidth
	t.onHeaderMenu = l.showHeaderMenu
	t.shortcuts = m.runShortcut
	t.canvas = m.win.Canvas
	t.onSelect = func(r *userlist.Row) {
		m.onUserSelected(r)
		l.showSelection()
	}
	t.onMulti = func(n int) {
		m.onSeveralSelected(n)
		l.showSelection()
		m.showDetailArea()
	}
	t.onDelete = l.deleteSelection
	t.onShown = l.showSelection
	m.deleteButton.OnTapped = l.deleteSelection
	l.showSelection()
	return l
}

// showMore opens the list's menu under its button: the columns to show, the export.
func (l *listTools) showMore() {
	menu := fyne.NewMenu("", l.moreItems()...)
	c := l.m.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.more).AddXY(0, l.more.Size().Height)
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

// moreItems are the entries of the list's menu.
func (l *listTools) moreItems() []*fyne.MenuItem {
	columns := fyne.NewMenuItem("Columns…", l.openChooser)
	columns.Icon = theme.ListIcon()
	export := fyne.NewMenuItem("Export what is shown…", l.openExport)
	export.Icon = theme.DocumentSaveIcon()
	return []*fyne.MenuItem{columns, export}
}

// object is the list with its bar above it.
func (l *listTools) object() fyne.CanvasObject {
	return container.NewBorder(l.bar, nil, nil, nil, l.m.table)
}

// showSelection counts the selected users and, when several are, says beside the details
// what can be done with them.
func (l *listTools) showSelection() {
	n := l.m.table.selectionCount()
	if n == 0 {
		l.selection.SetText("No user selected")
	} else {
		l.selection.SetText(usersText(n) + " selected")
	}
	widgets.EnableWhen(l.bulk, n > 0 && l.m.rights.Level != app.ReadOnly)
	if n > 1 {
		l.m.deleteReason.SetText(fmt.Sprintf("%s selected. %s", usersText(n), severalSay))
		widgets.EnableWhen(l.m.deleteButton, l.m.rights.Level != app.ReadOnly)
	}
}

// severalSay is what the window offers for several selected users.
const severalSay = "Delete from Nimbus… removes those the rules allow and lists the others with the reason; " +
	"Change… grants or revokes a licence, moves them to an OU or adds a role."

// usersText counts users in words: "1 user", "1,234 users".
func usersText(n int) string {
	if n == 1 {
		return "1 user"
	}
	return thousands(n) + " users"
}

// deleteSelection deletes the selected user, or offers to delete the selected users.
func (l *listTools) deleteSelection() {
	if l.m.table.selectionCount() > 1 {
		l.deleteSeveral(l.m.table.selectedRows())
		return
	}
	l.m.onDeleteUser()
}
