//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"encoding/json"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The screen of the smallest laptop admins use; startXvfb gives every check this screen.
const laptopWidth, laptopHeight = 1366, 768

// TestEveryWindowFitsALaptopScreen runs the program on a 1366×768 screen and checks by
// screenshot that the main window, a user's detail view, the Configuration window, the
// Create dialog and the sign-in dialog open inside the screen (so every button of theirs
// is on it), that the list shows all eight columns with nobody selected, and that a
// Japanese name is drawn with its own glyphs, not boxes. LAPTOP_SCREENSHOTS=folder keeps
// the screenshots.
func TestEveryWindowFitsALaptopScreen(t *testing.T) {
	l := newLaptopRun(t)

	// The main window with nobody selected.
	s := l.start()
	s.xdo("key", "ctrl+f")
	s.xdo("type", "--delay", "20", "zzzz-nobody")
	empty := s.waitFor("an empty list", 30*time.Second, func(image.Image) bool { return true })
	l.fits(s, "the main window")
	s.xdo("key", "Escape")
	list := s.waitFor("the whole list again", 30*time.Second, func(img image.Image) bool {
		return walkDiff(empty, img, img.Bounds()) > 2000
	})
	s.save("laptop-main", list)
	if buttons := walkFindButtons(list, image.Rect(0, 0, list.Bounds().Dx(), 80)); len(buttons) == 0 {
		t.Fatal("the main window shows no Create button in its header")
	}
	dividers, top, bottom := laptopColumnDividers(list, 200)
	if len(dividers) == 0 {
		t.Fatal("no column dividers of the user list found")
	}
	if len(dividers) != 7 {
		t.Errorf("with nobody selected the list shows %d column dividers (at x %v), want the 7 between eight columns", len(dividers), dividers)
	}
	l.listDoesNotScrollSideways(s, list, dividers, top, bottom)

	// A Japanese name, found alone by its UPN.
	s.xdo("key", "ctrl+f")
	s.xdo("type", "--delay", "20", l.japanese.UPN)
	// Wait for the list to hold that one row (a row's height of changed pixels in the name
	// column), not for the first keystroke to show: a shot taken mid-typing found part of
	// another list there.
	nameCell := image.Rect(dividers[0]-260, top, dividers[0]-2, bottom)
	one := s.waitFor("the list narrowed to "+l.japanese.UPN, 30*time.Second, func(img image.Image) bool {
		box := laptopChangedBox(empty, img, nameCell)
		return box.Dy() > 0 && box.Dy() < 60
	})
	name := laptopChangedBox(empty, one, nameCell)
	glyphs, shapes := laptopGlyphShapes(one, name)
	s.save("laptop-japanese", one)
	// Kanji side by side may touch; boxes for missing glyphs never do and all look alike.
	if glyphs < 3 || shapes < glyphs-1 {
		t.Errorf("%s is drawn as %d glyphs of %d different shapes in %v, want at least 3 mostly different ones (boxes for missing glyphs all look alike)",
			l.japanese.DisplayName, glyphs, shapes, name)
	}

	// Their detail view beside the list.
	s.xdo("key", "Down")
	detail := s.waitFor("the detail view of "+l.japanese.UPN, 30*time.Second, func(img image.Image) bool {
		_, ok := walkFindTabBar(img, 2)
		return ok
	})
	s.save("laptop-detail", detail)
	l.fits(s, "the main window with a user's details")

	// The Configuration window, opened with the button right of Create.
	create := walkFindButtons(detail, image.Rect(0, 0, detail.Bounds().Dx(), 80))[0]
	s.click(image.Pt(create.Max.X+30, (create.Min.Y+create.Max.Y)/2))
	config := &walkScreen{t: t, env: l.env, appLog: s.appLog, keep: s.keep}
	config.win = strings.Fields(s.xdo("search", "--sync", "--onlyvisible", "--limit", "1", "--name", "Configuration$"))[0]
	s.save("laptop-configuration", config.waitFor("the Configuration window", 60*time.Second, func(image.Image) bool { return true }))
	l.fits(config, "the Configuration window")
	l.stop()

	// The Create dialog (Ctrl+N), in a fresh start.
	s = l.start()
	before := s.waitFor("the user list", 60*time.Second, func(image.Image) bool { return true })
	s.xdo("key", "ctrl+n")
	l.dialogFits(s, "the Create dialog", before)
	l.stop()

	// The sign-in dialog: the header's second line ends with Sign in…, in the look of the
	// Configuration button right of Create.
	s = l.start()
	before = s.waitFor("the user list", 60*time.Second, func(image.Image) bool { return true })
	create = walkFindButtons(before, image.Rect(0, 0, before.Bounds().Dx(), 80))[0]
	like := image.Pt(create.Max.X+12, create.Min.Y+3) // the Configuration button's background
	band := image.Rect(0, create.Max.Y+1, before.Bounds().Max.X, create.Max.Y+50)
	header := laptopButtonsLike(before, like, band)
	if len(header) < 2 {
		t.Fatalf("the header's second line shows %d buttons (%v), want Sync and Sign in…", len(header), header)
	}
	slices.SortFunc(header, func(a, b image.Rectangle) int { return a.Min.X - b.Min.X })
	s.click(walkCentre(header[len(header)-1]))
	l.dialogFits(s, "the sign-in dialog", before)
}

// laptopRun is one program, one demo cache and one 1366×768 screen, started as often as
// a check needs a fresh window.
type laptopRun struct {
	t        *testing.T
	bin, db  string
	env      []string
	keep     string
	japanese struct{ UPN, DisplayName string }
	stopApp  func() // ends the program started last; nil when none runs
}

