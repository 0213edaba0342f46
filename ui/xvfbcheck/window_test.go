//go:build xvfb

// Package xvfbcheck runs the real program in a virtual X server the size of a 1366×768
// laptop screen: it builds the binary with the GL driver, opens the main window on a demo
// cache, types a search, Ctrl+clicks an OU and selects a user with xdotool, and compares
// screenshots; every window and dialog must fit that screen. Run it with
//
//	go test -tags 'migrated_fynedo xvfb' -count=1 ./ui/xvfbcheck/
//
// It needs Xvfb, xdotool and ImageMagick's import. WINDOW_CHECK_SCREENSHOT=path keeps
// the last screenshot (the README's docs/main-window.png).
package xvfbcheck

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRealWindowSearchesAndSelectsAUser(t *testing.T) {
	bin, dir := buildApp(t, "Xvfb", "xdotool", "import")
	env := appEnv(startXvfb(t), dir)
	appLog, _ := startApp(t, bin, env, "--demo", "--demo-users", "2000", "--db", filepath.Join(dir, "demo.db"))

	xdo := func(args ...string) string {
		t.Helper()
		c := exec.Command("xdotool", args...)
		c.Env = env
		out, err := c.Output()
		if err != nil {
			t.Fatalf("xdotool %s: %v (app log: %s)", strings.Join(args, " "), err, appLog.String())
		}
		return strings.TrimSpace(string(out))
	}
	win := strings.Fields(xdo("search", "--sync", "--onlyvisible", "--limit", "1", "--name", "^Nimbus Admin$"))[0]
	shot := func(name string) image.Image {
		t.Helper()
		time.Sleep(1500 * time.Millisecond) // let the window paint
		path := filepath.Join(dir, name+".png")
		c := exec.Command("import", "-window", win, path)
		c.Env = env
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("import: %v %s", err, out)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}

	before := shot("list")
	if b := before.Bounds(); b.Dx() < 1000 || b.Dy() < 600 {
		t.Fatalf("the window is %v, want the default of about 1340×680", b)
	}
	xdo("mousemove", "--window", win, "150", "20", "click", "1")
	xdo("type", "--delay", "60", "sharma")
	searched := shot("search")
	if n := changed(before, searched); n < 2000 {
		t.Fatalf("the search changed %d pixels: the list did not narrow", n)
	}
	// Ctrl+click on the "Support" OU, the last one in view under the root: the list keeps that OU only.
	xdo("keydown", "ctrl")
	xdo("mousemove", "--window", win, "130", "296", "click", "1")
	xdo("keyup", "ctrl")
	narrowed := shot("ou")
	if n := changed(searched, narrowed); n < 2000 {
		t.Fatalf("Ctrl+click on an OU changed %d pixels: the list did not narrow", n)
	}
	xdo("mousemove", "--window", win, "700", "400")
	xdo("key", "Down", "Down")
	selected := shot("selected")
	if n := changed(narrowed, selected); n < 2000 {
		t.Fatalf("selecting a user changed %d pixels: no detail appeared", n)
	}
	if keep := os.Getenv("WINDOW_CHECK_SCREENSHOT"); keep != "" {
		data, err := os.ReadFile(filepath.Join(dir, "selected.png"))
		if err != nil || os.WriteFile(keep, data, 0o644) != nil {
			t.Fatalf("cannot keep the screenshot in %s", keep)
		}
	}
}

// buildApp checks that the tools a check drives are installed, then builds the program
// with the GL driver into a new temporary folder; it returns the binary and that folder.
func buildApp(t testing.TB, tools ...string) (bin, dir string) {
	t.Helper()
	packages := make([]string, len(tools))
	for i, tool := range tools {
		packages[i] = toolPackages[tool]
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: make deps installs it (%s)", tool, strings.Join(packages, ", "))
		}
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "nimbusadmin")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "nimbusadmin")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin, dir
}

// toolPackages names the system package that installs each tool the checks drive.
var toolPackages = map[string]string{"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick", "xclip": "xclip"}

// appEnv is the environment the program runs in on display: English messages, and home
// for its settings, so that a check never reads or writes the machine's own.
func appEnv(display, home string) []string {
	return append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"))
}

// startApp runs the program with args in env until stop is called or the test ends, and
// keeps what it prints in appLog for failure messages.
func startApp(t *testing.T, bin string, env []string, args ...string) (appLog *bytes.Buffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	run := exec.CommandContext(ctx, bin, args...)
	run.Env = env
	appLog = new(bytes.Buffer)
	run.Stdout, run.Stderr = appLog, appLog
	if err := run.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	stop = sync.OnceFunc(func() { cancel(); run.Wait() })
	t.Cleanup(stop)
	return appLog, stop
}

// startXvfb starts a virtual X server on a free display and returns its name.
func startXvfb(t testing.TB) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", laptopWidth, laptopHeight), "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("Xvfb did not start: %v", err)
	}
	return fmt.Sprintf(":%s", strings.TrimSpace(line))
}

// changed counts the pixels that differ between two screenshots of the same window.
func changed(a, b image.Image) int {
	n := 0
	bounds := a.Bounds().Intersect(b.Bounds())
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}
