package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// screen reads and drives a window through what it shows, as an admin does: its texts,
// and taps on what says something.
type screen struct {
	t *testing.T
	w fyne.Window
}

// text is everything the window shows, dialogs first, separated by " | ".
func (s *screen) text() string {
	var out []string
	fyne.DoAndWait(func() {
		each(s.w, func(o fyne.CanvasObject) bool {
			switch v := o.(type) {
			case *widget.Label:
				out = append(out, v.Text)
			case *widget.Button:
				out = append(out, v.Text)
			case *canvas.Text:
				out = append(out, v.Text)
			default:
				return true
			}
			return false
		})
	})
	return strings.Join(out, " | ")
}

// has says whether the window shows text somewhere.
func (s *screen) has(text string) bool { return strings.Contains(s.text(), text) }

// waitFor waits up to limit for the window to show every one of texts.
func (s *screen) waitFor(limit time.Duration, what string, texts ...string) {
	s.t.Helper()
	waitUntil(s.t, limit, what, func() bool {
		got := s.text()
		for _, x := range texts {
			if !strings.Contains(got, x) {
				return false
			}
		}
		return true
	}, s.text)
}

// waitGone waits up to limit for the window to stop showing text.
func (s *screen) waitGone(limit time.Duration, what, text string) {
	s.t.Helper()
	waitUntil(s.t, limit, what, func() bool { return !s.has(text) }, s.text)
}

// tapButton taps the button that says text.
func (s *screen) tapButton(text string) {
	s.t.Helper()
	b := s.button(text)
	fyne.DoAndWait(func() { test.Tap(b) })
}

// buttonDisabled says whether the button that says text is greyed out.
func (s *screen) buttonDisabled(text string) bool {
	s.t.Helper()
	b := s.button(text)
	off := false
	fyne.DoAndWait(func() { off = b.Disabled() })
	return off
}

func (s *screen) button(text string) *widget.Button {
	s.t.Helper()
	var found *widget.Button
	fyne.DoAndWait(func() {
		each(s.w, func(o fyne.CanvasObject) bool {
			if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
				found = b
			}
			return found == nil
		})
	})
	if found == nil {
		s.t.Fatalf("the window shows no button %q: %s", text, s.text())
	}
	return found
}

// check is the check box that says text.
func (s *screen) check(text string) *widget.Check {
	s.t.Helper()
	var found *widget.Check
	fyne.DoAndWait(func() {
		each(s.w, func(o fyne.CanvasObject) bool {
			c, ok := o.(*widget.Check)
			if box, wraps := o.(interface{ CheckBox() *widget.Check }); wraps {
				c, ok = box.CheckBox(), true
			}
			if ok && c.Text == text && found == nil {
				found = c
			}
			return found == nil && !ok
		})
	})
	if found == nil {
		s.t.Fatalf("the window shows no check box %q: %s", text, s.text())
	}
	return found
}

// tapCheck ticks or unticks the check box that says text.
func (s *screen) tapCheck(text string) {
	s.t.Helper()
	c := s.check(text)
	fyne.DoAndWait(func() { test.Tap(c) })
}

// checked says whether the check box that says text is ticked.
func (s *screen) checked(text string) bool {
	s.t.Helper()
	c := s.check(text)
	on := false
	fyne.DoAndWait(func() { on = c.Checked })
	return on
}

// tapText taps, as a mouse would, the middle of a label or text that says text: the
// nth of them in the order text lists them, or the last for -1.
func (s *screen) tapText(text string, nth int) {
	s.t.Helper()
	var labels []fyne.CanvasObject
	fyne.DoAndWait(func() {
		each(s.w, func(o fyne.CanvasObject) bool {
			switch v := o.(type) {
			case *widget.Label:
				if v.Text == text {
					labels = append(labels, v)
				}
				return false
			case *canvas.Text:
				if v.Text == text {
					labels = append(labels, v)
				}
			}
			return true
		})
	})
	if nth < 0 {
		nth += len(labels)
	}
	if nth < 0 || nth >= len(labels) {
		s.t.Fatalf("the window shows %d labels %q, not one more than %d", len(labels), text, nth)
	}
	o := labels[nth]
	fyne.DoAndWait(func() {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
		test.TapCanvas(s.w.Canvas(), p)
	})
}

// each calls fn for every visible object of the window, dialogs first, going inside an
// object while fn says so.
func each(w fyne.Window, fn func(fyne.CanvasObject) bool) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || !fn(o) {
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	walk(w.Content())
}

// waitUntil waits up to limit for cond, failing with what it waited for and, when given,
// what the window shows.
func waitUntil(t *testing.T, limit time.Duration, what string, cond func() bool, shown ...func() string) {
	t.Helper()
	for start := time.Now(); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Since(start) > limit {
			msg := fmt.Sprintf("no %s within %v", what, limit)
			for _, f := range shown {
				msg += "; the window shows: " + f()
			}
			t.Fatal(msg)
		}
	}
}

// serialApp is a test app whose fyne.Do and fyne.DoAndWait run one at a time on a
// goroutine of their own, as on a real driver's main thread: the test driver runs them
// on the caller's goroutine, and a window followed from other goroutines then races.
type serialApp struct {
	fyne.App
	d *serialDriver
}

func (a *serialApp) Driver() fyne.Driver { return a.d }

type serialDriver struct {
	fyne.Driver
	work chan func()
	id   atomic.Uint64 // the goroutine running the work
}

// newSerialApp makes the test app current until the test ends.
func newSerialApp(t *testing.T) fyne.App {
	base := test.NewTempApp(t)
	d := &serialDriver{Driver: base.Driver(), work: make(chan func())}
	stop := make(chan struct{})
	go func() {
		d.id.Store(goroutineID())
		for {
			select {
			case f := <-d.work:
				f()
			case <-stop:
				return
			}
		}
	}()
	a := &serialApp{App: base, d: d}
	fyne.SetCurrentApp(a)
	t.Cleanup(func() { fyne.SetCurrentApp(base); close(stop) })
	return a
}

// DoFromGoroutine runs f on the work goroutine, at once when called from it.
func (d *serialDriver) DoFromGoroutine(f func(), wait bool) {
	if goroutineID() == d.id.Load() {
		f()
		return
	}
	done := make(chan struct{})
	d.work <- func() { defer close(done); f() }
	if wait {
		<-done
	}
}

// goroutineID is the number of the calling goroutine, as its stack trace gives it.
func goroutineID() uint64 {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	n, _ := strconv.ParseUint(strings.Fields(strings.TrimPrefix(string(b), "goroutine "))[0], 10, 64)
	return n
}
