package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/assets"
	"nimbusadmin/ui/widgets"
)

// StartWindow is what a first start shows while the demo tenant is generated, which takes
// a while for a large one: how many of its users are built so far. The main window
// replaces it. Its window is made only when there is progress to show: a window made and
// never shown cannot be closed, and would keep the program running after the main
// window closes.
type StartWindow struct {
	app      fyne.App
	win      fyne.Window // nil until the first progress
	message  *widget.Label
	bar      *widget.ProgressBar
	finished bool
}

// NewStartWindow prepares the start window; it shows with the first progress. Being the
// first window made, it also gives the app its icon and its theme, in which refusals and
// warnings read as well as any other text.
func NewStartWindow(a fyne.App) *StartWindow {
	a.SetIcon(assets.Icon)
	a.Settings().SetTheme(widgets.NewReadableTheme())
	s := &StartWindow{app: a, message: widget.NewLabel(demoProgressText(0, 0)), bar: widget.NewProgressBar()}
	s.bar.TextFormatter = func() string { return fmt.Sprintf("%.0f %%", 100*s.bar.Value) }
	return s
}

// DemoProgress shows how many of the demo tenant's users are built; it may be called from
// any goroutine, and shows the window at its first call.
func (s *StartWindow) DemoProgress(built, total int) {
	fyne.Do(func() {
		if s.finished {
			return
		}
		s.message.SetText(demoProgressText(built, total))
		if total > 0 {
			s.bar.SetValue(float64(built) / float64(total))
		}
		if s.win == nil {
			s.win = s.app.NewWindow("Nimbus Admin — starting")
			s.win.SetContent(container.NewPadded(container.NewVBox(s.message, s.bar)))
			s.win.Resize(fyne.NewSize(480, 120))
			s.win.CenterOnScreen()
			s.win.Show()
		}
	})
}

// Close closes the start window once the main window shows; call it on the UI goroutine.
func (s *StartWindow) Close() {
	s.finished = true
	if s.win != nil {
		s.win.Close()
	}
}

// demoProgressText is the start window's line: "Building the demo tenant: 41,000 of
// 100,000 users…".
func demoProgressText(built, total int) string {
	if total == 0 {
		return "Building the demo tenant…"
	}
	return fmt.Sprintf("Building the demo tenant: %s of %s users…", thousands(built), thousands(total))
}
