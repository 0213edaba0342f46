package detail

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	if k.Name == fyne.KeyEscape {
		detailEscape(c, c.revert, k)
		return
	}
	c.Check.TypedKey(k)
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
	if k.Name == fyne.KeyEscape {
		detailEscape(s, s.revert, k)
		return
	}
	s.Select.TypedKey(k)
}

// detailEscape reverts a field, or hands Esc to the window when there is nothing to revert.
func detailEscape(o fyne.CanvasObject, revert func() bool, k *fyne.KeyEvent) {
	if revert != nil && revert() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
}

// FocusFirstField moves the keyboard focus to the first control of the tab shown that
// can be used now (text is skipped); it reports false when there is none.
func (p *Pane) FocusFirstField() bool {
	sel := p.tabs.Selected()
	if p.userID == "" || sel == nil {
		return false
	}
	var first fyne.Focusable
	detailWalkVisible(sel.Content, func(o fyne.CanvasObject) bool {
		f, ok := o.(fyne.Focusable)
		if !ok {
			return false
		}
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return false
		}
		if _, ok := o.(*widget.Label); ok {
			return false // selectable text is read, not edited
		}
		first = f
		return true
	})
	if first == nil {
		return false
	}
	p.win.Canvas().Focus(first)
	return true
}

// detailWalkVisible visits o and the visible objects inside it in order until visit
// reports true.
func detailWalkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			if detailWalkVisible(c, visit) {
				return true
			}
		}
	case *container.Scroll:
		return detailWalkVisible(v.Content, visit)
	case *widget.Form:
		for _, it := range v.Items {
			if detailWalkVisible(it.Widget, visit) {
				return true
			}
		}
	}
	return false
}
