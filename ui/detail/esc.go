package detail

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// detailEscCheck is a check box of a draft tab: Esc while it has the focus puts it back
// as saved. When it already is, Esc keeps the window's meaning.
type detailEscCheck struct {
	widget.Check
	revert func() bool // puts the field back as saved; false when it already was
}

func newDetailEscCheck(text string, changed func(bool), revert func() bool) *detailEscCheck {
	c := &detailEscCheck{revert: revert}
	c.Text, c.OnChanged = text, changed
	c.ExtendBaseWidget(c)
	return c
}

// CheckBox is the check box itself, for tests that find controls by their text.
func (c *detailEscCheck) CheckBox() *widget.Check { return &c.Check }

// TypedKey reverts the field on Esc; other keys behave as in any check box.
func (c *detailEscCheck) TypedKey(k *fyne.KeyEvent) {
	detailTypedKey(c, c.revert, k, c.Check.TypedKey)
}

// detailEscSelect is a drop-down of a draft tab: Esc while it has the focus puts the
// field it edits back as saved. When it already is, Esc keeps the window's meaning.
type detailEscSelect struct {
	widget.Select
	revert func() bool
}

func newDetailEscSelect(changed func(string), revert func() bool) *detailEscSelect {
	s := &detailEscSelect{revert: revert}
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey reverts the field on Esc; other keys behave as in any drop-down.
func (s *detailEscSelect) TypedKey(k *fyne.KeyEvent) {
	detailTypedKey(s, s.revert, k, s.Select.TypedKey)
}

// detailEscButton is a button that opens a field's editor (the OU's Change…): Esc while
// it has the focus puts that field back as saved. When it already is, Esc keeps the
// window's meaning.
type detailEscButton struct {
	widget.Button
	revert func() bool
}

func newDetailEscButton(text string, tapped func(), revert func() bool) *detailEscButton {
	b := &detailEscButton{revert: revert}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey reverts the field on Esc; other keys behave as in any button.
func (b *detailEscButton) TypedKey(k *fyne.KeyEvent) {
	detailTypedKey(b, b.revert, k, b.Button.TypedKey)
}

// detailTypedKey is the key handling every draft control shares: Esc reverts the field,
// or goes to the window when there is nothing to revert; other keys go to the control's own
// handling (own), so it still behaves as any control of its kind.
func detailTypedKey(o fyne.CanvasObject, revert func() bool, k *fyne.KeyEvent, own func(*fyne.KeyEvent)) {
	if k.Name != fyne.KeyEscape {
		own(k)
		return
	}
	if revert != nil && revert() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
}
