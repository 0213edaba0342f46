package widgets

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// ShowInfo shows an information dialog over win that closes with OK, Esc or Enter, as
// on every desktop; while it is open no key reaches the window behind it (Esc there
// would clear the search, say).
func ShowInfo(win fyne.Window, title, message string) dialog.Dialog {
	d := dialog.NewInformation(title, Sentence(message), win)
	ShowWithKeys(d, win, d.Hide, d.Hide)
	return d
}

// ShowError shows err's message as a sentence in an error dialog over win that closes
// with OK, Esc or Enter; while it is open no key reaches the window behind it.
func ShowError(win fyne.Window, err error) dialog.Dialog {
	d := dialog.NewError(errors.New(Sentence(err.Error())), win)
	ShowWithKeys(d, win, d.Hide, d.Hide)
	return d
}

// ShowWithKeys shows d over win with Esc running onEsc and Enter (or Return) running
// onEnter (nil: the key does nothing), and keeps every key typed while no control of d
// has the focus from the window behind it. Fyne hands such keys to the window's own
// handler, so it is set aside while d is open and given back when d closes.
func ShowWithKeys(d dialog.Dialog, win fyne.Window, onEsc, onEnter func()) {
	c := win.Canvas()
	behind := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch {
		case k.Name == fyne.KeyEscape && onEsc != nil:
			onEsc()
		case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && onEnter != nil:
			onEnter()
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(behind) })
	d.Show()
}
