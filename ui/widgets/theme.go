package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ReadableTheme is the default theme with the error and warning colours darkened in the
// light variant, so that a refusal or a warning reads at least 4.5 to 1 on the light
// background like any other text (Fyne's red reads 3.7 to 1 there and its orange 2.2 to
// 1). The dark variant is the default's: both already read well on it.
type ReadableTheme struct{ fyne.Theme }

// NewReadableTheme is the theme every window of Nimbus Admin is drawn with.
func NewReadableTheme() ReadableTheme { return ReadableTheme{theme.DefaultTheme()} }

// Color is the default theme's colour, with the light variant's error and warning
// colours darkened.
func (t ReadableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		switch n {
		case theme.ColorNameError:
			return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
		case theme.ColorNameWarning:
			return color.NRGBA{R: 0x9a, G: 0x58, B: 0x00, A: 0xff}
		}
	}
	return t.Theme.Color(n, v)
}
