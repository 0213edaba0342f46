package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A cache path is a path, never a URI: characters a URI gives a meaning to ('#', '?',
// '%XX'), spaces and non-Latin letters put the cache in exactly the file named, private
// and with its options (foreign keys) on, and nothing else appears beside it.
func TestTheCacheIsTheFileNamedWhateverCharactersItsPathHolds(t *testing.T) {
	for _, name := range []string{"c#d.db", "what?.db", "50%41 off.db", "a%3Fb#c?d.db", "Ünïcødé 租户.db"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "home#1?x%20y")
			path := filepath.Join(dir, name)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			var fk int
			s.Read(ctx).db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
			s.Close()
			if fk != 1 {
				t.Errorf("foreign keys are %d, want on", fk)
			}
			info, err := os.Stat(path)
			if err != nil || info.Size() == 0 || info.Mode().Perm() != 0o600 {
				t.Fatalf("the file named holds %v bytes (mode %v, %v): the cache went elsewhere", sizeOf(info), modeOf(info), err)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != name && e.Name() != name+"-wal" && e.Name() != name+"-shm" {
					t.Errorf("a stray file %q beside the cache", e.Name())
				}
			}
			if others, _ := os.ReadDir(filepath.Dir(dir)); len(others) != 1 {
				t.Errorf("files outside the cache folder: %v", others)
			}
		})
	}
}

func sizeOf(fi os.FileInfo) int64 {
	if fi == nil {
		return 0
	}
	return fi.Size()
}

func modeOf(fi os.FileInfo) os.FileMode {
	if fi == nil {
		return 0
	}
	return fi.Mode().Perm()
}
