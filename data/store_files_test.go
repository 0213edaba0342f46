package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// openClosed opens a new cache at path, writes a table into it and closes it, so that
// the tests below find a cache as a sync leaves it.
func openClosed(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Tx(context.Background(), func(q *Q) error {
		_, err := q.exec(`CREATE TABLE kept (n INTEGER)`)
		if err == nil {
			_, err = q.exec(`INSERT INTO kept VALUES (1), (2), (3)`)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func permOf(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestLooseCacheFilesAreTightenedWhenOpened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits mean nothing on Windows")
	}
	path := filepath.Join(t.TempDir(), "tenant.db")
	openClosed(t, path)
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.WriteFile(name, nil, 0o666); err != nil && !errors.Is(err, os.ErrExist) {
			t.Fatal(err)
		}
		if err := os.Chmod(name, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		if got := permOf(t, name); got != 0o600 {
			t.Errorf("%s is %04o after opening, want 0600", name, got)
		}
	}
	if len(s.Notes()) != 0 {
		t.Errorf("notes %q, want none: the files were ours to tighten", s.Notes())
	}
}

func TestTheProgramsOwnFolderIsTightenedTheAdminsIsReported(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits mean nothing on Windows")
	}
	own := filepath.Join(t.TempDir(), "nimbusadmin")
	if err := os.Mkdir(own, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(own, 0o777)
	s, err := OpenWith(filepath.Join(own, "tenant.db"), OpenOptions{OwnFolder: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := permOf(t, own); got != 0o700 {
		t.Errorf("the program's own folder is %04o after opening, want 0700", got)
	}
	if len(s.Notes()) != 0 {
		t.Errorf("notes %q, want none for a folder tightened", s.Notes())
	}

	chosen := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(chosen, 0o700); err != nil {
		t.Fatal(err)
	}
	os.Chmod(chosen, 0o777)
	s, err = OpenWith(filepath.Join(chosen, "tenant.db"), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := permOf(t, chosen); got != 0o777 {
		t.Errorf("the admin's folder is %04o after opening, want it left at 0777", got)
	}
	if len(s.Notes()) != 1 || !strings.Contains(s.Notes()[0], "can be written by other users") ||
		!strings.Contains(s.Notes()[0], "chmod go-w "+chosen) {
		t.Errorf("notes %q, want one saying others can write the folder and what to do", s.Notes())
	}
}

func TestASymbolicLinkAtTheCachePathIsRefused(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.db")
	openClosed(t, real)
	before, _ := os.ReadFile(real)
	link := filepath.Join(dir, "link.db")
	dangling := filepath.Join(dir, "dangling.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("this system makes no symbolic links here: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "elsewhere.db"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{link, dangling} {
		for _, o := range []OpenOptions{{}, {ReadOnly: true}} {
			s, err := OpenWith(path, o)
			if err == nil {
				s.Close()
				t.Fatalf("%s (read-only %v) opened, want a refusal", path, o.ReadOnly)
			}
			if want := "the cache " + path + " is a symbolic link; give the real file's path with --db"; err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "elsewhere.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dangling link's target was created: %v", err)
	}
	if after, _ := os.ReadFile(real); !bytes.Equal(before, after) {
		t.Errorf("the link's target changed")
	}
	if _, err := os.Lstat(real + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a -wal file appeared next to the link's target: %v", err)
	}
}

func TestAReadOnlyOpenOfAMissingCacheCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "typo", "tenant.db")
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	if err == nil {
		s.Close()
		t.Fatal("a missing cache opened for reading")
	}
	if !errors.Is(err, ErrNoCache) || err.Error() != "no cache at "+path+" — run sync first" {
		t.Errorf("error %q, want ErrNoCache saying %q", err, "no cache at "+path+" — run sync first")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the read-only open created %v", entries)
	}
}

func TestAReadOnlyOpenChangesNothingAndRefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tenant.db")
	openClosed(t, path)
	before, _ := os.ReadFile(path)
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM kept`).Scan(&n); err != nil || n != 3 {
		t.Errorf("read %d rows (%v), want 3", n, err)
	}
	if s.ReadOnly() != readingOnly {
		t.Errorf("ReadOnly() = %q, want %q", s.ReadOnly(), readingOnly)
	}
	err = s.Tx(context.Background(), func(q *Q) error { _, err := q.exec(`DELETE FROM kept`); return err })
	if err == nil {
		t.Error("a write on a store opened for reading went through")
	}
	s.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the cache file changed on a read-only open")
	}
}

// olderCache makes the cache at path look written by a build that lacked migration 010:
// its index and its record are gone.
func olderCache(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Tx(context.Background(), func(q *Q) error {
		if _, err := q.exec(`DROP INDEX directory_users_name`); err != nil {
			return err
		}
		_, err := q.exec(`DELETE FROM schema_migrations WHERE version = 10`) // the index's migration
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

func TestAReadOnlyOpenOfAnOlderWritableCacheBringsItUpToDate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tenant.db")
	openClosed(t, path)
	olderCache(t, path)
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.schemaCurrent(context.Background()); err != nil {
		t.Errorf("after the open: %v, want the schema up to date", err)
	}
}

func TestASymbolicLinkBesideTheCacheIsRefused(t *testing.T) {
	for _, suffix := range []string{"-wal", "-shm", ".sync-lock"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "tenant.db")
		openClosed(t, path)
		elsewhere := filepath.Join(dir, "elsewhere")
		if err := os.Symlink(elsewhere, path+suffix); err != nil {
			t.Skipf("this system makes no symbolic links here: %v", err)
		}
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Fatalf("a cache with a symbolic link at its %s opened", suffix)
		}
		if !strings.Contains(err.Error(), path+suffix+", next to the cache, is a symbolic link") {
			t.Errorf("error %q, want it to name the link %s", err, path+suffix)
		}
		if _, err := os.Lstat(elsewhere); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the link's target was created: %v", err)
		}
	}
}
