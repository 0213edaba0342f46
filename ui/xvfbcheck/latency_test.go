//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// latencyKeys is what the admin types into the search field, one keystroke per entry: four
// names letter by letter, each erased again. Every keystroke changes the number of users
// listed on both demo tenants, so each one repaints the list (a keystroke that changed
// nothing would have no repaint to wait for). It mixes the three costs of a search: a first
// letter scans every user, a further letter narrows the previous hits, and a backspace
// finds an earlier result.
var latencyKeys = []string{"j", "o", "h", "n", "⌫", "⌫", "⌫", "⌫", "w", "a", "n", "g", "⌫", "⌫", "⌫", "⌫",
	"h", "a", "o", "⌫", "⌫", "⌫", "y", "a", "n", "⌫", "⌫", "⌫"}

// Targets of the main window on a large tenant, measured with the same method on both sizes
// in one run, so the machine's speed and load cancel out of the ratio.
const (
	maxKeystrokeRatio  = 1.3                    // median keystroke-to-repaint, 100,000 users vs 2,000
	maxDownToDetail    = 100 * time.Millisecond // median ↓-to-detail repaint at 100,000 users
	latencyDownPresses = 20
)

// TestKeystrokeAndDownLatencyAt100kUsers opens the window on a 2,000-user and on a
// 100,000-user demo tenant, each in its own Xvfb, types the same keystrokes into both in
// turn and presses ↓ in both lists in turn, and measures from the key press to the end of
// the repaint it causes (see measure). It logs the median and the 90th percentile of each
// and fails when a keystroke at 100,000 users takes more than maxKeystrokeRatio times as
// long as at 2,000, or ↓ more than maxDownToDetail (see below for a busy machine). Run it
// alone, on a machine as idle as can be, with
//
//	go test -tags 'migrated_fynedo xvfb' -count=1 -run Latency -v ./ui/xvfbcheck/
func TestKeystrokeAndDownLatencyAt100kUsers(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: make deps installs it (xvfb, xdotool)", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "nimbusadmin")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "nimbusadmin")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	small := openLatencyWindow(t, bin, dir, 2_000)
	large := openLatencyWindow(t, bin, dir, 100_000)
	windows := []*latencyWindow{small, large}

	for _, w := range windows {
		w.focusSearch()
	}
	for _, k := range latencyKeys {
		keysym := uint32(keysymBackSpace)
		if k != "⌫" {
			keysym = uint32(k[0])
		}
		for _, w := range windows {
			w.typed = append(w.typed, w.measure(keysym))
		}
	}
	for _, w := range windows {
		w.measure(keysymDown) // from the search field into the list: the first user opens
	}
	for range latencyDownPresses {
		for _, w := range windows {
			w.down = append(w.down, w.measure(keysymDown))
		}
	}

	for _, w := range windows {
		t.Logf("%7d users, each keystroke (first/last change, ms): %s", w.users, listRepaints(w.typed))
		t.Logf("%7d users, each ↓ (first/last change, ms): %s", w.users, listRepaints(w.down))
	}
	for _, w := range windows {
		t.Logf("%7d users: keystroke to list repaint median %v, p90 %v (first change median %v); ↓ to detail repaint median %v, p90 %v",
			w.users, median(w.typed, last), p90(w.typed, last), median(w.typed, first), median(w.down, last), p90(w.down, last))
	}
	ratio := float64(median(large.typed, last)) / float64(median(small.typed, last))
	t.Logf("keystroke latency ratio 100,000 vs 2,000 users: %.2f (target ≤ %.1f)", ratio, maxKeystrokeRatio)
	if ratio > maxKeystrokeRatio {
		t.Errorf("a keystroke repaints the list %.2f times slower at 100,000 users than at 2,000, want at most %.1f", ratio, maxKeystrokeRatio)
	}
	// ↓ has an absolute target, which a busy machine misses for reasons the window has no
	// part in: Xvfb's software rendering shares the cores with whatever else runs, and then
	// every repaint is slow. A keystroke on 2,000 users, measured in the same run, is what a
	// repaint costs on this machine now (and the speed the issue found acceptable), so ↓
	// over the target fails only when it is also clearly slower than that keystroke (the
	// same factor as the keystroke ratio); otherwise the log shows the figure and why.
	d, key2k := median(large.down, last), median(small.typed, last)
	switch {
	case d > maxDownToDetail && float64(d) > maxKeystrokeRatio*float64(key2k):
		t.Errorf("↓ repaints the detail in %v at 100,000 users, want at most %v (a keystroke at 2,000 users: %v)", d, maxDownToDetail, key2k)
	case d > maxDownToDetail:
		t.Logf("↓ at 100,000 users took %v, over the %v target, but a keystroke at 2,000 users took %v: the machine is busy", d, maxDownToDetail, key2k)
	}
}

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
		env: append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"))}
	demo := []string{"--demo", "--demo-users", strconv.Itoa(users), "--db", db}
	gen := exec.Command(bin, append(demo, "users", "--search", "no such user")...)
	gen.Env = w.env
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("generating the %d-user demo: %v\n%s", users, err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	run := exec.CommandContext(ctx, bin, demo...)
	run.Env = w.env
	run.Stdout, run.Stderr = io.Discard, io.Discard
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); run.Wait() })

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

// Where the search field is: the check clicks into it, and its typed text stays left of
// searchTextRight.
const (
	searchFieldX, searchFieldY = 150, 20
	searchFieldBottom          = 44
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
