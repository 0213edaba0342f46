package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/ui/widgets"
)

// The app draws every window in the theme where refusals and warnings read well.
func TestTheAppIsDrawnInTheReadableTheme(t *testing.T) {
	a := test.NewTempApp(t)
	NewStartWindow(a).Close()
	if _, ok := a.Settings().Theme().(widgets.ReadableTheme); !ok {
		t.Errorf("the app's theme is %T, want the readable theme", a.Settings().Theme())
	}
}

func TestTheStartWindowSaysHowManyDemoUsersAreBuilt(t *testing.T) {
	a := test.NewTempApp(t)
	windows := len(a.Driver().AllWindows())
	s := NewStartWindow(a)
	s.DemoProgress(41_000, 100_000)
	if want := "Building the demo tenant: 41,000 of 100,000 users…"; s.message.Text != want || s.bar.Value != 0.41 {
		t.Fatalf("the start window says %q at %v, want %q at 0.41", s.message.Text, s.bar.Value, want)
	}
	if s.win == nil || len(a.Driver().AllWindows()) != windows+1 {
		t.Fatal("the start window does not show with the first progress")
	}
	s.Close()
	s.DemoProgress(42_000, 100_000)
	if s.message.Text == "Building the demo tenant: 42,000 of 100,000 users…" {
		t.Fatal("a closed start window still takes progress")
	}
}

// A start without progress to show (the cache exists) makes no window: a window made and
// never shown cannot be closed and would keep the program running once the main window
// closes.
func TestAStartWithNothingToBuildMakesNoWindow(t *testing.T) {
	a := test.NewTempApp(t)
	windows := len(a.Driver().AllWindows())
	s := NewStartWindow(a)
	if n := len(a.Driver().AllWindows()) - windows; n != 0 {
		t.Fatalf("%d windows made before any progress", n)
	}
	s.Close()
}
