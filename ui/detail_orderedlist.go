package ui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
)

// detailOrderedList is an ordered list of catalogue items that the admin reorders with
// Up and Down buttons or by dragging a row's handle, and shortens with Remove. It only
// edits the draft it holds; its tab saves.
type detailOrderedList struct {
	items     []data.AssignableItem
	box       *fyne.Container
	handles   []*detailDragHandle
	ups       []*widget.Button
	downs     []*widget.Button
	onChanged func()
	locked    bool // read-only: nothing moves, nothing is removed
}

func newDetailOrderedList(onChanged func()) *detailOrderedList {
	return &detailOrderedList{box: container.NewVBox(), onChanged: onChanged}
}

func (l *detailOrderedList) object() fyne.CanvasObject { return l.box }

// set replaces the list (a copy is kept) without calling onChanged.
func (l *detailOrderedList) set(items []data.AssignableItem) {
	l.items = append([]data.AssignableItem(nil), items...)
	l.rebuild()
}

// ids lists the item ids in their order.
func (l *detailOrderedList) ids() []int64 {
	out := make([]int64, len(l.items))
	for i, it := range l.items {
		out[i] = it.ID
	}
	return out
}

func (l *detailOrderedList) add(it data.AssignableItem) {
	l.items = append(l.items, it)
	l.changed()
}

func (l *detailOrderedList) remove(i int) {
	l.items = append(l.items[:i:i], l.items[i+1:]...)
	l.changed()
}

// move puts the item at from at position to (clamped to the list).
func (l *detailOrderedList) move(from, to int) {
	to = max(0, min(to, len(l.items)-1))
	if from == to || from < 0 || from >= len(l.items) {
		return
	}
	it := l.items[from]
	rest := append(l.items[:from:from], l.items[from+1:]...)
	l.items = append(rest[:to:to], append([]data.AssignableItem{it}, rest[to:]...)...)
	l.changed()
}

func (l *detailOrderedList) changed() {
	l.rebuild()
	if l.onChanged != nil {
		l.onChanged()
	}
}

func (l *detailOrderedList) rebuild() {
	l.box.RemoveAll()
	l.handles, l.ups, l.downs = l.handles[:0], l.ups[:0], l.downs[:0]
	for i, it := range l.items {
		i := i
		up := &widget.Button{Icon: theme.MoveUpIcon(), OnTapped: func() { l.move(i, i-1) }}
		down := &widget.Button{Icon: theme.MoveDownIcon(), OnTapped: func() { l.move(i, i+1) }}
		if i == 0 || l.locked {
			up.Disable()
		}
		if i == len(l.items)-1 || l.locked {
			down.Disable()
		}
		remove := &widget.Button{Icon: theme.DeleteIcon(), OnTapped: func() { l.remove(i) }}
		if l.locked {
			remove.Disable()
		}
		h := newDetailDragHandle(l, i)
		l.handles, l.ups, l.downs = append(l.handles, h), append(l.ups, up), append(l.downs, down)
		label := &widget.Label{Text: detailItemPosition(i) + it.Name, Truncation: fyne.TextTruncateEllipsis}
		l.box.Add(container.NewBorder(nil, nil, h, container.NewHBox(up, down, remove), label))
	}
	if len(l.items) == 0 {
		l.box.Add(detailNote("The list is empty."))
	}
}

// setLocked makes the list read-only (or editable again) and redraws it.
func (l *detailOrderedList) setLocked(on bool) {
	if l.locked != on {
		l.locked = on
		l.rebuild()
	}
}

func detailItemPosition(i int) string { return strconv.Itoa(i+1) + ". " }

// detailDragHandle is the grip at the start of a row: dragging it up or down by whole
// rows moves the item.
type detailDragHandle struct {
	widget.Icon
	list  *detailOrderedList
	index int
	dy    float32
}

func newDetailDragHandle(l *detailOrderedList, i int) *detailDragHandle {
	h := &detailDragHandle{list: l, index: i}
	h.Resource = theme.MenuIcon()
	h.ExtendBaseWidget(h)
	return h
}

// Dragged adds up how far the row was dragged.
func (h *detailDragHandle) Dragged(ev *fyne.DragEvent) { h.dy += ev.Dragged.DY }

// DragEnd moves the item by the number of rows it was dragged over.
func (h *detailDragHandle) DragEnd() {
	rows := h.list.box.Objects
	rowHeight := float32(1)
	if len(rows) > 0 {
		rowHeight = rows[0].Size().Height + theme.Padding()
	}
	steps := int(math.Round(float64(h.dy / rowHeight)))
	h.dy = 0
	if !h.list.locked {
		h.list.move(h.index, h.index+steps)
	}
}

// Cursor shows that the handle moves the row up or down.
func (h *detailDragHandle) Cursor() desktop.Cursor { return desktop.VResizeCursor }
