package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// listHeader is a column header of the user list: its title, cut short with an ellipsis
// when the column is narrow, and the sort arrow. A click sorts by the column; a
// right-click offers the columns to show.
type listHeader struct {
	widget.BaseWidget
	title  *widget.Label
	arrow  *widget.Icon
	onTap  func()
	onMenu func(at fyne.Position)
}

func newListHeader() *listHeader {
	h := &listHeader{
		title: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		arrow: widget.NewIcon(nil),
	}
	h.ExtendBaseWidget(h)
	return h
}

// set shows a title and a sort arrow (nil for none), and what a click does.
func (h *listHeader) set(title string, arrow fyne.Resource, onTap func()) {
	if h.title.Text != title {
		h.title.SetText(title)
	}
	if h.arrow.Resource != arrow {
		h.arrow.SetResource(arrow)
	}
	if arrow == nil {
		h.arrow.Hide() // a narrow column keeps the arrow's room for its title
	} else {
		h.arrow.Show()
	}
	h.onTap = onTap
}

// CreateRenderer lays the title out with the arrow at its end.
func (h *listHeader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.arrow, h.title))
}

// Tapped sorts by the column.
func (h *listHeader) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// TappedSecondary offers the columns to show.
func (h *listHeader) TappedSecondary(e *fyne.PointEvent) {
	if h.onMenu != nil {
		h.onMenu(e.AbsolutePosition)
	}
}
