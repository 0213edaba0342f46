package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/uitest"
)

// The Columns dialog adds and removes columns and orders them; a new window shows the
// same columns in the same order.
func TestColumnChooserAddsOrdersAndRemembersColumns(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.list.openChooser()
	c := m.list.chooser
	if c == nil {
		t.Fatal("Columns… opens no dialog")
	}
	c.checks[userlist.ColumnMail].SetChecked(true)
	c.checks[userlist.ColumnContactCenter].SetChecked(true)
	c.checks[userlist.ColumnO365ID].SetChecked(false)
	c.move(slices.Index(c.order, userlist.ColumnMail), -1) // before Number of routing services
	want := []userlist.Column{userlist.ColumnDisplayName, userlist.ColumnUPN, userlist.ColumnOrganizationUnit,
		userlist.ColumnDepartment, userlist.ColumnAttendantConsole, userlist.ColumnActiveProfile,
		userlist.ColumnMail, userlist.ColumnRoutingServices, userlist.ColumnContactCenter}
	if !slices.Equal(m.table.cols, want) {
		t.Fatalf("the list shows %v, want %v", m.table.cols, want)
	}
	if _, cols := m.table.size(); cols != len(want) {
		t.Fatalf("the table has %d columns, want %d", cols, len(want))
	}
	wide := a.NewWindow("list")
	wide.SetContent(m.table)
	wide.Resize(fyne.NewSize(1800, 600))
	reversed := slices.Clone(want)
	slices.Reverse(reversed)
	m.list.showColumns(reversed[:5])
	m.list.showColumns(reversed)
	m.list.showColumns(want)
	for c, w := range defaultColumnWidths {
		if m.table.width[c] != w {
			t.Errorf("after columns were hidden and shown, %q is %v wide, want its %v: only the admin resizes a column", c.Title(), m.table.width[c], w)
		}
	}
	row := &m.index.Rows[m.table.hits[0]]
	cell := listCellText(m, 0, slices.Index(want, userlist.ColumnMail))
	if cell != row.Mail {
		t.Errorf("the Mail column shows %q for %s, want %q", cell, row.UPN, row.Mail)
	}
	if uitest.Check(c.rows, "Display Name") != nil || uitest.Check(c.rows, "UPN") != nil {
		t.Error("the Display Name or UPN column can be unticked; they are always shown")
	}
	c.dlg.Hide()

	m2 := windowOpen(t, a, m.nimbus, nil)
	if !slices.Equal(m2.table.cols, want) {
		t.Fatalf("a new window shows %v, want the columns chosen before: %v", m2.table.cols, want)
	}
}

// listCellText is the text the table puts in a cell.
func listCellText(m *mainWindow, row, col int) string {
	c := m.table.CreateCell()
	m.table.updateCell(widget.TableCellID{Row: row, Col: col}, c)
	return c.(*fyne.Container).Objects[1].(*widget.Label).Text
}

// A column is resized by dragging the gap after its header; the width is remembered.
func TestDraggingAHeaderGapResizesAndTheWidthIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	var gap *fyne.Position
	for x := float32(1); x < m.table.Size().Width && gap == nil; x++ {
		at := fyne.NewPos(x, 5)
		m.table.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
		if m.table.Cursor() == desktop.HResizeCursor {
			gap = &at
		}
	}
	if gap == nil {
		t.Fatal("no gap between two headers offers to resize a column")
	}
	before := m.table.width[userlist.ColumnDisplayName]
	m.table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: *gap}, Button: desktop.MouseButtonPrimary})
	// The window sends the drag to the draggable part of the table under the pointer (its
	// header strip), with the position inside that part, as the desktop driver does.
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject(m.table).Add(*gap)
	var strip fyne.Draggable
	var origin fyne.Position
	uitest.Walk(m.table, func(o fyne.CanvasObject) {
		dr, ok := o.(fyne.Draggable)
		p := d.AbsolutePositionForObject(o)
		if ok && o != fyne.CanvasObject(m.table) && o.Visible() && abs.X >= p.X && abs.Y >= p.Y &&
			abs.X < p.X+o.Size().Width && abs.Y < p.Y+o.Size().Height {
			strip, origin = dr, p
		}
	})
	if strip == nil {
		t.Fatal("nothing in the table takes a drag at the gap")
	}
	for _, dx := range []float32{20, 40, 60} {
		strip.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: abs.Subtract(origin).AddXY(dx, 0)}, Dragged: fyne.NewDelta(20, 0)})
	}
	strip.DragEnd()
	if got := m.table.width[userlist.ColumnDisplayName]; got != before+60 {
		t.Fatalf("after dragging the first gap 60 px the name column is %v wide, was %v", got, before)
	}
	m2 := windowOpen(t, a, m.nimbus, nil)
	if got := m2.table.width[userlist.ColumnDisplayName]; got != before+60 {
		t.Fatalf("a new window has the name column %v wide, want the %v it was left at", got, before+60)
	}
}

// Any column sorts the list, an added one too, and a new window keeps that order.
func TestSortingByAnAddedColumnIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.list.showColumns(append(defaultListColumns(), userlist.ColumnJobTitle))
	m.table.sortBy(userlist.ColumnJobTitle)
	for i := 1; i < len(m.table.hits); i++ {
		prev, next := m.index.Rows[m.table.hits[i-1]].JobTitle, m.index.Rows[m.table.hits[i]].JobTitle
		if strings.ToLower(prev) > strings.ToLower(next) {
			t.Fatalf("not sorted by job title at row %d: %q before %q", i, prev, next)
		}
	}
	m2 := windowOpen(t, a, m.nimbus, nil)
	if m2.table.column != userlist.ColumnJobTitle || m2.table.desc {
		t.Fatalf("a new window sorts by %q (descending %v), want Job Title as left", m2.table.column.Title(), m2.table.desc)
	}
}
