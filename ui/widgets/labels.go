// Package widgets holds what the main window, the user detail view and the Configuration
// window share: the OU tree, the ordered list, the OU picker's choices, and the labels and
// enabling that make each screen show a rule's message the same way.
package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// ShowProblem shows err's message as a sentence in a problem label, or clears and hides it when err is
// nil: a problem disappears once its cause is fixed.
func ShowProblem(l *widget.Label, err error) {
	if err == nil {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(Sentence(err.Error()))
	l.Show()
}

// NewStatus is a screen's wrapping status line, where the outcome of each change shows.
func NewStatus() *widget.Label {
	return &widget.Label{Wrapping: fyne.TextWrapWord}
}

// NewReason is a wrapped line that says why something cannot be done, or what is left
// out ("Not shown: …"), in the normal text colour: an admin must read it at a glance in
// either theme, which the low-importance grey does not allow.
func NewReason(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, Importance: widget.MediumImportance}
}

// NewResult is a wrapped line where the result of an action shows, with ShowResult.
func NewResult() *widget.Label {
	return &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.MediumImportance}
}

// ShowResult puts the result of an action in a status or result line, as a sentence:
// the refusal or failure in the error colour, else what was done in the normal text
// colour (never the low-importance grey or the success green, both faint on a light
// background).
func ShowResult(l *widget.Label, err error, done string) {
	if err != nil {
		l.Importance = widget.DangerImportance
		l.SetText(Sentence(err.Error()))
		return
	}
	l.Importance = widget.MediumImportance
	l.SetText(Sentence(done))
}

// Note is a wrapped, low-key explanation line: smaller, in the normal text colour.
func Note(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
}

// Sentence makes a message read as a sentence on screen: a first word in lower case
// (Go's errors and the rules' messages begin so) gets its capital, and a full stop ends
// it. A first word that is a name, an address or a quotation is left as it is.
func Sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return msg
	}
	first := msg
	if i := strings.IndexAny(msg, " ;:,"); i >= 0 {
		first = msg[:i]
	}
	if strings.IndexFunc(first, func(r rune) bool { return !unicode.IsLower(r) && r != '-' && r != '\'' }) < 0 {
		r, size := utf8.DecodeRuneInString(msg)
		msg = string(unicode.ToUpper(r)) + msg[size:]
	}
	if !strings.ContainsRune(".!?…", []rune(msg)[len([]rune(msg))-1]) {
		msg += "."
	}
	return msg
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

// Failed says in the admin's words that something could not be read or done: what
// failed, as a sentence, the cause in brackets (the system's own words, for support),
// then what to do next as a sentence of its own.
func Failed(what string, err error, next string) string {
	msg := strings.TrimSuffix(Sentence(what), ".")
	if err != nil {
		msg += " (" + strings.TrimRight(err.Error(), ". ") + ")"
	}
	return msg + ". " + Sentence(next)
}
