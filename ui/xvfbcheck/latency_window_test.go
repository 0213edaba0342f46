//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// latencyWindow is the program's main window on one demo tenant in its own X server,
// with what was measured on it.
type latencyWindow struct {
	t      *testing.T
	users  int
	env    []string
	x      *xConn
	win    uint32
	lines  []rect // the rows of pixels watched for a repaint
	typed  []repaint
	down   []repaint
	sample []byte
}

// repaint is how long after a key press the window's pixels first and last changed.
type repaint struct{ first, last time.Duration }

func first(r repaint) time.Duration { return r.first }
func last(r repaint) time.Duration  { return r.last }

// openLatencyWindow generates the demo tenant with the command line (so that the window
// opens on a ready cache), starts the window in a new Xvfb and waits until the list shows.
func openLatencyWindow(t *testing.T, bin, dir string, users int) *latencyWindow {
	t.Helper()
	home := filepath.Join(dir, strconv.Itoa(users))
	db := filepath.Join(home, "demo.db")
	display := startXvfb(t)
	w := &latencyWindow{t: t, users: users,
		env: appEnv(display, home)}
	demo := []string{"--demo", "--demo-users", strconv.Itoa(users), "--db", db}
	gen := exec.Command(bin, append(demo, "users", "--search", "no such user")...)
	gen.Env = w.env
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("generating the %d-user demo: %v\n%s", users, err, out)
	}
	startApp(t, bin, w.env, demo...)

	id, err := strconv.ParseUint(strings.Fields(w.xdo("search", "--sync", "--onlyvisible", "--limit", "1", "--name", "^Nimbus Admin$"))[0], 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	w.win = uint32(id)
	if w.x, err = dialX(display); err != nil {
		t.Fatalf("connecting to %s: %v", display, err)
	}
	t.Cleanup(func() { w.x.Close() })
	width, height := w.geometry()
	// Every sixth row of pixels but the search field's text (its cursor blinks); the
	// count of users listed, right of the field, is watched with the list.
	for y := 0; y < height; y += 6 {
		if y < searchFieldBottom {
			w.lines = append(w.lines, rect{searchTextRight, y, width - searchTextRight, 1})
		} else {
			w.lines = append(w.lines, rect{0, y, width, 1})
		}
	}
	w.waitForList()
	return w
}

// Where the search field is, under the menu bar: the check clicks into it, and its typed
// text stays left of searchTextRight.
const (
	searchFieldX, searchFieldY = 150, 48
	searchFieldBottom          = 72
	searchTextRight            = 400
)

func (w *latencyWindow) xdo(args ...string) string {
	w.t.Helper()
	c := exec.Command("xdotool", args...)
	c.Env = w.env
	out, err := c.Output()
	if err != nil {
		w.t.Fatalf("xdotool %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

// geometry is the window's size in pixels.
func (w *latencyWindow) geometry() (width, height int) {
	for _, line := range strings.Split(w.xdo("getwindowgeometry", "--shell", fmt.Sprint(w.win)), "\n") {
		k, v, _ := strings.Cut(line, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "WIDTH":
			width = n
		case "HEIGHT":
			height = n
		}
	}
	return width, height
}

// grab reads the watched pixels.
func (w *latencyWindow) grab() []byte {
	w.t.Helper()
	var err error
	w.sample, err = w.x.pixels(w.win, w.lines, w.sample)
	if err != nil {
		w.t.Fatalf("reading the window's pixels: %v", err)
	}
	return w.sample
}

// waitForList waits until the window has painted the loaded list: its pixels changed
// since it appeared and then stayed still for two seconds (or never changed in ten,
// when the list was there before the first look).
func (w *latencyWindow) waitForList() {
	w.t.Helper()
	prev := bytes.Clone(w.grab())
	changed, still := false, time.Now()
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cur := w.grab(); !bytes.Equal(cur, prev) {
			prev, changed, still = bytes.Clone(cur), true, time.Now()
		}
		if quiet := time.Since(still); changed && quiet > 2*time.Second || quiet > 10*time.Second {
			return
		}
	}
	w.t.Fatalf("the %d-user window never settled", w.users)
}

// focusSearch clicks into the search field and parks the pointer there.
func (w *latencyWindow) focusSearch() {
	w.xdo("mousemove", "--window", fmt.Sprint(w.win), fmt.Sprint(searchFieldX), fmt.Sprint(searchFieldY), "click", "1")
	time.Sleep(time.Second)
}

// Polling of one measurement: how often the pixels are read, how long they must stay
// still for the repaint to count as finished, and how long to wait for a first change.
const (
	pollEvery   = 4 * time.Millisecond
	repaintDone = 600 * time.Millisecond
	noRepaint   = 5 * time.Second
)

// measure presses the key and watches the pixels until they have been still for
// repaintDone: the last change is the end of the repaint the key caused, the first one
// its first frame (the list's rows and count, or the detail, drawn while the rest may
// follow). A key that changes nothing fails the check: it would measure nothing.
func (w *latencyWindow) measure(keysym uint32) repaint {
	w.t.Helper()
	prev := bytes.Clone(w.grab())
	start := time.Now()
	if err := w.x.key(keysym); err != nil {
		w.t.Fatal(err)
	}
	var r repaint
	for {
		at := time.Since(start)
		if cur := w.grab(); !bytes.Equal(cur, prev) {
			prev = append(prev[:0], cur...)
			if r.first == 0 {
				r.first = at
			}
			r.last = at
		}
		now := time.Since(start)
		if r.first > 0 && now-r.last > repaintDone {
			return r
		}
		if r.first == 0 && now > noRepaint {
			w.t.Fatalf("the %d-user window did not repaint within %v of the key %#x", w.users, noRepaint, keysym)
		}
		time.Sleep(pollEvery)
	}
}

// listRepaints writes the repaints in milliseconds, for the log.
func listRepaints(rs []repaint) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%d/%d", r.first.Milliseconds(), r.last.Milliseconds())
	}
	return strings.Join(parts, " ")
}

// median and p90 of one figure of the repaints.
func median(rs []repaint, f func(repaint) time.Duration) time.Duration { return quantile(rs, f, 50) }
func p90(rs []repaint, f func(repaint) time.Duration) time.Duration    { return quantile(rs, f, 90) }

func quantile(rs []repaint, f func(repaint) time.Duration, pct int) time.Duration {
	if len(rs) == 0 {
		return 0
	}
	ds := make([]time.Duration, len(rs))
	for i, r := range rs {
		ds[i] = f(r)
	}
	slices.Sort(ds)
	return ds[(len(ds)-1)*pct/100].Round(time.Millisecond)
}
