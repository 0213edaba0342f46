package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// newCacheLine is the header line that says what the admin must know about the cache
// file itself: that it is read-only (changes and sync are off, the window is for review),
// and what to fix about its permissions. It is hidden when there is nothing to say.
func newCacheLine(nimbus *app.App) *widget.Label {
	var lines []string
	if err := nimbus.CanChange(); err != nil {
		lines = append(lines, widgets.Sentence(err.Error()))
	}
	for _, n := range nimbus.CacheNotes() {
		lines = append(lines, widgets.Sentence(n))
	}
	l := &widget.Label{Text: strings.Join(lines, " "), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	if len(lines) == 0 {
		l.Hide()
	}
	return l
}