func newLaptopRun(t *testing.T) *laptopRun {
	t.Helper()
	bin, dir := buildApp(t, "Xvfb", "xdotool", "import")
	l := &laptopRun{t: t, bin: bin, db: filepath.Join(dir, "demo.db"), keep: os.Getenv("LAPTOP_SCREENSHOTS")}
	if l.keep != "" && !filepath.IsAbs(l.keep) {
		l.keep = filepath.Join("..", "..", l.keep)
	}
	var all []struct {
		UPN         string `json:"userPrincipalName"`
		DisplayName string `json:"displayName"`
	}
	out := walkCLI(t, l.bin, l.db, "users", "--format", "json")
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatalf("users --format json: %v\n%.500s", err, out)
	}
	for _, u := range all {
		if !strings.ContainsFunc(u.DisplayName, func(r rune) bool { return unicode.Is(unicode.Hiragana, r) }) {
			continue
		}
		var found []json.RawMessage
		if err := json.Unmarshal([]byte(walkCLI(t, l.bin, l.db, "users", "--search", u.UPN, "--format", "json")), &found); err != nil {
			t.Fatal(err)
		}
		if len(found) == 1 {
			l.japanese.UPN, l.japanese.DisplayName = u.UPN, u.DisplayName
			break
		}
	}
	if l.japanese.UPN == "" {
		t.Fatalf("the demo tenant has no user with a name in hiragana whom a search for the UPN finds alone (of %d)", len(all))
	}
	l.env = appEnv(startXvfb(t), dir)
	return l
}

// start runs the program's window on the demo cache and waits for it.
func (l *laptopRun) start() *walkScreen {
	l.t.Helper()
	var appLog *bytes.Buffer
	appLog, l.stopApp = startApp(l.t, l.bin, l.env, "--demo", "--db", l.db)
	s := &walkScreen{t: l.t, env: l.env, appLog: appLog, keep: l.keep}
	s.win = strings.Fields(s.xdo("search", "--sync", "--onlyvisible", "--limit", "1", "--name", "^Nimbus Admin$"))[0]
	s.xdo("windowfocus", s.win)
	s.parkPointer()
	return s
}

// stop ends the running program, if any.
func (l *laptopRun) stop() {
	if l.stopApp != nil {
		l.stopApp()
		l.stopApp = nil
	}
}

// fits checks that a window lies inside the laptop's screen.
func (l *laptopRun) fits(s *walkScreen, what string) {
	l.t.Helper()
	g := map[string]int{}
	for _, kv := range strings.Fields(s.xdo("getwindowgeometry", "--shell", s.win)) {
		if k, v, ok := strings.Cut(kv, "="); ok {
			g[k], _ = strconv.Atoi(v)
		}
	}
	if g["X"] < 0 || g["Y"] < 0 || g["X"]+g["WIDTH"] > laptopWidth || g["Y"]+g["HEIGHT"] > laptopHeight {
		l.t.Errorf("%s is %d×%d at %d,%d: it runs off a %d×%d screen and hides its buttons", what,
			g["WIDTH"], g["HEIGHT"], g["X"], g["Y"], laptopWidth, laptopHeight)
	}
}

// dialogFits waits for a dialog over the main window and checks that the shade around it
// shows on all four edges of the window: the dialog, buttons included, lies inside.
func (l *laptopRun) dialogFits(s *walkScreen, what string, before image.Image) {
	l.t.Helper()
	var dimmed [4]float64
	shown := s.waitFor(what, 30*time.Second, func(img image.Image) bool {
		dimmed = laptopDimmedEdges(before, img)
		return dimmed[0] > 0.5 || dimmed[2] > 0.5
	})
	s.save("laptop-"+strings.Map(walkFileRune, what), shown)
	for i, edge := range []string{"top", "bottom", "left", "right"} {
		if dimmed[i] < 0.8 {
			l.t.Errorf("%s covers the window's %s edge (%.0f%% of it shaded): it is larger than the window on a %d×%d screen", what, edge, 100*dimmed[i], laptopWidth, laptopHeight)
		}
	}
	l.fits(s, "the main window under "+what)
}

// listDoesNotScrollSideways scrolls the list left and right with the pointer over it: with
// every column in view there is nothing to scroll to.
func (l *laptopRun) listDoesNotScrollSideways(s *walkScreen, list image.Image, dividers []int, top, bottom int) {
	l.t.Helper()
	p := image.Pt((dividers[0]+dividers[len(dividers)-1])/2, (top+bottom)/2)
	table := image.Rect(dividers[0]-150, top, list.Bounds().Max.X, bottom)
	s.xdo("mousemove", "--window", s.win, strconv.Itoa(p.X), strconv.Itoa(p.Y))
	hovered := s.waitFor("the list under the pointer", 20*time.Second, func(image.Image) bool { return true })
	back := map[string]string{"6": "7", "7": "6"} // X's buttons for scrolling left and right
	for _, button := range []string{"6", "7"} {
		s.xdo("click", "--repeat", "3", button)
		time.Sleep(500 * time.Millisecond)
		if n := walkDiff(hovered, s.shot(), table); n > 200 {
			l.t.Errorf("the list scrolls sideways (%d pixels changed): not all eight columns fit beside the OU panel at %d×%d", n, laptopWidth, laptopHeight)
			s.xdo("click", "--repeat", "30", back[button]) // back to the name column
			time.Sleep(500 * time.Millisecond)
			break
		}
	}
	s.parkPointer()
}
