package app

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// A cache that cannot be written (here: opened by a command that only reads, as a
// read-only file or folder opens) refuses every change and sync with the reason, and
// writes nothing.
func TestAReadOnlyCacheRefusesChangesAndSyncWithTheReason(t *testing.T) {
	f := newFixture(t)
	store, err := data.OpenWith(f.app.CachePath(), data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ro := New(store, testkit.OrgAdmin)
	if ro.ReadOnly() == "" {
		t.Fatal("ReadOnly() is empty for a cache opened for reading only")
	}
	want := "the cache " + f.app.CachePath() + " is read-only (opened for reading only): changes and sync are off; review only"
	f.refused("cache.read_only", func() error {
		_, err := ro.Do(context.Background(), CreateOU{Parent: f.ou["root"], Name: "Marketing"})
		return err
	}, want)
	unread := &unreadSource{}
	f.refused("cache.read_only", func() error {
		_, err := ro.Sync(context.Background(), unread, SyncOptions{})
		return err
	}, want)
	if unread.asked {
		t.Error("a sync of a read-only cache read the directory before refusing")
	}
	f.refused("cache.read_only", func() error {
		return ro.Check(context.Background(), CreateOU{Parent: f.ou["root"], Name: "Marketing"})
	}, want)
}

// On a cache that cannot be written a Tenant Administrator's rights are those of a
// reader, so that the window offers no change the cache would refuse, and the headline
// says why.
func TestOnAReadOnlyCacheEvenATenantAdministratorMayOnlyReview(t *testing.T) {
	f := newFixture(t)
	store, err := data.OpenWith(f.app.CachePath(), data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	r, err := New(store, testkit.OrgAdmin).Rights(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r.Level != ReadOnly || r.InScope(f.ou["root"]) || !r.ReviewOnly {
		t.Fatalf("rights on a read-only cache: level %v, in scope of the root %v, review only %v", r.Level, r.InScope(f.ou["root"]), r.ReviewOnly)
	}
	if h := r.Headline(); !strings.Contains(h, "review only: the cache cannot be written") {
		t.Fatalf("headline %q does not say the cache cannot be written", h)
	}
	if w, _ := f.app.Rights(context.Background()); w.Level != TenantAdministrator {
		t.Fatalf("the same admin on the writable cache: level %v", w.Level)
	}
}

// unreadSource is a directory that notes whether a sync asked it for anything.
type unreadSource struct{ asked bool }

func (u *unreadSource) UserDelta(context.Context, string, func(directory.UserPage) error) (string, error) {
	u.asked = true
	return "", nil
}

func (u *unreadSource) Teams(context.Context) ([]directory.Team, error) {
	u.asked = true
	return nil, nil
}

func (u *unreadSource) AdminGroup(context.Context, string) (directory.AdminGroup, error) {
	u.asked = true
	return directory.AdminGroup{}, nil
}

func TestAReadOnlySessionOnAMissingCacheCreatesNothing(t *testing.T) {
	// The window opens for changes, but only a cache that exists (Existing): a mistyped
	// --db must not leave an empty file behind either.
	for _, o := range []SessionOptions{{ReadOnly: true}, {Existing: true}} {
		dir := t.TempDir()
		path := filepath.Join(dir, "typo.db")
		o.DBPath = path
		a, err := OpenSession(context.Background(), o)
		if err == nil {
			a.Close()
			t.Fatalf("%+v: a session opened on a missing cache", o)
		}
		if want := "no cache at " + path + " — run sync first"; err.Error() != want {
			t.Errorf("%+v: error %q, want %q", o, err, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%+v: the session created %v", o, entries)
		}
	}
}

// The config folder is the program's own and is kept private; a folder the admin chose
// with --db is theirs, and is reported when others can write to it.
func TestTheConfigFolderIsKeptPrivateAnAdminsFolderReported(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the config folder follows XDG_CONFIG_HOME on Linux only")
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir, err := CacheDir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path, err := SyncCachePath("t-1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := OpenSyncCache(context.Background(), path, "t-1", "Fabrikam", "mia@fabrikam.example")
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("the config folder is %04o after a sync opened its cache, want 0700", fi.Mode().Perm())
	}

	shared := filepath.Join(t.TempDir(), "shared")
	os.Mkdir(shared, 0o700)
	os.Chmod(shared, 0o777)
	a, err = OpenSyncCache(context.Background(), filepath.Join(shared, "tenant.db"), "t-1", "Fabrikam", "mia@fabrikam.example")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if notes := a.CacheNotes(); len(notes) != 1 || !strings.Contains(notes[0], "can be written by other users") {
		t.Errorf("notes %q, want one saying others can write the admin's folder", notes)
	}
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o777 {
		t.Errorf("the admin's folder was changed to %04o", fi.Mode().Perm())
	}
}
