package ui

import (
	"image/color"
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
)

// stickyColumns is how many leading columns stay in place when the list scrolls sideways:
// the display name and the UPN, so that namesakes can always be told apart.
const stickyColumns = 2

// userTable is the virtualised user list. A header click sorts by that column (again:
// reverses it); dragging the gap between two headers resizes a column. A click selects a
// row and takes the keyboard focus; Shift+click selects a range, Ctrl+click (Cmd+click)
// adds or removes a row, Ctrl+A selects every row shown. Up and Down move the selected
// row, Enter opens it, Delete deletes the selection.
type userTable struct {
	widget.Table
	index *userlist.Index
	hits  []int
	cols  []userlist.Column // the columns shown, in order; the first stickyColumns never move
	width map[userlist.Column]float32

	selected  int             // the row the keyboard acts on, in hits; -1 for none
	anchor    int             // where a Shift+click range starts
	chosen    map[string]bool // O365 IDs of the selected users when more than one is selected
	clickMods fyne.KeyModifier
	resizing  bool // a column is being dragged wider or narrower (since the last click on a header gap)
	column    userlist.Column
	desc      bool

	onSort       func(userlist.Column, bool)
	onSelect     func(row *userlist.Row)
	onMulti      func(n int) // several users are selected
	onOpen       func()
	onDelete     func()
	onEscape     func()
	onWidth      func(userlist.Column, float32) // the admin resized a column
	onHeaderMenu func(at fyne.Position)         // a right-click on a header
	onShown      func()                         // the rows shown were replaced
	canvas       func() fyne.Canvas             // of the window the list is in
	shortcuts    func(fyne.Shortcut) bool       // the window's shortcuts, tried first
}

// newUserTable is the list with the default columns at their default widths.
func newUserTable() *userTable {
	t := &userTable{selected: -1, anchor: -1, width: maps.Clone(defaultColumnWidths)}
	t.Length = t.size
	t.CreateCell = newListCell
	t.UpdateCell = t.updateCell
	t.ShowHeaderRow = true
	t.StickyColumnCount = stickyColumns
	t.CreateHeader = func() fyne.CanvasObject { return newListHeader() }
	t.UpdateHeader = t.updateHeader
	t.OnSelected = t.onSelected
	t.ExtendBaseWidget(t)
	t.setColumns(defaultListColumns())
	return t
}

// setColumns shows these columns, in this order, each at its remembered width.
func (t *userTable) setColumns(cols []userlist.Column) {
	t.resizing = false // the headers change columns: their widths are not the admin's
	t.cols = cols
	for i, c := range cols {
		t.SetColumnWidth(i, t.width[c])
	}
	t.Refresh()
}

// show replaces the rows; the selection follows the selected users still listed.
func (t *userTable) show(ix *userlist.Index, hits []int) {
	var keep string
	if r := t.selectedRow(); r != nil {
		keep = r.ID
	}
	several := len(t.chosen) > 1
	t.index, t.hits, t.selected, t.anchor = ix, hits, -1, -1
	if several {
		still := map[string]bool{}
		for i, h := range hits {
			if id := ix.Rows[h].ID; t.chosen[id] {
				still[id] = true
				if id == keep || t.selected < 0 {
					t.selected = i
				}
			}
		}
		t.chosen = still
		if len(still) <= 1 {
			t.chosen = nil // one user left is shown in the details, none is no selection
		}
	} else if keep != "" {
		for i, h := range hits {
			if ix.Rows[h].ID == keep {
				t.selected = i
				break
			}
		}
	}
	t.anchor = t.selected
	t.Refresh()
	switch {
	case several:
		t.reportSelection()
	case t.selected < 0 && keep != "" && t.onSelect != nil:
		t.onSelect(nil)
	}
	if t.onShown != nil {
		t.onShown()
	}
}

func (t *userTable) size() (int, int) { return len(t.hits), len(t.cols) }

