package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// newReviewWindow is a window that reviews what the cache holds (Changes, Checks,
// History): it keeps nothing unsaved, so Ctrl+W (Cmd+W) closes it as in any desktop
// application, and it opens at a size that fits a 1366×768 laptop screen.
func newReviewWindow(a fyne.App, title string) fyne.Window {
	w := a.NewWindow(title)
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.Close() })
	w.Resize(fyne.NewSize(1200, 680))
	return w
}
