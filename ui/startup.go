package ui

import (
	"errors"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/widgets"
)

// ShowStartupError tells an admin who started the window why it cannot open (a cache that
// cannot be read, a --db that is no cache, a cache from a newer version): a small window
// with an error dialog that says so; closing either of them quits the program. It returns
// the window. Call it on the UI goroutine; main also writes the reason to stderr, which is
// all there is where no window can open (see NoDisplay).
func ShowStartupError(a fyne.App, err error) fyne.Window {
	w := a.NewWindow("Nimbus Admin — cannot start")
	reason := widget.NewLabel(widgets.Sentence(err.Error()))
	reason.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewPadded(container.NewVBox(widget.NewLabel("Nimbus Admin cannot start:"), reason)))
	w.Resize(fyne.NewSize(560, 260))
	w.SetOnClosed(a.Quit)
	w.Show()
	d := widgets.ShowError(w, err)
	// Dismissing the dialog (OK, Esc, Enter) closes the window with it: there is nothing
	// behind it to go back to.
	d.SetOnClosed(w.Close)
	return w
}

// NoDisplay says why no window can open at all, before Fyne tries and fails with a panic:
// on Linux and the BSDs, no X11 or Wayland display is named in the environment (getenv).
// There a start-up error can only go to stderr. Elsewhere it is always nil.
func NoDisplay(getenv func(string) string) error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
	default:
		return nil
	}
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return errors.New("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); " +
		"the command line needs none: see 'nimbusadmin help'")
}
