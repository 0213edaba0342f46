package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
)

// listColumnWidths are the starting widths of the user list's eight columns, in the
// order userlist.ColumnTitles names them.
var listColumnWidths = [userlist.ColumnCount]float32{190, 180, 250, 290, 120, 190, 120, 200}

// userTable is the virtualised user list. A header click sorts by that column (again:
// reverses it). Up and Down move the selected row, Enter opens it, Delete deletes it.
type userTable struct {
	widget.Table
	index    *userlist.Index
	hits     []int
	selected int // row in hits, -1 for none
	column   userlist.Column
	desc     bool

	onSort   func(userlist.Column, bool)
	onSelect func(row *userlist.Row)
	onOpen   func()
	onDelete func()
	onEscape func()
}

func newUserTable() *userTable {
	t := &userTable{selected: -1}
	t.Length = t.size
	t.CreateCell = newListCell
	t.UpdateCell = t.updateCell
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Button{Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance}
	}
	t.UpdateHeader = t.updateHeader
	t.OnSelected = t.onSelected
	t.ExtendBaseWidget(t)
	for i, w := range listColumnWidths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// show replaces the rows; the selection follows the selected user when still listed.
func (t *userTable) show(ix *userlist.Index, hits []int) {
	var keep string
	if r := t.selectedRow(); r != nil {
		keep = r.ID
	}
	t.index, t.hits, t.selected = ix, hits, -1
	if keep != "" {
		for i, h := range hits {
			if ix.Rows[h].ID == keep {
				t.selected = i
				break
			}
		}
	}
	t.Refresh()
	if t.selected < 0 && keep != "" && t.onSelect != nil {
		t.onSelect(nil)
	}
}

func (t *userTable) size() (int, int) { return len(t.hits), userlist.ColumnCount }

// selectedRow is the selected user's row, or nil.
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
	if t.index == nil || id.Row >= len(t.hits) {
		setLabel(label, "")
		return
	}
	want := color.Color(color.Transparent)
	if id.Row == t.selected {
		want = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != want {
		bg.FillColor = want
		bg.Refresh()
	}
	setLabel(label, t.index.Rows[t.hits[id.Row]].Cell(userlist.Column(id.Col)))
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
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	col := userlist.Column(id.Col)
	var icon fyne.Resource
	if col == t.column {
		icon = theme.MenuDropUpIcon()
		if t.desc {
			icon = theme.MenuDropDownIcon()
		}
	}
	b.OnTapped = func() { t.sortBy(col) }
	// The table updates every header whenever a cell changes: refresh a header only when
	// its title or sort arrow does.
	if b.Text == col.Title() && b.Icon == icon && b.IconPlacement == widget.ButtonIconTrailingText {
		return
	}
	b.Text, b.Icon, b.IconPlacement = col.Title(), icon, widget.ButtonIconTrailingText
	b.Refresh()
}

// sortBy sorts by a column; the same column again reverses the order.
func (t *userTable) sortBy(col userlist.Column) {
	desc := col == t.column && !t.desc
	t.column, t.desc = col, desc
	if t.onSort != nil {
		t.onSort(col, desc)
	}
}

func (t *userTable) onSelected(id widget.TableCellID) {
	t.Table.Unselect(id)
	t.selectRow(id.Row)
}

// selectRow selects a row of the list and reports its user.
func (t *userTable) selectRow(row int) {
	if row < 0 || row >= len(t.hits) {
		return
	}
	t.selected = row
	t.Table.ScrollTo(widget.TableCellID{Row: row, Col: 0}) // which also redraws the visible cells, highlight included
	if t.onSelect != nil {
		t.onSelect(t.selectedRow())
	}
}

// TypedKey moves the selection with the arrow keys, opens it with Enter and deletes it
// with Delete; Esc goes back to the search field. Other keys behave as in any table.
func (t *userTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDown:
		t.selectRow(min(t.selected+1, len(t.hits)-1))
	case fyne.KeyUp:
		t.selectRow(max(t.selected-1, 0))
	case fyne.KeyPageDown:
		t.selectRow(min(t.selected+20, len(t.hits)-1))
	case fyne.KeyPageUp:
		t.selectRow(max(t.selected-20, 0))
	case fyne.KeyHome:
		t.selectRow(0)
	case fyne.KeyEnd:
		t.selectRow(len(t.hits) - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.onOpen != nil && t.selectedRow() != nil {
			t.onOpen()
		}
	case fyne.KeyDelete:
		if t.onDelete != nil && t.selectedRow() != nil {
			t.onDelete()
		}
	case fyne.KeyEscape:
		if t.onEscape != nil {
			t.onEscape()
		}
	default:
		t.Table.TypedKey(e)
	}
}
