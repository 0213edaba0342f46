package data

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file that is not a cache is refused in the admin's words, for changes and for
// reading, and is left as it was.
func TestAFileThatIsNoCacheIsSaidSoAndLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	body := bytes.Repeat([]byte("These are an admin's notes, not a cache.\n"), 200)
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{false, true} {
		s, err := OpenWith(path, OpenOptions{ReadOnly: readOnly})
		if err == nil {
			s.Close()
			t.Fatalf("read-only %v: a text file opened as a cache", readOnly)
		}
		if msg := err.Error(); !strings.Contains(msg, path+" is not a Nimbus Admin cache") || strings.Contains(msg, "(26)") {
			t.Errorf("read-only %v: %q, want it to say the file is not a cache, without SQLite's code", readOnly, msg)
		}
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, body) {
		t.Fatalf("the file changed (%d bytes, %v)", len(got), err)
	}
}

// Another program's SQLite database given to --db is not taken for an old cache and
// "brought up to date" with our tables: it is refused and left as it was.
func TestAnotherProgramsDatabaseIsNoCacheAndLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inventory.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO parts (name) VALUES ('bolt')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	for _, readOnly := range []bool{false, true} {
		s, err := OpenWith(path, OpenOptions{ReadOnly: readOnly})
		if err == nil {
			s.Close()
			t.Fatalf("read-only %v: another program's database opened as a cache", readOnly)
		}
		if !strings.Contains(err.Error(), path+" is not a Nimbus Admin cache") {
			t.Errorf("read-only %v: %q, want it to say the file is not a cache", readOnly, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the other program's database changed")
	}
}
