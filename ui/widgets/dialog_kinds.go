package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Confirm is a question with a yes and a no that obeys the keys while it is open: Esc
// answers no, and Enter answers yes only where yes is safe (never for a deletion or a
// removal, whose default stays no as on every desktop).
type Confirm struct {
	*dialog.ConfirmDialog
	win   fyne.Window
	enter bool
}

// NewConfirm is a question whose yes is safe to give with Enter; Esc answers no.
func NewConfirm(win fyne.Window, title, message string, onDone func(bool)) *Confirm {
	return &Confirm{ConfirmDialog: dialog.NewConfirm(title, message, onDone, win), win: win, enter: true}
}

// NewRemoval asks before something is deleted or removed: its confirm button says what
// happens in the error colour, Esc answers no, and Enter does nothing (a deletion is
// never the default).
func NewRemoval(win fyne.Window, title, message, confirm string, onDone func(bool)) *Confirm {
	d := dialog.NewConfirm(title, message, onDone, win)
	d.SetConfirmText(confirm)
	d.SetConfirmImportance(widget.DangerImportance)
	return &Confirm{ConfirmDialog: d, win: win}
}

// NewCustomConfirm is a question shown with content of its own and named buttons; Esc
// answers no, and Enter answers yes when enterConfirms.
func NewCustomConfirm(win fyne.Window, title, confirm, dismiss string, content fyne.CanvasObject, onDone func(bool), enterConfirms bool) *Confirm {
	return &Confirm{ConfirmDialog: dialog.NewCustomConfirm(title, confirm, dismiss, content, onDone, win), win: win, enter: enterConfirms}
}

// Show shows the question with its keys bound.
func (c *Confirm) Show() {
	var enter func()
	if c.enter {
		enter = c.Confirm
	}
	ShowWithKeys(c.ConfirmDialog, c.win, c.Dismiss, enter)
}

// Custom is a dialog of the window's own making that obeys Esc and Enter while it is
// open, and keeps every key from the window behind it.
type Custom struct {
	*dialog.CustomDialog
	win            fyne.Window
	onEsc, onEnter func()
}

// NewCustom is a dialog with content and buttons of its own (SetButtons): onEsc runs on
// Esc (usually what Cancel does), onEnter on Enter (the default button's action, or nil
// where none is safe).
func NewCustom(win fyne.Window, title string, content fyne.CanvasObject, onEsc, onEnter func()) *Custom {
	return &Custom{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win), win: win, onEsc: onEsc, onEnter: onEnter}
}

// NewClosable is a dialog that only shows something, with one button that closes it;
// Esc and Enter close it too.
func NewClosable(win fyne.Window, title, close string, content fyne.CanvasObject) *Custom {
	c := &Custom{CustomDialog: dialog.NewCustom(title, close, content, win), win: win}
	c.onEsc, c.onEnter = c.Hide, c.Hide
	return c
}

// Show shows the dialog with its keys bound.
func (c *Custom) Show() { ShowWithKeys(c.CustomDialog, c.win, c.onEsc, c.onEnter) }

// NewFileSave asks where to save a file. The file dialog takes the keys itself (its
// name field has the focus, and a desktop's own file chooser may stand in for it), so
// no key is bound here; it lives here so that every dialog of the window comes from
// this package.
func NewFileSave(win fyne.Window, onChosen func(fyne.URIWriteCloser, error)) *dialog.FileDialog {
	return dialog.NewFileSave(onChosen, win)
}

// Press runs a button's action as a click would, when the button is enabled: Enter in
// a dialog does what its highlighted button says, and nothing while it may not.
func Press(b *widget.Button) {
	if b != nil && !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}
