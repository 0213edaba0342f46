//go:build xvfb

package xvfbcheck

import (
	"context"
	"image"
	"os/exec"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data"
)

// TestTheReviewWindowsOpenAndFitALaptopScreen opens, with their shortcuts, the windows an
// admin reviews the cache in — Changes (Ctrl+J) over a sync history, Checks (Ctrl+K) and
// History (Ctrl+H) — on a 1366×768 screen, checks that each shows something and lies
// inside the screen, and closes each with Ctrl+W. LAPTOP_SCREENSHOTS=folder keeps the
// screenshots (the README shows docs/review/):
//
//	LAPTOP_SCREENSHOTS=docs/review go test -tags 'migrated_fynedo xvfb' -count=1 -run ReviewWindows ./ui/xvfbcheck/
func TestTheReviewWindowsOpenAndFitALaptopScreen(t *testing.T) {
	l := newLaptopRun(t)
	reviewSampleHistory(t, l.db)
	s := l.start()
	s.waitFor("the user list", 60*time.Second, func(image.Image) bool { return true })
	for _, v := range []struct{ key, title string }{{"ctrl+j", "Changes"}, {"ctrl+k", "Checks"}, {"ctrl+h", "History"}} {
		s.xdo("windowfocus", "--sync", s.win)
		s.xdo("key", v.key)
		w := &walkScreen{t: t, env: l.env, appLog: s.appLog, keep: l.keep}
		w.win = strings.Fields(s.xdo("search", "--sync", "--onlyvisible", "--limit", "1", "--name", " "+v.title+"$"))[0] // the dash before it is not ASCII
		img := w.waitFor("the "+v.title+" window", 60*time.Second, func(img image.Image) bool { return reviewDrawn(img) > 2000 })
		w.save("review-"+strings.ToLower(v.title), img)
		l.fits(w, "the "+v.title+" window")
		w.xdo("windowfocus", "--sync", w.win)
		w.xdo("key", "ctrl+w")
		deadline := time.Now().Add(10 * time.Second)
		for reviewShown(l.env, w.win) {
			if time.Now().After(deadline) {
				t.Fatalf("Ctrl+W did not close the %s window", v.title)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
}

// reviewSampleHistory records in the demo cache a sync that changed a few of its people,
// as a sync of a real tenant would, and a few admins' changes, so that the Changes and
// History windows have something to show.
func reviewSampleHistory(t *testing.T, db string) {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var people []data.DirectoryUser
	if err := s.Read(ctx).EachDirectoryUser(func(d data.DirectoryEntry) bool {
		people = append(people, d.DirectoryUser)
		return len(people) < 40
	}); err != nil {
		t.Fatal(err)
	}
	var changes []data.SyncChange
	for i, p := range people {
		c := data.SyncChange{UserID: p.ID, UPN: p.UPN}
		switch i % 5 {
		case 0:
			c.Kind, c.Old, c.New = data.ChangeDepartment, "Operations", p.Department
		case 1:
			c.Kind, c.New = data.ChangeJoinedTeam, "Sales EMEA Hotline"
		case 2:
			c.Kind, c.Old, c.New = data.ChangeJobTitle, "Agent", "Team Lead"
		case 3:
			c.Kind, c.New = data.ChangeJoinedNimbus, `Nimbus user from the Team of "Sales EMEA Hotline"`
		default:
			c.Kind = data.ChangeDisabled
		}
		changes = append(changes, c)
	}
	err = s.Tx(ctx, func(q *data.Q) error {
		run, err := q.StartSyncRun(false, false, "")
		if err == nil {
			err = q.AddSyncChanges(run, changes)
		}
		if err == nil {
			err = q.FinishSyncRun(run, len(changes))
		}
		for i, p := range people[:12] { // and what two admins changed since, for History
			if err == nil {
				admin := []string{"dana@contoso-demo.example", "lee@contoso-demo.example"}[i%2]
				err = q.Journal(data.JournalEntry{Actor: admin, Action: "user.licences", Target: p.UPN, UserUPN: p.UPN,
					Old: "Contact Center", New: "Contact Center, Assistant"})
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// reviewDrawn counts the pixels of a screenshot that are not the background's.
func reviewDrawn(img image.Image) int {
	b := img.Bounds()
	bg := img.At(b.Min.X+b.Dx()/2, b.Max.Y-2)
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			if img.At(x, y) != bg {
				n++
			}
		}
	}
	return n
}

// reviewShown says whether the X window is still mapped.
func reviewShown(env []string, win string) bool {
	c := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Nimbus Admin ")
	c.Env = env
	out, _ := c.Output()
	for _, id := range strings.Fields(string(out)) {
		if id == win {
			return true
		}
	}
	return false
}
