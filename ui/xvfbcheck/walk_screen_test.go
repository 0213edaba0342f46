//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// walkScreen drives one window of the real program in the virtual X server: xdotool for
// the mouse and the keyboard, ImageMagick's import for screenshots of the window alone.
type walkScreen struct {
	t      *testing.T
	env    []string
	win    string        // the X window id
	appLog *bytes.Buffer // what the program wrote, for failure messages
	keep   string        // the folder that keeps screenshots, "" for none
}

// xdo runs xdotool and returns its output; a failure ends the test.
func (s *walkScreen) xdo(args ...string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, "xdotool", args...)
	c.Env = s.env
	out, err := c.Output()
	if err != nil {
		s.t.Fatalf("xdotool %s: %v (program log: %s)", strings.Join(args, " "), err, s.appLog.String())
	}
	return strings.TrimSpace(string(out))
}

// click clicks at a point of the window, then moves the pointer off the window so that
// no hover highlight shows in the next screenshot.
func (s *walkScreen) click(p image.Point) {
	s.t.Helper()
	s.xdo("mousemove", "--window", s.win, strconv.Itoa(p.X), strconv.Itoa(p.Y), "click", "1")
	s.parkPointer()
}

// parkPointer rests the pointer on the status line's right end, where nothing reacts to
// it: Fyne keeps a hover highlight when the pointer leaves the window instead.
func (s *walkScreen) parkPointer() {
	s.t.Helper()
	size := strings.Fields(s.xdo("getwindowgeometry", "--shell", s.win))
	var w, h int
	for _, kv := range size {
		if v, ok := strings.CutPrefix(kv, "WIDTH="); ok {
			w, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(kv, "HEIGHT="); ok {
			h, _ = strconv.Atoi(v)
		}
	}
	s.xdo("mousemove", "--window", s.win, strconv.Itoa(w-8), strconv.Itoa(h-4))
}

// shot takes a screenshot of the window alone.
func (s *walkScreen) shot() image.Image {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, "import", "-window", s.win, "png:-")
	c.Env = s.env
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		s.t.Fatalf("import: %v %s", err, stderr.String())
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		s.t.Fatalf("import wrote no PNG: %v", err)
	}
	return img
}

// waitFor takes screenshots until cond holds and the window has stopped changing (two
// screenshots in a row differ in fewer than 100 pixels), and returns the last one. After
// timeout the test fails, keeping the last screenshot as failed-<what>.png when a folder
// for screenshots is set.
func (s *walkScreen) waitFor(what string, timeout time.Duration, cond func(image.Image) bool) image.Image {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var last image.Image
	for {
		img := s.shot()
		if last != nil && walkDiff(last, img, img.Bounds()) < 100 && cond(img) {
			return img
		}
		last = img
		if time.Now().After(deadline) {
			s.save("failed-"+strings.Map(walkFileRune, what), img)
			s.t.Fatalf("after %v the window still does not show %s (program log: %s)", timeout, what, s.appLog.String())
		}
		time.Sleep(400 * time.Millisecond)
	}
}

// walkFileRune keeps letters and digits of a description for a file name.
func walkFileRune(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r
	}
	return '-'
}

// save writes a screenshot into the folder for screenshots, when one is set.
func (s *walkScreen) save(name string, img image.Image) {
	s.t.Helper()
	if s.keep == "" {
		return
	}
	if err := os.MkdirAll(s.keep, 0o755); err != nil {
		s.t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.keep, name+".png"), buf.Bytes(), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// walkDiff counts the pixels of r that differ between two screenshots.
func walkDiff(a, b image.Image, r image.Rectangle) int {
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			if ar != br || ag != bg || ab != bb {
				n++
			}
		}
	}
	return n
}
