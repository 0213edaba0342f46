package widgets

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// OrderedList is a list whose order means something (the reasons a user picks from, the
// levels of a skill category): the admin reorders it with Up and Down buttons or by
// dragging a row's handle, and shortens it with Remove. It only edits the draft it holds;
// the screen that shows it saves.
type OrderedList[T any] struct {
	items     []T
	name      func(T) string
	box       *fyne.Container
	rows      []OrderedRow
	marks     []orderedMarks // per row: the lines that show where a dragged item would land
	onChanged func()
	locked    bool // read-only: nothing moves, nothing is removed
}

// OrderedRow is the controls of one row, for a screen that focuses them and for tests
// that press them.
type OrderedRow struct {
	Grip             fyne.CanvasObject // drag it up or down by whole rows to move the item
	Up, Down, Remove *widget.Button
}

// NewOrderedList makes an empty list that shows each item by its name; onChanged (may be
// nil) hears of every move, addition and removal the admin makes.
func NewOrderedList[T any](name func(T) string, onChanged func()) *OrderedList[T] {
	return &OrderedList[T]{name: name, box: container.NewVBox(), onChanged: onChanged}
}

// Object is the list, for the screen to place.
func (l *OrderedList[T]) Object() fyne.CanvasObject { return l.box }

// Set replaces the list (a copy is kept) without calling onChanged.
func (l *OrderedList[T]) Set(items []T) {
	l.items = append([]T(nil), items...)
	l.rebuild()
}

// Items is the list in its order; the caller must not change it.
func (l *OrderedList[T]) Items() []T { return l.items }

// Row is the controls of row i.
func (l *OrderedList[T]) Row(i int) OrderedRow { return l.rows[i] }

// Add puts an item at the end.
func (l *OrderedList[T]) Add(it T) {
	l.items = append(l.items, it)
	l.changed()
}

// Remove takes out the item at i.
func (l *OrderedList[T]) Remove(i int) {
	l.items = append(l.items[:i:i], l.items[i+1:]...)
	l.changed()
}

// Move puts the item at from at position to (clamped to the list).
func (l *OrderedList[T]) Move(from, to int) {
	to = max(0, min(to, len(l.items)-1))
	if from == to || from < 0 || from >= len(l.items) {
		return
	}
	it := l.items[from]
	rest := append(l.items[:from:from], l.items[from+1:]...)
	l.items = append(rest[:to:to], append([]T{it}, rest[to:]...)...)
	l.changed()
}

func (l *OrderedList[T]) changed() {
	l.rebuild()
	if l.onChanged != nil {
		l.onChanged()
	}
}

func (l *OrderedList[T]) rebuild() {
	l.box.RemoveAll()
	l.rows, l.marks = l.rows[:0], l.marks[:0]
	for i, it := range l.items {
		grip := newDragHandle(l.box, func(steps int) { l.dragged(i, steps) })
		grip.moving = func(steps int) { l.showLanding(i, steps) }
		row := OrderedRow{
			Grip:   grip,
			Up:     &widget.Button{Icon: theme.MoveUpIcon(), OnTapped: func() { l.Move(i, i-1) }},
			Down:   &widget.Button{Icon: theme.MoveDownIcon(), OnTapped: func() { l.Move(i, i+1) }},
			Remove: &widget.Button{Icon: theme.DeleteIcon(), OnTapped: func() { l.Remove(i) }},
		}
		EnableWhen(row.Up, i > 0 && !l.locked)
		EnableWhen(row.Down, i < len(l.items)-1 && !l.locked)
		EnableWhen(row.Remove, !l.locked)
		l.rows = append(l.rows, row)
		label := &widget.Label{Text: strconv.Itoa(i+1) + ". " + l.name(it), Truncation: fyne.TextTruncateEllipsis}
		m := newOrderedMarks(label)
		l.marks = append(l.marks, m)
		l.box.Add(container.NewBorder(m.above, m.below, row.Grip, container.NewHBox(row.Up, row.Down, row.Remove), label))
	}
	if len(l.items) == 0 {
		l.box.Add(Note("The list is empty."))
	}
}

// dragged moves the item at i by the rows its handle was dragged over, unless locked.
func (l *OrderedList[T]) dragged(i, steps int) {
	if !l.locked {
		l.Move(i, i+steps)
	}
}

// SetLocked makes the list read-only (or editable again) and redraws it.
func (l *OrderedList[T]) SetLocked(on bool) {
	if l.locked != on {
		l.locked = on
		l.rebuild()
	}
}

// dragHandle is the grip at the start of a row: dragging it up or down by whole rows
// moves the item.
type dragHandle struct {
	widget.Icon
	rows   *fyne.Container // the list's rows, whose height makes one step
	moved  func(steps int)
	moving func(steps int) // during the drag: where the item would land now
	dy     float32
}

func newDragHandle(rows *fyne.Container, moved func(steps int)) *dragHandle {
	h := &dragHandle{rows: rows, moved: moved}
	h.Resource = theme.MenuIcon()
	h.ExtendBaseWidget(h)
	return h
}

// Dragged adds up how far the row was dragged and shows where it would land.
func (h *dragHandle) Dragged(ev *fyne.DragEvent) {
	h.dy += ev.Dragged.DY
	if h.moving != nil {
		h.moving(h.steps())
	}
}

// DragEnd moves the item by the number of rows it was dragged over.
func (h *dragHandle) DragEnd() {
	steps := h.steps()
	h.dy = 0
	h.moved(steps)
}

// steps is the number of whole rows the handle has been dragged over so far.
func (h *dragHandle) steps() int {
	rowHeight := float32(1)
	if len(h.rows.Objects) > 0 {
		rowHeight = h.rows.Objects[0].Size().Height + theme.Padding()
	}
	return int(math.Round(float64(h.dy / rowHeight)))
}

// Cursor shows that the handle moves the row up or down.
func (h *dragHandle) Cursor() desktop.Cursor { return desktop.VResizeCursor }
