package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
)

// selectionCount is how many users are selected.
func (t *userTable) selectionCount() int {
	if len(t.chosen) > 1 {
		return len(t.chosen)
	}
	if t.selectedRow() != nil {
		return 1
	}
	return 0
}

// selectedRows are the selected users' rows, in the order the list shows them.
func (t *userTable) selectedRows() []*userlist.Row {
	if len(t.chosen) <= 1 {
		if r := t.selectedRow(); r != nil {
			return []*userlist.Row{r}
		}
		return nil
	}
	out := make([]*userlist.Row, 0, len(t.chosen))
	for _, h := range t.hits {
		if r := &t.index.Rows[h]; t.chosen[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// toggleRow adds a row to the selection or takes it out (Ctrl+click).
func (t *userTable) toggleRow(row int) {
	if row < 0 || row >= len(t.hits) {
		return
	}
	chosen := t.chosen
	if len(chosen) <= 1 {
		chosen = map[string]bool{}
		if r := t.selectedRow(); r != nil {
			chosen[r.ID] = true
		}
	}
	id := t.index.Rows[t.hits[row]].ID
	if chosen[id] {
		delete(chosen, id)
	} else {
		chosen[id] = true
	}
	t.setChosen(chosen, row)
	t.anchor = row
}

// selectRange selects the rows from the anchor (the last row clicked) to row (Shift+click);
// with add (Ctrl+Shift+click) the range joins the rows already selected.
func (t *userTable) selectRange(row int, add bool) {
	if row < 0 || row >= len(t.hits) {
		return
	}
	if t.anchor < 0 || t.anchor >= len(t.hits) {
		t.selectRow(row)
		return
	}
	chosen := map[string]bool{}
	if add {
		for _, r := range t.selectedRows() {
			chosen[r.ID] = true
		}
	}
	from, to := min(t.anchor, row), max(t.anchor, row)
	for i := from; i <= to; i++ {
		chosen[t.index.Rows[t.hits[i]].ID] = true
	}
	anchor := t.anchor
	t.setChosen(chosen, row)
	t.anchor = anchor
}

// selectAll selects every row shown (Ctrl+A).
func (t *userTable) selectAll() {
	if len(t.hits) == 0 {
		return
	}
	chosen := make(map[string]bool, len(t.hits))
	for _, h := range t.hits {
		chosen[t.index.Rows[h].ID] = true
	}
	lead := max(t.selected, 0)
	t.setChosen(chosen, lead)
	t.anchor = lead
}

// setChosen makes the selection these users, with lead the row the keyboard acts on, and
// reports it: one user is shown in the details, several are counted.
func (t *userTable) setChosen(chosen map[string]bool, lead int) {
	switch len(chosen) {
	case 0:
		t.selected, t.chosen = -1, nil
	case 1:
		t.chosen = nil
		for i, h := range t.hits {
			if chosen[t.index.Rows[h].ID] {
				t.selected = i
			}
		}
	default:
		t.selected, t.chosen = lead, chosen
	}
	t.Refresh()
	t.reportSelection()
}

// reportSelection tells the window what is selected now.
func (t *userTable) reportSelection() {
	switch n := t.selectionCount(); {
	case n > 1 && t.onMulti != nil:
		t.onMulti(n)
	case n <= 1 && t.onSelect != nil:
		t.onSelect(t.selectedRow())
	}
}

// TypedKey moves the selection with the arrow keys (with Shift: extends it), opens it
// with Enter and deletes it with Delete; Esc goes back to the search field. Other keys
// behave as in any table.
func (t *userTable) TypedKey(e *fyne.KeyEvent) {
	move := func(to int) {
		to = max(min(to, len(t.hits)-1), 0)
		if currentKeyModifiers()&fyne.KeyModifierShift != 0 && t.anchor >= 0 {
			t.selectRange(to, false)
			t.Table.ScrollTo(widget.TableCellID{Row: to, Col: 0})
			return
		}
		t.selectRow(to)
	}
	switch e.Name {
	case fyne.KeyDown:
		move(t.selected + 1)
	case fyne.KeyUp:
		move(t.selected - 1)
	case fyne.KeyPageDown:
		move(t.selected + 20)
	case fyne.KeyPageUp:
		move(t.selected - 20)
	case fyne.KeyHome:
		move(0)
	case fyne.KeyEnd:
		move(len(t.hits) - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.onOpen != nil && t.selectionCount() == 1 {
			t.onOpen()
		}
	case fyne.KeyDelete:
		if t.onDelete != nil && t.selectionCount() > 0 {
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

// TypedShortcut selects every row shown on Ctrl+A (Cmd+A); the window's shortcuts work
// while the list has the focus.
func (t *userTable) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutSelectAll:
		t.selectAll()
		return
	case *desktop.CustomShortcut:
		if s.KeyName == fyne.KeyA && s.Modifier == fyne.KeyModifierShortcutDefault {
			t.selectAll()
			return
		}
	}
	if t.shortcuts != nil {
		t.shortcuts(s)
	}
}
