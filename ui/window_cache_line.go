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
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	showCacheLine(l, nimbus, "")
	return l
}

// showCacheLine says it again, as the cache is now: a replica of a team server becomes
// read-only while the server is unreachable, and writable again when it answers. said is
// what the header says already, so that the line does not repeat it.
func showCacheLine(l *widget.Label, nimbus *app.App, said string) {
	var lines []string
	if err := nimbus.CanChange(); err != nil && err.Error() != said {
		lines = append(lines, widgets.Sentence(err.Error()))
	}
	for _, n := range nimbus.CacheNotes() {
		lines = append(lines, widgets.Sentence(n))
	}
	l.Text = strings.Join(lines, " ")
	if len(lines) == 0 {
		l.Hide()
	} else {
		l.Show()
	}
	l.Refresh()
}