// selectedRow is the row the keyboard acts on, or nil.
func (t *userTable) selectedRow() *userlist.Row {
	if t.index == nil || t.selected < 0 || t.selected >= len(t.hits) {
		return nil
	}
	return &t.index.Rows[t.hits[t.selected]]
}

// listCell is a plain label over a row highlight, so that clicks reach the table.
func newListCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	return container.NewStack(bg, &widget.Label{Truncation: fyne.TextTruncateEllipsis})
}

func (t *userTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg, label := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	if t.index == nil || id.Row >= len(t.hits) || id.Col >= len(t.cols) {
		setLabel(label, "")
		return
	}
	r := &t.index.Rows[t.hits[id.Row]]
	want := color.Color(color.Transparent)
	if t.isChosen(id.Row, r) {
		want = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != want {
		bg.FillColor = want
		bg.Refresh()
	}
	setLabel(label, r.Cell(t.cols[id.Col]))
}

// isChosen reports whether a listed row is selected.
func (t *userTable) isChosen(row int, r *userlist.Row) bool {
	if len(t.chosen) > 1 {
		return t.chosen[r.ID]
	}
	return row == t.selected
}

// setLabel changes a label's text only when it differs: every refresh of a label measures
// its text again and draws it anew, and the table refreshes all its cells when one row's
// selection moves, so an unchanged cell must cost nothing.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func (t *userTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*listHeader)
	if id.Col < 0 || id.Col >= len(t.cols) {
		return
	}
	col := t.cols[id.Col]
	if w := h.Size().Width; t.resizing && w > 0 && w != t.width[col] {
		// While a column is dragged the table lays each header out at its column's width;
		// the table keeps the widths to itself and its header strip, not this widget, gets
		// the drag, so the width is read here.
		t.width[col] = w
		if t.onWidth != nil {
			t.onWidth(col, w)
		}
	}
	var icon fyne.Resource
	if col == t.column {
		icon = theme.MenuDropUpIcon()
		if t.desc {
			icon = theme.MenuDropDownIcon()
		}
	}
	h.set(col.Title(), icon, func() { t.sortBy(col) })
	h.onMenu = t.onHeaderMenu
}

// sortBy sorts by a column; the same column again reverses the order.
func (t *userTable) sortBy(col userlist.Column) {
	desc := col == t.column && !t.desc
	t.column, t.desc = col, desc
	if t.onSort != nil {
		t.onSort(col, desc)
	}
}

// MouseDown notes the modifier keys of a click, which Tapped does not carry, and whether
// it starts resizing a column (it is on the gap after a header).
func (t *userTable) MouseDown(e *desktop.MouseEvent) {
	t.clickMods = e.Modifier
	t.Table.MouseDown(e)
	t.resizing = t.Cursor() == desktop.HResizeCursor
}

// Tapped selects the row clicked and gives the list the keyboard focus, so that Delete,
// Enter and the arrow keys act on it next.
func (t *userTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	t.clickMods = 0
	if t.canvas != nil && t.canvas().Focused() != t {
		t.canvas().Focus(t) // the table's own focusing looks up the embedded table's canvas, which it cannot find
	}
}

func (t *userTable) onSelected(id widget.TableCellID) {
	t.Table.Unselect(id)
	mods := t.clickMods | currentKeyModifiers()
	switch {
	case mods&fyne.KeyModifierShift != 0:
		t.selectRange(id.Row, mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0)
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		t.toggleRow(id.Row)
	default:
		t.selectRow(id.Row)
	}
}

// currentKeyModifiers asks the desktop driver which modifier keys are held; drivers
// without a keyboard report none.
func currentKeyModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// selectRow selects one row of the list alone and reports its user.
func (t *userTable) selectRow(row int) {
	if row < 0 || row >= len(t.hits) {
		return
	}
	t.selected, t.anchor, t.chosen = row, row, nil
	t.Table.ScrollTo(widget.TableCellID{Row: row, Col: 0}) // which also redraws the visible cells, highlight included
	if t.onSelect != nil {
		t.onSelect(t.selectedRow())
	}
}
