package ui

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/uitest"
)

// quitRecorder is an app that notes when it is told to quit instead of doing nothing.
type quitRecorder struct {
	fyne.App
	quit bool
}

func (q *quitRecorder) Quit() { q.quit = true }

// startupTexts is every text the window draws, its dialog included.
func startupTexts(w fyne.Window) string {
	var texts []string
	for _, o := range append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...) {
		uitest.Walk(o, func(c fyne.CanvasObject) {
			switch v := c.(type) {
			case *widget.Label:
				texts = append(texts, v.Text)
			case *widget.RichText:
				texts = append(texts, v.String())
			}
		})
	}
	return strings.Join(texts, "\n")
}

// A window that cannot start says why in a dialog, and dismissing the dialog or closing
// the window quits the program.
func TestAWindowThatCannotStartSaysWhyAndQuitsWhenClosed(t *testing.T) {
	reason := errors.New("cannot open the cache /home/ann/nimbus.db: it was written by a newer version of Nimbus Admin")
	for _, how := range []string{"OK", "Esc", "close the window"} {
		a := &quitRecorder{App: test.NewTempApp(t)}
		w := ShowStartupError(a, reason)
		if got := startupTexts(w); !strings.Contains(got, "Cannot open the cache /home/ann/nimbus.db: it was written by a newer version") {
			t.Fatalf("the window shows %q, not the reason", got)
		}
		if w.Canvas().Overlays().Top() == nil {
			t.Fatal("no dialog shows the reason")
		}
		switch how {
		case "OK":
			ok := uitest.Button(w.Canvas().Overlays().Top(), "OK")
			if ok == nil {
				t.Fatalf("the dialog has no OK button: %q", startupTexts(w))
			}
			test.Tap(ok)
		case "Esc":
			w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		default:
			w.Close()
		}
		if !a.quit {
			t.Errorf("%s: the program did not quit", how)
		}
	}
}

// Where no display is named (Linux with neither DISPLAY nor WAYLAND_DISPLAY), the window
// cannot open, and the reason says what works instead.
func TestNoDisplayIsSaidBeforeFyneTries(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	err := NoDisplay(getenv)
	if runtime.GOOS != "linux" {
		if err != nil {
			t.Errorf("on %s a display is not named in the environment, yet: %v", runtime.GOOS, err)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), "DISPLAY") || !strings.Contains(err.Error(), "nimbusadmin help") {
		t.Errorf("no display: %v", err)
	}
	for _, k := range []string{"DISPLAY", "WAYLAND_DISPLAY"} {
		env = map[string]string{k: ":0"}
		if err := NoDisplay(getenv); err != nil {
			t.Errorf("with %s set: %v", k, err)
		}
	}
}
