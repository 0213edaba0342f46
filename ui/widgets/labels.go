// Package widgets holds what the main window, the user detail view and the Configuration
// window share: the OU tree, the ordered list, the OU picker's choices, and the labels and
// enabling that make each screen show a rule's message the same way.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewProblem is a label for a rule's message, shown next to the control that caused it
// and hidden while there is none.
func NewProblem() *widget.Label {
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	l.Hide()
	return l
}

// ShowProblem shows err's message in a problem label, or clears and hides it when err is
// nil.
func ShowProblem(l *widget.Label, err error) {
	if err == nil {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(err.Error())
	l.Show()
}

// NewStatus is a screen's wrapping status line, where the outcome of each change shows.
func NewStatus() *widget.Label {
	return &widget.Label{Wrapping: fyne.TextWrapWord}
}

// ShowOutcome puts the outcome of a change in a status line: the rule's message when it
// was refused, else what was done.
func ShowOutcome(status *widget.Label, err error, done string) {
	if err != nil {
		status.Importance = widget.DangerImportance
		status.SetText(err.Error())
		return
	}
	status.Importance = widget.SuccessImportance
	status.SetText(done)
}

// Note is a wrapped, low-key explanation line.
func Note(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
}

// Heading is a bold section title that shortens with an ellipsis when space is short.
func Heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// EnableWhen enables w when on holds and disables it otherwise, so that a control offers
// only what may be done now.
func EnableWhen(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
