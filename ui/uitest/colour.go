package uitest

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// VariantTheme is the default theme held to one variant, light or dark, so that a test
// can look at a screen in each.
type VariantTheme struct {
	fyne.Theme
	Variant fyne.ThemeVariant
}

// Color is the default theme's colour n in the variant the theme is held to.
func (t VariantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.Variant)
}

// Background is the theme's background colour.
func (t VariantTheme) Background() color.Color {
	return t.Theme.Color(theme.ColorNameBackground, t.Variant)
}

// Light is the default theme in its light variant, where faint text is hardest to read.
func Light() VariantTheme { return VariantTheme{theme.DefaultTheme(), theme.VariantLight} }

// Dark is the default theme in its dark variant.
func Dark() VariantTheme { return VariantTheme{theme.DefaultTheme(), theme.VariantDark} }

// TextColour is the colour a label's text is drawn in, as the current theme draws it.
func TextColour(t *testing.T, l *widget.Label) color.Color {
	t.Helper()
	if l.Size().Width < 10 {
		l.Resize(fyne.NewSize(400, 100))
	}
	l.Refresh()
	for _, o := range test.LaidOutObjects(l) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			return tx.Color
		}
	}
	t.Fatalf("the label %q draws no text", l.Text)
	return nil
}

// SameColour tells whether two colours are the same.
func SameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// Contrast is the WCAG contrast ratio of two opaque colours: text that matters needs at
// least 4.5 to 1 against its background.
func Contrast(a, b color.Color) float64 {
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
