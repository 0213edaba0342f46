package widgets

import (
	"errors"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// variantTheme is the default theme held to one variant, light or dark.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// Reasons and results read at a glance in both themes: their text contrasts with the
// background at least 4.5 to 1 (the grey of low importance and the success green are
// about 1.3 and 1.6 to 1 on white); failures show in the error colour.
func TestReasonsAndResultsAreReadableInBothThemes(t *testing.T) {
	a := test.NewTempApp(t)
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := variantTheme{theme.DefaultTheme(), variant}
		a.Settings().SetTheme(th)
		background := th.Color(theme.ColorNameBackground, variant)
		done, failed := NewResult(), NewResult()
		ShowResult(done, nil, "saved the licences of Anna")
		ShowResult(failed, errors.New("cannot delete the custom role"), "")
		for name, l := range map[string]*widget.Label{
			"a reason": NewReason("Cannot delete: anna is the last Tenant Administrator."),
			"a result": done,
		} {
			if c := contrast(textColour(t, l), background); c < 4.5 {
				t.Errorf("variant %v: %s contrasts %.1f to 1 with the background", variant, name, c)
			}
		}
		if got, want := textColour(t, failed), th.Color(theme.ColorNameError, variant); !sameColour(got, want) {
			t.Errorf("variant %v: a failure shows in %v, not the error colour %v", variant, got, want)
		}
		if done.Text != "Saved the licences of Anna." || failed.Text != "Cannot delete the custom role." {
			t.Errorf("results %q and %q do not read as sentences", done.Text, failed.Text)
		}
	}
}

func TestSentenceCapitalisesWordsAndLeavesNamesAlone(t *testing.T) {
	for in, want := range map[string]string{
		"cannot delete the custom role \"X\"":          "Cannot delete the custom role \"X\".",
		"the sign-in was cancelled; nothing was saved": "The sign-in was cancelled; nothing was saved.",
		"anna@contoso.example needs a licence":         "anna@contoso.example needs a licence.",
		"\"Sales\" is taken":                           "\"Sales\" is taken.",
		"Sync cancelled; sync again to finish.":        "Sync cancelled; sync again to finish.",
		"Is it saved?":                                 "Is it saved?",
		"":                                             "",
	} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// textColour is the colour a label's text is drawn in.
func textColour(t *testing.T, l *widget.Label) color.Color {
	t.Helper()
	l.Resize(fyne.NewSize(400, 100))
	for _, o := range test.LaidOutObjects(l) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			return tx.Color
		}
	}
	t.Fatalf("the label %q draws no text", l.Text)
	return nil
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
