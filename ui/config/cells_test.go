package config

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"nimbusadmin/ui/uitest"
)

// TestCatalogueCellsAreCutToTheirColumn guards the long "Used by" and "Details" texts:
// each must end in an ellipsis inside its column instead of running over the next one.
func TestCatalogueCellsAreCutToTheirColumn(t *testing.T) {
	cw, w, _ := configTestWindow(t, "Interact")
	w.Resize(fyne.NewSize(1180, 760))
	texts := 0
	uitest.Walk(cw.catalogues["domain-templates"].table, func(o fyne.CanvasObject) {
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
