package detail

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// refreshCounter is a label that counts how often it is refreshed.
type refreshCounter struct {
	widget.Label
	refreshes int
}

func (r *refreshCounter) Refresh() {
	r.refreshes++
	r.Label.Refresh()
}

// Switching tabs, marking a title and showing another set of tabs leave the widgets of
// the tabs alone (each of those refreshes every tab's content in Fyne), while a change of
// theme still reaches them.
func TestTabsChangingDoNotRedrawTheWidgetsOfEveryTab(t *testing.T) {
	a := test.NewTempApp(t)
	probe := &refreshCounter{Label: widget.Label{Text: "Anna"}}
	probe.ExtendBaseWidget(probe)
	first := container.NewTabItem("General", newTabContent(container.NewVBox(probe)))
	second := container.NewTabItem("Skills", newTabContent(widget.NewLabel("none")))
	third := container.NewTabItem("Profiles", newTabContent(widget.NewLabel("none")))
	tabs := container.NewAppTabs(first, second)
	w := test.NewWindow(tabs)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))

	before := probe.refreshes
	tabs.Select(second)
	tabs.Select(first)
	second.Text = "Skills •"
	tabs.Refresh()
	tabs.SetItems([]*container.TabItem{first, second, third})
	tabs.SetItems([]*container.TabItem{first, third})
	if n := probe.refreshes - before; n != 0 {
		t.Errorf("changing the tabs refreshed a tab's label %d times, want none", n)
	}

	tabs.Select(third) // the probe's tab is hidden while the theme changes
	a.Settings().SetTheme(test.NewTheme())
	if probe.refreshes == before {
		t.Error("a change of theme did not reach the widgets of a hidden tab")
	}
}
