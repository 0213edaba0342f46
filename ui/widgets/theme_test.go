package widgets

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/uitest"
)

// In the window's theme a refusal and a warning read at least 4.5 to 1 against the
// background in the light and the dark variant.
func TestRefusalsAndWarningsAreReadableInBothVariants(t *testing.T) {
	a := test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := uitest.VariantTheme{Theme: NewReadableTheme(), Variant: v}
		a.Settings().SetTheme(th)
		refused := NewProblem()
		ShowProblem(refused, errors.New("you may not change users outside Sales"))
		warning := &widget.Label{Text: "Only a Tenant Administrator may change this role.", Importance: widget.WarningImportance}
		for name, l := range map[string]*widget.Label{"a refusal": refused, "a warning": warning} {
			if c := uitest.Contrast(uitest.TextColour(t, l), th.Background()); c < 4.5 {
				t.Errorf("variant %v: %s contrasts %.1f to 1 with the background", v, name, c)
			}
		}
	}
}
