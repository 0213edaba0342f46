package detail

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/widgets"
)

// detailSaveBar is the Save and Revert buttons of a draft tab with the line beside them
// where a refused change shows the rule's message.
type detailSaveBar struct {
	save, revert *widget.Button
	problem      *widget.Label
}

func newDetailSaveBar(onSave, onRevert func()) *detailSaveBar {
	b := &detailSaveBar{
		save:    &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: onSave},
		revert:  &widget.Button{Text: "Revert", OnTapped: onRevert},
		problem: widgets.NewProblem(),
	}
	b.setDirty(false)
	return b
}

// around puts a tab's content in a scroll with the bar fixed below it, so that Save is
// always in sight however long the tab is.
func (b *detailSaveBar) around(content fyne.CanvasObject) fyne.CanvasObject {
	bar := container.NewVBox(widget.NewSeparator(), b.problem, container.NewHBox(b.save, b.revert))
	return container.NewBorder(nil, bar, nil, nil, container.NewVScroll(content))
}

// setDirty enables Save and Revert only while there is something to save.
func (b *detailSaveBar) setDirty(dirty bool) {
	widgets.EnableWhen(b.save, dirty)
	widgets.EnableWhen(b.revert, dirty)
}

// detailCell is a list cell whose text shortens with an ellipsis when the pane is narrow,
// so that a long OU path never forces the detail view wider than the window allows.
func detailCell(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// detailListRow lays out one row of a tab's list: equal columns of cells, and the row's
// buttons at the right edge.
func detailListRow(buttons fyne.CanvasObject, cells ...fyne.CanvasObject) *fyne.Container {
	return container.NewBorder(nil, nil, nil, buttons, container.NewGridWithColumns(len(cells), cells...))
}

// detailListHeader lays out a list's headings over rows whose buttons look like sample,
// leaving a space as wide as them so that the columns line up.
func detailListHeader(sample fyne.CanvasObject, headings ...string) *fyne.Container {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(sample.MinSize())
	cells := make([]fyne.CanvasObject, len(headings))
	for i, h := range headings {
		cells[i] = widgets.Heading(h)
	}
	return detailListRow(space, cells...)
}

// detailFormDialog is a small dialog whose button saves through a rule: a refusal keeps
// it open with the rule's message under the form, success closes it.
type detailFormDialog struct {
	dlg     *widgets.Custom
	save    *widget.Button
	problem *widget.Label
}

func detailOpenForm(win fyne.Window, title, verb string, form fyne.CanvasObject, onSave func() error) *detailFormDialog {
	f := &detailFormDialog{problem: widgets.NewProblem()}
	f.save = &widget.Button{Text: verb, Importance: widget.HighImportance, OnTapped: func() {
		if err := onSave(); err != nil {
			widgets.ShowProblem(f.problem, err)
			return
		}
		f.dlg.Hide()
	}}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { f.dlg.Hide() }}
	// Esc cancels; Enter does what the highlighted button says, once it is enabled.
	f.dlg = widgets.NewCustom(win, title, container.NewVBox(form, f.problem), cancel.OnTapped, func() { widgets.Press(f.save) })
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dlg.Resize(fyne.NewSize(520, 280))
	f.dlg.Show()
	return f
}
