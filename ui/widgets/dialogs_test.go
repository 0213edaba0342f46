package widgets

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressKey hands a key to the canvas the way the desktop driver does: to the focused
// control, or else to the canvas's own key handler.
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// Information and error dialogs close on Esc and on Enter, and the key does not reach
// the window behind them (whose Esc clears its search); once closed, the window has its
// keys back.
func TestInfoAndErrorDialogsCloseOnEscAndEnterAndKeepTheKeyFromTheWindow(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range []struct {
		name string
		key  fyne.KeyName
		show func(fyne.Window) fyne.CanvasObject
	}{
		{"information, Esc", fyne.KeyEscape, func(w fyne.Window) fyne.CanvasObject {
			ShowInfo(w, "Cannot delete this user", "anna is the last Tenant Administrator")
			return w.Canvas().Overlays().Top()
		}},
		{"information, Enter", fyne.KeyReturn, func(w fyne.Window) fyne.CanvasObject {
			ShowInfo(w, "Cannot delete this user", "anna is the last Tenant Administrator")
			return w.Canvas().Overlays().Top()
		}},
		{"error, Esc", fyne.KeyEscape, func(w fyne.Window) fyne.CanvasObject {
			ShowError(w, errors.New("the system keyring is not available"))
			return w.Canvas().Overlays().Top()
		}},
		{"error, keypad Enter", fyne.KeyEnter, func(w fyne.Window) fyne.CanvasObject {
			ShowError(w, errors.New("the system keyring is not available"))
			return w.Canvas().Overlays().Top()
		}},
	} {
		w := a.NewWindow("behind")
		w.SetContent(widget.NewLabel("the main window"))
		w.Resize(fyne.NewSize(600, 400))
		w.Show()
		reached := 0
		w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { reached++ })
		if c.show(w) == nil {
			t.Fatalf("%s: no dialog shown", c.name)
		}
		pressKey(w.Canvas(), c.key)
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s: the dialog is still open", c.name)
		}
		if reached != 0 {
			t.Errorf("%s: the key reached the window behind the dialog", c.name)
		}
		pressKey(w.Canvas(), fyne.KeyEscape)
		if reached != 1 {
			t.Errorf("%s: after the dialog closed, the window's Esc reached it %d times", c.name, reached)
		}
		w.Close()
	}
}

// A dialog's message reads as a sentence: capital first letter, full stop.
func TestDialogMessagesReadAsSentences(t *testing.T) {
	w := test.NewTempApp(t).NewWindow("behind")
	w.Resize(fyne.NewSize(600, 400))
	ShowError(w, errors.New("the system keyring is not available (no Secret Service is running)"))
	want := "The system keyring is not available (no Secret Service is running)."
	found := false
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && l.Text == want {
			found = true
		}
	}
	if !found {
		t.Errorf("the error dialog does not say %q", want)
	}
}
