package detail

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tabContent holds one tab's widgets. Fyne's tabs refresh the content of every tab
// whenever anything about the tabs changes (another tab selected, a title marked as
// edited, a tab shown or hidden by the user's licences), which measures and redraws every
// label of all eight tabs: most of the time it takes to show the next user. The widgets
// refresh themselves when their own content changes, so tabContent passes a refresh on
// only when the theme changed, which they cannot notice by themselves.
type tabContent struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newTabContent(content fyne.CanvasObject) *tabContent {
	c := &tabContent{content: content}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer places the tab's widgets over the whole tab.
func (c *tabContent) CreateRenderer() fyne.WidgetRenderer {
	return &tabContentRenderer{c: c, theme: theme.CurrentForWidget(c), variant: fyne.CurrentApp().Settings().ThemeVariant()}
}

type tabContentRenderer struct {
	c       *tabContent
	theme   fyne.Theme
	variant fyne.ThemeVariant
}

func (r *tabContentRenderer) Layout(size fyne.Size) {
	r.c.content.Move(fyne.Position{})
	r.c.content.Resize(size)
}

func (r *tabContentRenderer) MinSize() fyne.Size           { return r.c.content.MinSize() }
func (r *tabContentRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.content} }
func (r *tabContentRenderer) Destroy()                     {}

// Refresh passes the refresh on to the tab's widgets only when the theme or its variant
// changed since the widgets were last drawn.
func (r *tabContentRenderer) Refresh() {
	th, v := theme.CurrentForWidget(r.c), fyne.CurrentApp().Settings().ThemeVariant()
	if th == r.theme && v == r.variant {
		return
	}
	r.theme, r.variant = th, v
	r.c.content.Refresh()
}
