package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newBehind is a window whose own key handler counts the keys that reach it.
func newBehind(t *testing.T, a fyne.App) (fyne.Window, *int) {
	w := a.NewWindow("behind")
	w.SetContent(widget.NewLabel("the main window"))
	w.Resize(fyne.NewSize(700, 500))
	w.Show()
	t.Cleanup(w.Close)
	reached := 0
	w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { reached++ })
	return w, &reached
}

// Each kind of question obeys the platform's keys: Esc answers no (cancel, keep),
// Enter answers yes only where yes is safe, never for a deletion or a removal; no key
// reaches the window behind while the question is open.
func TestQuestionsAnswerEscWithNoAndEnterOnlyWhereSafe(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range []struct {
		name      string
		key       fyne.KeyName
		make      func(fyne.Window, func(bool)) *Confirm
		answer    string // "yes", "no", or "" (still open)
		stillOpen bool
	}{
		{"a question, Esc", fyne.KeyEscape, func(w fyne.Window, done func(bool)) *Confirm {
			return NewConfirm(w, "Sign out?", "Sign out of the tenant?", done)
		}, "no", false},
		{"a question, Enter", fyne.KeyReturn, func(w fyne.Window, done func(bool)) *Confirm {
			return NewConfirm(w, "Sign out?", "Sign out of the tenant?", done)
		}, "yes", false},
		{"a removal, Esc", fyne.KeyEscape, func(w fyne.Window, done func(bool)) *Confirm {
			return NewRemoval(w, "Remove role", "Remove Auditor from Anna?", "Remove", done)
		}, "no", false},
		{"a removal, Enter", fyne.KeyReturn, func(w fyne.Window, done func(bool)) *Confirm {
			return NewRemoval(w, "Remove role", "Remove Auditor from Anna?", "Remove", done)
		}, "", true},
		{"a deletion with content, Enter", fyne.KeyEnter, func(w fyne.Window, done func(bool)) *Confirm {
			return NewCustomConfirm(w, "Delete 3 users", "Delete 3 users", "Keep", widget.NewLabel("…"), done, false)
		}, "", true},
	} {
		w, reached := newBehind(t, a)
		answer := ""
		d := c.make(w, func(yes bool) {
			answer = map[bool]string{true: "yes", false: "no"}[yes]
		})
		d.Show()
		pressKey(w.Canvas(), c.key)
		if answer != c.answer {
			t.Errorf("%s: answered %q, want %q", c.name, answer, c.answer)
		}
		if open := w.Canvas().Overlays().Top() != nil; open != c.stillOpen {
			t.Errorf("%s: open %v after the key, want %v", c.name, open, c.stillOpen)
		}
		if *reached != 0 {
			t.Errorf("%s: the key reached the window behind", c.name)
		}
	}
}

// A dialog of the window's own making runs its Esc and Enter actions, Enter pressing the
// highlighted button only while it is enabled.
func TestCustomDialogsRunTheirKeysAndEnterPressesOnlyAnEnabledButton(t *testing.T) {
	a := test.NewTempApp(t)
	w, reached := newBehind(t, a)
	saved, cancelled := 0, 0
	save := &widget.Button{Text: "Assign", OnTapped: func() { saved++ }}
	save.Disable()
	d := NewCustom(w, "Add a role", widget.NewLabel("form"), func() { cancelled++ }, func() { Press(save) })
	d.Show()
	pressKey(w.Canvas(), fyne.KeyReturn)
	if saved != 0 {
		t.Error("Enter pressed a disabled button")
	}
	save.Enable()
	pressKey(w.Canvas(), fyne.KeyReturn)
	pressKey(w.Canvas(), fyne.KeyEscape)
	if saved != 1 || cancelled != 1 || *reached != 0 {
		t.Errorf("saved %d, cancelled %d, keys behind %d; want 1, 1, 0", saved, cancelled, *reached)
	}
	d.Hide()

	c := NewClosable(w, "Columns", "Close", widget.NewLabel("the columns"))
	c.Show()
	pressKey(w.Canvas(), fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil || *reached != 0 {
		t.Error("Esc did not close a dialog that only shows something, or reached the window")
	}
}
