package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/buildinfo"
	"nimbusadmin/ui/uitest"
)

// menuItem is the item labelled label of the window's menu named menu, nil when there is none.
func menuItem(w fyne.Window, menu, label string) *fyne.MenuItem {
	if w.MainMenu() == nil {
		return nil
	}
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == menu && it.Label == label {
				return it
			}
		}
	}
	return nil
}

func TestHelpAboutShowsTheLineOfNimbusadminVersion(t *testing.T) {
	was := buildinfo.Current()
	buildinfo.Set(buildinfo.Info{Version: "0.1.0", Commit: "5f18b17c0ffee5f18b17c0ffee5f18b17c0ffee0", Date: "2026-12-03T18:05:02Z"})
	t.Cleanup(func() { buildinfo.Set(was) })
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	about := menuItem(m.win, "Help", "About Nimbus Admin")
	if about == nil {
		t.Fatal("the window has no Help > About Nimbus Admin")
	}
	about.Action()
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("About opened nothing")
	}
	want := "Nimbus Admin 0.1.0 (commit 5f18b17, built 2026-12-03T18:05:02Z)"
	shown := false
	uitest.Walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == want {
			shown = true
		}
	})
	if !shown {
		t.Errorf("About does not show %q", want)
	}
	test.Tap(uitest.Button(top, "Copy"))
	if got := a.Clipboard().Content(); got != want {
		t.Errorf("Copy put %q on the clipboard, want %q", got, want)
	}
}

func TestFileQuitAsksAboutUnsavedEditsAsClosingDoes(t *testing.T) {
	m, _, _, closed := windowWithLicenceDraft(t)
	quit := menuItem(m.win, "File", "Quit")
	if quit == nil || !quit.IsQuit {
		t.Fatal("the window has no File > Quit of its own")
	}
	quit.Action()
	if *closed {
		t.Fatal("Quit closed the window over an unsaved edit without asking")
	}
	if windowAsked(m, "Keep editing") == nil {
		t.Error("Quit asked nothing about the unsaved edit")
	}
}
