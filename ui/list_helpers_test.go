package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/uitest"
)

// listCellAt is where, inside the table, a listed row's UPN cell is drawn; the row must
// be on screen.
func listCellAt(t *testing.T, m *mainWindow, row int) fyne.Position {
	t.Helper()
	name := m.index.Rows[m.table.hits[row]].UPN // unique, and pinned beside the name
	d := fyne.CurrentApp().Driver()
	var at *fyne.Position
	uitest.Walk(m.table, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || at != nil || len(c.Objects) != 2 {
			return
		}
		if l, ok := c.Objects[1].(*widget.Label); ok && l.Text == name && c.Visible() {
			p := d.AbsolutePositionForObject(c).Subtract(d.AbsolutePositionForObject(m.table)).Add(fyne.NewPos(5, 5))
			at = &p
		}
	})
	if at == nil {
		t.Fatalf("row %d (%s) is not drawn", row, name)
	}
	return *at
}

// listClick clicks a listed row with the mouse, holding the modifier keys given.
func listClick(t *testing.T, m *mainWindow, row int, mods fyne.KeyModifier) {
	t.Helper()
	listClickAt(m, listCellAt(t, m, row), mods)
}

// listClickAt clicks the list at a position inside it, holding the modifier keys given.
func listClickAt(m *mainWindow, pos fyne.Position, mods fyne.KeyModifier) {
	m.table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mods})
	m.table.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mods})
	m.table.Tapped(&fyne.PointEvent{Position: pos})
}

// listSelectedIDs are the O365 IDs of the selected users, in list order.
func listSelectedIDs(m *mainWindow) []string {
	out := []string{}
	for _, r := range m.table.selectedRows() {
		out = append(out, r.ID)
	}
	return out
}
