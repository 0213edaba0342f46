// Package uitest helps the headless tests of the window's packages find what a screen
// draws, as an admin would see it, without reaching into another package's fields.
package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk visits o and everything drawn inside it, widgets' renderers included.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			Walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			Walk(c, fn)
		}
	}
}

// Button is the first button inside o whose text is text, nil when there is none.
func Button(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && found == nil && b.Text == text {
			found = b
		}
	})
	return found
}

// Check is the first check box inside o whose text is text, nil when there is none. A
// widget that extends a check box (with keys of its own) counts when it hands its box out.
func Check(o fyne.CanvasObject, text string) *widget.Check {
	var found *widget.Check
	Walk(o, func(c fyne.CanvasObject) {
		b, ok := c.(*widget.Check)
		if x, extends := c.(interface{ CheckBox() *widget.Check }); extends {
			b, ok = x.CheckBox(), true
		}
		if ok && found == nil && b.Text == text {
			found = b
		}
	})
	return found
}
