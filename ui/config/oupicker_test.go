package config

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/apptest"
	"nimbusadmin/ui/uitest"
	"nimbusadmin/ui/widgets"
)

// TestEveryScreenChoosesOUsWithTheOUPicker shows each screen of the Configuration
// window and finds no flat drop-down of OU paths, and an OU picker on each screen that
// places something in an OU.
func TestEveryScreenChoosesOUsWithTheOUPicker(t *testing.T) {
	test.NewTempApp(t)
	nimbus := apptest.Demo(t, 60)
	tree, err := nimbus.OUTree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	paths := widgets.NewOUChoices(tree).Paths
	w := test.NewTempWindow(t, nil)
	cw := newConfigWindow(w, nimbus)
	w.SetContent(cw.build())
	w.Resize(fyne.NewSize(1180, 760))
	pickers := map[string]int{}
	var visit func(tabs *container.AppTabs, where string)
	visit = func(tabs *container.AppTabs, where string) {
		for _, item := range tabs.Items {
			tabs.Select(item)
			if sub, ok := item.Content.(*container.AppTabs); ok {
				visit(sub, where+item.Text+" › ")
				continue
			}
			uitest.Walk(item.Content, func(o fyne.CanvasObject) {
				switch o := o.(type) {
				case *widget.Select:
					for _, opt := range o.Options {
						if slices.Contains(paths, opt) {
							t.Errorf("%s%s offers OUs in a flat drop-down (%q)", where, item.Text, opt)
							return
						}
					}
				case *widgets.OUPicker:
					pickers[item.Text]++
				}
			})
		}
	}
	visit(cw.tabs, "")
	for _, screen := range []string{"Organization Units", "Services", "Skills", "N/A Reasons", "Custom Roles", "Tenant Settings"} {
		if pickers[screen] == 0 {
			t.Errorf("the %s screen has no OU picker (pickers per screen: %v)", screen, pickers)
		}
	}
}
