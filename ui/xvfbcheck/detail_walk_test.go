//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"encoding/json"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// walkTabs are the detail view's tabs in their order, with the file each screenshot is
// kept in (DETAIL_WALK_SCREENSHOTS=folder keeps them; the README shows docs/tabs/).
var walkTabs = []struct{ title, file string }{
	{"General", "general"},
	{"Services", "services"},
	{"Roles", "roles"},
	{"Skills", "skills"},
	{"Profiles", "profiles"},
	{"N/A Reasons", "na-reasons"},
	{"Interact", "interact"},
	{"Assistant", "assistant"},
}

// TestRealWindowWalksThroughEveryDetailTab opens a user who holds all four licences in the
// real window, clicks every tab title of the detail view, and presses Copy on Interact:
// each tab must show something else than the one before, and the system clipboard must
// then hold exactly the snippet that `user snippet` prints (without its line end). The
// README's tab screenshots come from
//
//	DETAIL_WALK_SCREENSHOTS=docs/tabs go test -tags 'migrated_fynedo xvfb' -count=1 -run DetailTab ./ui/xvfbcheck/
//
// (a relative folder is taken from the repository's root).
func TestRealWindowWalksThroughEveryDetailTab(t *testing.T) {
	bin, dir := buildApp(t, "Xvfb", "xdotool", "import", "xclip")
	db := filepath.Join(dir, "demo.db")
	upn := walkUserWithAllLicences(t, bin, db)
	snippet := walkCLI(t, bin, db, "user", "snippet", upn)
	if !strings.HasSuffix(snippet, "\n") || strings.Count(snippet, "\n") != 1 {
		t.Fatalf("user snippet %s printed %q, want one line", upn, snippet)
	}
	snippet = strings.TrimSuffix(snippet, "\n")

	env := appEnv(startXvfb(t), dir)
	appLog, _ := startApp(t, bin, env, "--demo", "--db", db)

	s := &walkScreen{t: t, env: env, appLog: appLog, keep: os.Getenv("DETAIL_WALK_SCREENSHOTS")}
	if s.keep != "" && !filepath.IsAbs(s.keep) {
		s.keep = filepath.Join("..", "..", s.keep) // from the repository's root, not this folder
	}
	s.win = strings.Fields(s.xdo("search", "--sync", "--onlyvisible", "--limit", "1", "--name", "^Nimbus Admin$"))[0]
	s.xdo("windowfocus", s.win) // keys go to the window wherever the pointer is
	s.parkPointer()
	anything := func(image.Image) bool { return true }
	list := s.waitFor("the user list", 60*time.Second, anything)
	s.xdo("key", "ctrl+f")
	s.xdo("type", "--delay", "40", upn)
	searched := s.waitFor("the search for "+upn, 30*time.Second, func(img image.Image) bool {
		return walkDiff(list, img, img.Bounds()) > 2000 // the list narrowed to one row
	})

	// ↓ moves from the search into the list and selects its only row; the list may still
	// be filtering, so ask again until the detail view's tabs appear.
	var bar walkTabBar
	general := func(img image.Image) bool {
		var ok bool
		bar, ok = walkFindTabBar(img, len(walkTabs))
		return ok
	}
	var shown image.Image
	for attempt := 0; shown == nil; attempt++ {
		s.xdo("key", "Down")
		time.Sleep(time.Second)
		if img := s.shot(); general(img) || attempt == 4 {
			shown = s.waitFor("the detail view of "+upn, 30*time.Second, general)
		}
	}
	if len(bar.titles) != len(walkTabs) {
		t.Fatalf("the tab bar shows %d titles, want the %d tabs of a user with every licence", len(bar.titles), len(walkTabs))
	}
	if bar.selected(shown) != 0 {
		t.Fatalf("a newly selected user opens on the tab at %v, want General at %v", bar.underline, bar.titles[0])
	}
	below := image.Rect(bar.underline.Min.X, bar.underline.Max.Y+2, shown.Bounds().Max.X, shown.Bounds().Max.Y)
	if n := walkDiff(searched, shown, below); n < 2000 {
		t.Fatalf("selecting %s changed %d pixels under the tab bar: no General tab appeared", upn, n)
	}
	s.save(walkTabs[0].file, shown)

	prev := shown
	for i := 1; i < len(walkTabs); i++ {
		tab := walkTabs[i]
		s.click(walkCentre(bar.titles[i]))
		img := s.waitFor("the "+tab.title+" tab", 20*time.Second, func(img image.Image) bool {
			return bar.selected(img) == i
		})
		if n := walkDiff(prev, img, below); n < 2000 {
			t.Fatalf("the %s tab changed %d pixels under the tab bar after %s: it shows nothing of its own", tab.title, n, walkTabs[i-1].title)
		}
		s.save(tab.file, img)
		if tab.title == "Interact" {
			walkCopySnippet(t, s, img, below, snippet)
		}
		prev = img
	}
	s.click(walkCentre(bar.titles[0]))
	back := s.waitFor("the General tab again", 20*time.Second, func(img image.Image) bool {
		return bar.selected(img) == 0
	})
	if n := walkDiff(prev, back, below); n < 2000 {
		t.Fatalf("clicking General after Assistant changed %d pixels under the tab bar", n)
	}
}

