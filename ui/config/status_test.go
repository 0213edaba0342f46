package config

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// saidDone tells whether a screen's status line reports a change as done: it says
// something, and not in the error colour.
func saidDone(status *widget.Label) bool {
	return status.Text != "" && status.Importance != widget.DangerImportance
}

// The result of a change in the Configuration window reads at a glance in the light and
// the dark theme (at least 4.5 to 1 against the background; the success green is about
// 1.5 to 1 on white), and a refusal shows in the error colour.
func TestConfigResultsAreReadableInBothThemes(t *testing.T) {
	cw, _, _ := configTestWindow(t, "Tenant Settings")
	s := cw.settings
	for _, th := range []uitest.VariantTheme{uitest.Light(), uitest.Dark()} {
		fyne.CurrentApp().Settings().SetTheme(th)
		s.adminGroup.SetText(fmt.Sprintf("Nimbus Owners %d", th.Variant))
		test.Tap(s.saveBtn)
		if !saidDone(s.status) {
			t.Fatalf("saving the tenant settings: %q", s.status.Text)
		}
		if c := uitest.Contrast(uitest.TextColour(t, s.status), th.Background()); c < 4.5 {
			t.Errorf("theme variant %d: %q contrasts %.1f to 1 with the background", th.Variant, s.status.Text, c)
		}
		s.contingents[data.Assistant].SetText("not a number")
		test.Tap(s.saveBtn)
		if got, want := uitest.TextColour(t, s.status), th.Color(theme.ColorNameError, th.Variant); s.status.Importance != widget.DangerImportance || !uitest.SameColour(got, want) {
			t.Errorf("theme variant %d: the refusal %q shows in %v, not the error colour", th.Variant, s.status.Text, got)
		}
		s.contingents[data.Assistant].SetText("")
	}
}

// Every line of text on the Services and Custom Roles screens (the reason the type is
// fixed, the features table, where each item lives) reads at least 4.5 to 1 against the
// light theme's background; only refusals use a colour of their own.
func TestConfigScreensTextIsReadableInTheLightTheme(t *testing.T) {
	for _, tab := range []string{"Services", "Custom Roles"} {
		cw, w, _ := configTestWindow(t, tab)
		th := uitest.Light()
		fyne.CurrentApp().Settings().SetTheme(th)
		if tab == "Services" {
			cw.services.matrix.show(data.SkillBased)
		}
		checked := 0
		uitest.Walk(w.Content(), func(o fyne.CanvasObject) {
			l, ok := o.(*widget.Label)
			if !ok || l.Text == "" || !l.Visible() || l.Importance == widget.DangerImportance || l.Importance == widget.WarningImportance {
				return
			}
			checked++
			if c := uitest.Contrast(uitest.TextColour(t, l), th.Background()); c < 4.5 {
				t.Errorf("%s: %q contrasts %.1f to 1 with the background", tab, l.Text, c)
			}
		})
		if checked < 10 {
			t.Errorf("%s: only %d lines of text found", tab, checked)
		}
	}
}
