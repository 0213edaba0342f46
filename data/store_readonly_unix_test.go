//go:build unix

package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reviewable checks that s is read-only for the reason given, shows what the cache
// holds and refuses a write.
func reviewable(t *testing.T, s *Store, why string, rows int) {
	t.Helper()
	if s.ReadOnly() != why {
		t.Errorf("ReadOnly() = %q, want %q", s.ReadOnly(), why)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM kept`).Scan(&n); err != nil || n != rows {
		t.Errorf("read %d rows (%v), want %d", n, err, rows)
	}
	if err := s.Tx(context.Background(), func(q *Q) error { _, err := q.exec(`DELETE FROM kept`); return err }); err == nil {
		t.Error("a write on a read-only cache went through")
	}
}

func TestAReadOnlyCacheFileOpensForReview(t *testing.T) {
	dir, _, ok := unprivileged(t, nil)
	if !ok {
		return
	}
	path := filepath.Join(dir, "file", "tenant.db")
	openClosed(t, path)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a 0400 cache does not open: %v", err)
	}
	defer s.Close()
	reviewable(t, s, "the file is read-only", 3)
}

func TestACacheInAReadOnlyFolderOpensForReview(t *testing.T) {
	dir, _, ok := unprivileged(t, nil)
	if !ok {
		return
	}
	// Closed cleanly: no -wal or -shm, and none can be made.
	clean := filepath.Join(dir, "clean")
	openClosed(t, filepath.Join(clean, "tenant.db"))
	os.Chmod(clean, 0o500)
	defer os.Chmod(clean, 0o700)
	s, err := Open(filepath.Join(clean, "tenant.db"))
	if err != nil {
		t.Fatalf("a cache in a 0500 folder does not open: %v", err)
	}
	reviewable(t, s, "its folder is read-only", 3)
	s.Close()

	// Still open elsewhere, its last change only in the -wal file: the review sees it.
	busy := filepath.Join(dir, "busy")
	openClosed(t, filepath.Join(busy, "tenant.db"))
	w, err := Open(filepath.Join(busy, "tenant.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Tx(context.Background(), func(q *Q) error { _, err := q.exec(`INSERT INTO kept VALUES (4)`); return err }); err != nil {
		t.Fatal(err)
	}
	os.Chmod(busy, 0o500)
	defer os.Chmod(busy, 0o700)
	s, err = Open(filepath.Join(busy, "tenant.db"))
	if err != nil {
		t.Fatalf("a cache in a 0500 folder with its -wal does not open: %v", err)
	}
	reviewable(t, s, "its folder is read-only", 4)
	s.Close()
}

func TestAnOlderCacheOnReadOnlyMediaSaysWhatToDo(t *testing.T) {
	dir, _, ok := unprivileged(t, nil)
	if !ok {
		return
	}
	path := filepath.Join(dir, "older", "tenant.db")
	openClosed(t, path)
	olderCache(t, path)
	os.Chmod(path, 0o400)
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("an older read-only cache opened")
	}
	if !strings.Contains(err.Error(), "is read-only (the file is read-only) and was written by an older Nimbus Admin") ||
		!strings.Contains(err.Error(), "copy it to a folder you can write") {
		t.Errorf("error %q, want it to say the cache is older and read-only, and what to do", err)
	}
}

func TestALooseCacheThatIsNotOursIsReported(t *testing.T) {
	_, roots, ok := unprivileged(t, func(roots string) {
		openClosed(t, filepath.Join(roots, "tenant.db"))
		os.Chmod(filepath.Join(roots, "tenant.db"), 0o644)
	})
	if !ok {
		return
	}
	path := filepath.Join(roots, "tenant.db")
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(s.Notes()) != 1 || !strings.Contains(s.Notes()[0], "can be read by other users (mode 0644) and could not be made private") ||
		!strings.Contains(s.Notes()[0], "chmod go-rwx "+path) {
		t.Errorf("notes %q, want one saying the file is readable by others and what to do", s.Notes())
	}
}

// A cache whose last changes are only in its -wal file, without the -shm that lets a
// reader use them, cannot be read in a read-only folder: it is never read without those
// changes (immutable), and the message says what to do.
func TestAPendingWALInAReadOnlyFolderSaysWhatToDo(t *testing.T) {
	dir, _, ok := unprivileged(t, nil)
	if !ok {
		return
	}
	src := filepath.Join(dir, "src", "tenant.db")
	openClosed(t, src)
	w, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Tx(context.Background(), func(q *Q) error { _, err := q.exec(`INSERT INTO kept VALUES (4)`); return err }); err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(dir, "copied")
	os.Mkdir(copied, 0o700)
	for _, suffix := range []string{"", "-wal"} {
		body, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(copied, "tenant.db"+suffix), body, 0o600)
	}
	os.Chmod(copied, 0o500)
	defer os.Chmod(copied, 0o700)
	s, err := Open(filepath.Join(copied, "tenant.db"))
	if err == nil { // an SQLite that can read it must show the change in the -wal
		defer s.Close()
		reviewable(t, s, "its folder is read-only", 4)
		return
	}
	if !strings.Contains(err.Error(), "its last changes are still in") || !strings.Contains(err.Error(), "copy the cache with its -wal file") {
		t.Errorf("error %q, want it to say the changes are in the -wal and what to do", err)
	}
}
