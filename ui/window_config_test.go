package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/uitest"
	"nimbusadmin/ui/widgets"
)

// Closing Nimbus Admin while the Configuration window holds unsaved edits asks about
// them first: Keep editing keeps both windows open with the edits, Discard closes.
func TestClosingNimbusAdminAsksAboutConfigurationEdits(t *testing.T) {
	nimbus := windowDemoTenant(t)
	m, closed := windowOpenWatched(t, test.NewTempApp(t), nimbus, nil)
	m.onConfiguration()
	cw := m.config
	t.Cleanup(func() {
		if m.config != nil { // closing Nimbus Admin closes it; the test driver cannot close a window twice
			cw.Close()
		}
	})
	var picker *widgets.OUPicker
	uitest.Walk(cw.Content(), func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && picker == nil {
			for _, item := range tabs.Items {
				if item.Text == "Tenant Settings" {
					tabs.Select(item)
					uitest.Walk(item.Content, func(o fyne.CanvasObject) {
						if p, ok := o.(*widgets.OUPicker); ok {
							picker = p
						}
					})
				}
			}
		}
	})
	if picker == nil {
		t.Fatal("no OU picker on the Tenant Settings screen")
	}
	tree, _ := nimbus.OUTree(context.Background())
	other := ""
	for _, p := range widgets.NewOUChoices(tree).Paths {
		if p != picker.Selected {
			other = p
		}
	}
	picker.SetSelected(other)

	m.requestCloseWithConfiguration()
	asked := func(text string) fyne.CanvasObject {
		if top := cw.Canvas().Overlays().Top(); top != nil {
			if b := uitest.Button(top, text); b != nil {
				return b
			}
		}
		return nil
	}
	if *closed || asked("Keep editing") == nil {
		t.Fatalf("closing with an unsaved Configuration edit: closed %v, asked %v", *closed, asked("Keep editing") != nil)
	}
	test.Tap(uitest.Button(cw.Canvas().Overlays().Top(), "Keep editing"))
	if *closed || picker.Selected != other {
		t.Fatalf("Keep editing: closed %v, the OU for users from Teams is %q", *closed, picker.Selected)
	}
	m.requestCloseWithConfiguration()
	test.Tap(uitest.Button(cw.Canvas().Overlays().Top(), "Discard"))
	if !*closed {
		t.Error("Discard did not close Nimbus Admin")
	}
}

// "Show them in the user list" on the Custom Roles screen filters the list by that role.
func TestConfigurationShowsARolesHoldersInTheList(t *testing.T) {
	nimbus := windowDemoTenant(t)
	m := windowOpen(t, test.NewTempApp(t), nimbus, nil)
	m.onConfiguration()
	cw := m.config
	t.Cleanup(func() { cw.Close() })
	var show *widget.Button
	uitest.Walk(cw.Content(), func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && show == nil {
			for _, item := range tabs.Items {
				if item.Text == "Custom Roles" {
					tabs.Select(item)
					show = uitest.Button(item.Content, "Show them in the user list")
				}
			}
		}
	})
	if show == nil || !show.Visible() {
		t.Fatal("the Custom Roles screen offers no way to show the holders in the list")
	}
	test.Tap(show)
	if m.filters.filters.RoleID == 0 || m.filters.role.Selected == filterAll {
		t.Fatalf("the list is not filtered by the role: %q", m.filters.role.Selected)
	}
	holders, err := nimbus.CustomRoleHolderCount(context.Background(), m.filters.filters.RoleID)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.table.hits); got == 0 || got > holders {
		t.Errorf("the list shows %d users, the role has %d holders", got, holders)
	}
}
