package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// openReview shows a review window the main window keeps track of: closing Nimbus
// Admin closes it too, rather than leaving it open over a closed main window.
// closed, when not nil, runs once it has closed.
func (m *mainWindow) openReview(w fyne.Window, closed func()) {
	m.reviews = append(m.reviews, w)
	w.SetOnClosed(func() {
		for i, r := range m.reviews {
			if r == w {
				m.reviews = append(m.reviews[:i], m.reviews[i+1:]...)
				break
			}
		}
		if closed != nil {
			closed()
		}
	})
	w.Show()
}

// closeReviews closes every review window still open.
func (m *mainWindow) closeReviews() {
	for _, w := range append([]fyne.Window(nil), m.reviews...) {
		w.Close()
	}
}

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
