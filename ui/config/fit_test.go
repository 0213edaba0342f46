package config

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// configLaptop is the room a 1366×768 screen leaves a window once the taskbar and the
// title bar are drawn.
var configLaptop = fyne.NewSize(1280, 720)

// configUnreachable lists the visible buttons inside o that lie outside the window and
// no scroll container can bring into view.
func configUnreachable(o fyne.CanvasObject, win fyne.Size, out *[]string) {
	if !o.Visible() {
		return
	}
	if _, ok := o.(*container.Scroll); ok {
		return // what lies inside scrolls into view
	}
	if b, ok := o.(*widget.Button); ok {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if pos.X+b.Size().Width > win.Width+1 || pos.Y+b.Size().Height > win.Height+1 {
			*out = append(*out, b.Text)
		}
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			configUnreachable(c, win, out)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			configUnreachable(c, win, out)
		}
	}
}

// Every screen fits a laptop screen at the window's default size: the window never needs
// to grow past it, and every button is on screen or in a part that scrolls.
func TestEveryConfigurationScreenFitsALaptopScreen(t *testing.T) {
	if configDefaultSize.Width > configLaptop.Width || configDefaultSize.Height > configLaptop.Height {
		t.Fatalf("the window opens at %v, larger than %v", configDefaultSize, configLaptop)
	}
	cw, w, _ := configTestWindow(t, "")
	w.Resize(configDefaultSize)
	for _, s := range cw.screens {
		cw.tabs.Select(s.outer)
		if s.group != nil {
			s.group.Select(s.item)
		}
		if cw.shown != s {
			t.Fatalf("the window did not show %q", s.item.Text)
		}
		if min := w.Content().MinSize(); min.Width > configLaptop.Width || min.Height > configLaptop.Height {
			t.Errorf("with %q shown the window needs at least %v, more than %v", s.item.Text, min, configLaptop)
		}
		var off []string
		configUnreachable(w.Content(), w.Canvas().Size(), &off)
		if len(off) > 0 {
			t.Errorf("%q: buttons out of reach at %v: %v", s.item.Text, configDefaultSize, off)
		}
	}
}
