package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// orderedMarks are the lines above and below one row of an OrderedList, shown while a row
// is dragged to say where it would land, and that row's label, drawn bold while it is the
// one being dragged.
type orderedMarks struct {
	above, below *canvas.Rectangle
	label        *widget.Label
}

func newOrderedMarks(label *widget.Label) orderedMarks {
	line := func() *canvas.Rectangle {
		r := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		r.SetMinSize(fyne.NewSize(0, 3))
		r.Hide()
		return r
	}
	return orderedMarks{above: line(), below: line(), label: label}
}

// showLanding marks where the item at i would land after moving steps rows: a line above
// the row it would take the place of when moving up, below it when moving down. The
// dragged row's name turns bold. A locked list shows nothing.
func (l *OrderedList[T]) showLanding(i, steps int) {
	to := max(0, min(i+steps, len(l.items)-1))
	for j, m := range l.marks {
		setVisible(m.above, !l.locked && to < i && j == to)
		setVisible(m.below, !l.locked && to > i && j == to)
		if bold := !l.locked && j == i; m.label.TextStyle.Bold != bold {
			m.label.TextStyle.Bold = bold
			m.label.Refresh()
		}
	}
	l.box.Refresh()
}

// landing is the row a dragged item would land on now and whether that row's mark shows.
func (l *OrderedList[T]) landing() (row int, shown bool) {
	for j, m := range l.marks {
		if m.above.Visible() || m.below.Visible() {
			return j, true
		}
	}
	return -1, false
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on != o.Visible() {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}
