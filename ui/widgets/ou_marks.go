package widgets

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
)

// The marks draw a small tree of three OUs, filled where selected: the OU itself at the
// top left, two OUs below it. Every shape is a fill, so the theme can colour it.
var (
	ouMarkWithSubtree = ouMark("ou-with-subtree", true, true, true)
	ouMarkOnly        = ouMark("ou-only", true, false, false)
	ouMarkPartly      = ouMark("ou-partly", false, true, false)
)

// ouMark builds one mark: the OU, its first and its second OU below, each a dot when
// selected and a ring when not.
func ouMark(name string, self, first, second bool) fyne.Resource {
	node := func(cx, cy, r float32, filled bool) string {
		d := fmt.Sprintf("M%g %g a%g %g 0 1 0 %g 0 a%g %g 0 1 0 %g 0 Z", cx-r, cy, r, r, 2*r, r, r, -2*r)
		if !filled { // an inner circle drawn the other way round leaves a hole
			ri := r * 0.55
			d += fmt.Sprintf(" M%g %g a%g %g 0 1 1 %g 0 a%g %g 0 1 1 %g 0 Z", cx-ri, cy, ri, ri, 2*ri, ri, ri, -2*ri)
		}
		return `<path d="` + d + `"/>`
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
		node(7, 6, 4.5, self) + node(16.5, 13, 3.5, first) + node(16.5, 20, 3.5, second) +
		`<rect x="6.2" y="10.5" width="1.6" height="10.3"/>` +
		`<rect x="6.2" y="12.2" width="6.8" height="1.6"/><rect x="6.2" y="19.2" width="6.8" height="1.6"/></svg>`
	return theme.NewThemedResource(fyne.NewStaticResource(name+".svg", []byte(svg)))
}

// OUStateMark is the mark an OU shows in the OU filter for its state; an OU that is not
// selected, nor anything below it, shows none (nil).
func OUStateMark(s userlist.OUState) fyne.Resource {
	switch s {
	case userlist.OUWithSubtree:
		return ouMarkWithSubtree
	case userlist.OUOnly:
		return ouMarkOnly
	case userlist.OUPartly:
		return ouMarkPartly
	}
	return nil
}

// OUStateWords says in the admin's words what each mark of the OU filter means, short
// enough for the legend under the tree to take two lines.
var OUStateWords = map[userlist.OUState]string{
	userlist.OUWithSubtree: "with the OUs below it",
	userlist.OUOnly:        "this OU alone",
	userlist.OUPartly:      "some OUs below it selected",
}

// NewOUStateLegend is the small legend under the OU filter: each mark with its meaning, on
// two lines set close, so that the tree above it keeps its rows on a laptop screen. How a
// click and a Ctrl+click select is said by the window's status line.
func NewOUStateLegend() fyne.CanvasObject {
	item := func(s userlist.OUState) fyne.CanvasObject {
		words := OUStateWords[s]
		text := &widget.Label{Text: strings.ToUpper(words[:1]) + words[1:], SizeName: theme.SizeNameCaptionText}
		return container.NewHBox(widget.NewIcon(OUStateMark(s)), text)
	}
	box := container.New(layout.NewCustomPaddedVBoxLayout(0),
		container.NewHBox(item(userlist.OUWithSubtree), item(userlist.OUOnly)),
		item(userlist.OUPartly))
	return container.NewThemeOverride(box, compactTheme{})
}

// compactTheme is the app's theme with less padding, for small print.
type compactTheme struct{}

func (compactTheme) app() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (c compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return c.app().Color(n, v)
}

func (c compactTheme) Font(s fyne.TextStyle) fyne.Resource     { return c.app().Font(s) }
func (c compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return c.app().Icon(n) }

func (c compactTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding || n == theme.SizeNamePadding {
		return 2
	}
	return c.app().Size(n)
}