// walkCopySnippet presses the Interact tab's Copy button and checks that the system
// clipboard then holds exactly the snippet.
func walkCopySnippet(t *testing.T, s *walkScreen, interact image.Image, tab image.Rectangle, snippet string) {
	t.Helper()
	buttons := walkFindButtons(interact, tab)
	if len(buttons) == 0 { // below the snippet, out of view on a laptop screen: scroll down
		centre := walkCentre(tab)
		s.xdo("mousemove", "--window", s.win, strconv.Itoa(centre.X), strconv.Itoa(centre.Y))
		s.xdo("click", "--repeat", "10", "5")
		s.parkPointer()
		interact = s.waitFor("the Interact tab scrolled down", 20*time.Second, func(image.Image) bool { return true })
		buttons = walkFindButtons(interact, tab)
	}
	if len(buttons) != 1 {
		t.Fatalf("the Interact tab shows %d high-importance buttons (%v), want Copy alone", len(buttons), buttons)
	}
	s.click(walkCentre(buttons[0]))
	copied := s.waitFor("the confirmation of Copy", 20*time.Second, func(img image.Image) bool {
		return walkDiff(interact, img, tab) > 100
	})
	s.save("interact-copied", copied)
	var clip string
	deadline := time.Now().Add(15 * time.Second)
	for {
		c := exec.Command("xclip", "-o", "-selection", "clipboard")
		c.Env = s.env
		out, err := c.Output()
		clip = string(out)
		if (err == nil && clip == snippet) || time.Now().After(deadline) {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	if clip != snippet {
		t.Fatalf("after Copy the clipboard holds %q, want exactly the snippet `user snippet` prints: %q", clip, snippet)
	}
}

// walkUserWithAllLicences generates the demo cache and picks, through the command line, a
// user who holds all four licences, has a snippet, and whom a search for the UPN finds alone.
func walkUserWithAllLicences(t *testing.T, bin, db string) string {
	t.Helper()
	type row struct {
		UPN      string   `json:"userPrincipalName"`
		Licences []string `json:"licences"`
	}
	var all []row
	out := walkCLI(t, bin, db, "users", "--licence", "contact-center", "--licence", "attendant-console",
		"--licence", "interact", "--licence", "assistant", "--format", "json")
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatalf("users --format json: %v\n%s", err, out)
	}
	for _, u := range all {
		if len(u.Licences) != 4 {
			t.Fatalf("users --licence ×4 listed %s with licences %v", u.UPN, u.Licences)
		}
		var found []row
		if err := json.Unmarshal([]byte(walkCLI(t, bin, db, "users", "--search", u.UPN, "--format", "json")), &found); err != nil {
			t.Fatal(err)
		}
		var detail struct {
			Tabs     []string `json:"tabs"`
			Interact struct {
				Snippet string `json:"snippet"`
			} `json:"interact"`
		}
		if err := json.Unmarshal([]byte(walkCLI(t, bin, db, "user", "show", u.UPN, "--format", "json")), &detail); err != nil {
			t.Fatal(err)
		}
		if len(found) == 1 && detail.Interact.Snippet != "" {
			var want []string
			for _, tab := range walkTabs {
				want = append(want, tab.title)
			}
			if !slices.Equal(detail.Tabs, want) {
				t.Fatalf("user show %s lists the tabs %v, want %v", u.UPN, detail.Tabs, want)
			}
			return u.UPN
		}
	}
	t.Fatalf("the demo tenant has no user with all four licences and a snippet whom a search finds alone (of %d with all four)", len(all))
	return ""
}

// walkCLI runs a verb of the program's command line on the demo cache and returns its output.
func walkCLI(t *testing.T, bin, db string, args ...string) string {
	t.Helper()
	c := exec.Command(bin, append([]string{"--demo", "--db", db}, args...)...)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		t.Fatalf("nimbusadmin %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}
