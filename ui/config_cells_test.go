package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// configWalk visits o and everything drawn inside it, widgets' renderers included.
func configWalk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			configWalk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			configWalk(c, fn)
		}
	}
}

// TestCatalogueCellsAreCutToTheirColumn guards the long "Used by" and "Details" texts:
// each must end in an ellipsis inside its column instead of running over the next one.
func TestCatalogueCellsAreCutToTheirColumn(t *testing.T) {
	cw, w, _ := configTestWindow(t, "Interact")
	w.Resize(fyne.NewSize(1180, 760))
	texts := 0
	configWalk(cw.catalogues["domain-templates"].table, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			texts++
			if tx.Size().Width > configColumns[3].width {
				t.Errorf("%q is %.0f wide, wider than any column", tx.Text, tx.Size().Width)
			}
		}
	})
	if texts < 8 {
		t.Fatalf("only %d texts drawn in the table", texts)
	}
}
