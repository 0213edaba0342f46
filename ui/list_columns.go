package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// columnChooser is the Columns dialog: a tick per column to show it, arrows to move it
// left or right. The name and the UPN are always shown first. Each change applies at once
// and is remembered.
type columnChooser struct {
	l      *listTools
	dlg    dialog.Dialog
	order  []userlist.Column // the optional columns, shown ones first in their order
	checks map[userlist.Column]*widget.Check
	rows   *fyne.Container
}

// openChooser opens the Columns dialog.
func (l *listTools) openChooser() {
	c := &columnChooser{l: l, checks: map[userlist.Column]*widget.Check{}, rows: container.NewVBox()}
	for _, col := range l.m.table.cols {
		if !slices.Contains(pinnedColumns, col) {
			c.order = append(c.order, col)
		}
	}
	for _, col := range userlist.AllColumns() {
		if !slices.Contains(pinnedColumns, col) && !slices.Contains(c.order, col) {
			c.order = append(c.order, col)
		}
	}
	shown := l.m.table.cols
	for _, col := range c.order {
		check := widget.NewCheck(col.Title(), nil)
		check.Checked = slices.Contains(shown, col)
		check.OnChanged = func(bool) { c.apply() }
		c.checks[col] = check
	}
	c.build()
	note := widget.NewLabel("Display Name and UPN are always shown first, so that people with the same name can be told apart.")
	note.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(note, nil, nil, nil, container.NewVScroll(c.rows))
	c.dlg = widgets.NewClosable(l.m.win, "Columns", "Close", content)
	c.dlg.SetOnClosed(func() { l.chooser = nil })
	c.dlg.Resize(fyne.NewSize(460, 640))
	l.chooser = c
	c.dlg.Show()
}

// build lays out one row per optional column, in their order.
func (c *columnChooser) build() {
	c.rows.RemoveAll()
	for i, col := range c.order {
		up := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { c.move(i, -1) }}
		down := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { c.move(i, 1) }}
		if i == 0 {
			up.Disable()
		}
		if i == len(c.order)-1 {
			down.Disable()
		}
		c.rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), c.checks[col]))
	}
	c.rows.Refresh()
}

// move moves the i-th column one place earlier (-1) or later (1) in the list.
func (c *columnChooser) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(c.order) {
		return
	}
	c.order[i], c.order[j] = c.order[j], c.order[i]
	c.build()
	c.apply()
}

// apply shows the ticked columns in the chosen order and remembers them.
func (c *columnChooser) apply() {
	cols := slices.Clone(pinnedColumns)
	for _, col := range c.order {
		if c.checks[col].Checked {
			cols = append(cols, col)
		}
	}
	c.l.showColumns(cols)
}

// showColumns shows these columns in the list and remembers them.
func (l *listTools) showColumns(cols []userlist.Column) {
	cols = withPinned(cols)
	l.m.table.setColumns(cols)
	l.prefs.setColumns(cols)
}

// showHeaderMenu offers, on a right-click on a header, to show or hide each column.
func (l *listTools) showHeaderMenu(at fyne.Position) {
	var items []*fyne.MenuItem
	for _, col := range userlist.AllColumns() {
		if slices.Contains(pinnedColumns, col) {
			continue
		}
		shown := slices.Contains(l.m.table.cols, col)
		item := fyne.NewMenuItem(col.Title(), func() {
			cols := slices.DeleteFunc(slices.Clone(l.m.table.cols), func(c userlist.Column) bool { return c == col })
			if !shown {
				cols = append(cols, col)
			}
			l.showColumns(cols)
		})
		item.Checked = shown
		items = append(items, item)
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Columns…", l.openChooser))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), l.m.win.Canvas(), at)
}
