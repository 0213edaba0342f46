package data

import (
	"context"
	"path/filepath"
	"testing"
)

// indexSQL reads how the cache defines its directory indexes now: name → CREATE INDEX
// statement, for those that exist.
func indexSQL(t *testing.T, s *Store) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, ix := range directoryIndexes {
		var text string
		if err := s.db.QueryRow(`SELECT ifnull((SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?), '')`, ix.name).Scan(&text); err != nil {
			t.Fatal(err)
		}
		if text != "" {
			got[ix.name] = text
		}
	}
	return got
}

// The indexes a sync drops and builds again are exactly those the migrations made: a
// cache synced that way reads as fast as one that never was.
func TestDirectoryIndexesAreTheMigrations(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fresh := indexSQL(t, s)
	for _, ix := range directoryIndexes {
		if fresh[ix.name] != ix.sql {
			t.Errorf("the migrations make %s as\n%q\nthe sync builds it as\n%q", ix.name, fresh[ix.name], ix.sql)
		}
	}
	ctx := context.Background()
	if err := s.Tx(ctx, func(q *Q) error { return q.DropDirectoryIndexes() }); err != nil {
		t.Fatal(err)
	}
	if missing, err := s.Read(ctx).DirectoryIndexesMissing(); err != nil || !missing || len(indexSQL(t, s)) != 0 {
		t.Fatalf("after dropping: missing %v (%v), left %v", missing, err, indexSQL(t, s))
	}
	if err := s.Tx(ctx, func(q *Q) error { return q.BuildDirectoryIndexes() }); err != nil {
		t.Fatal(err)
	}
	if missing, err := s.Read(ctx).DirectoryIndexesMissing(); err != nil || missing {
		t.Fatalf("after building: missing %v (%v)", missing, err)
	}
	for name, text := range indexSQL(t, s) {
		if text != fresh[name] {
			t.Errorf("%s built as %q, the migrations made %q", name, text, fresh[name])
		}
	}
}

// A cache whose sync was stopped (killed, say) between dropping the directory's indexes
// and building them gets them back when it is next opened, unless a sync is writing it
// then: that sync builds them itself once its users are written.
func TestOpeningACacheBuildsTheIndexesAStoppedSyncLeftMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Tx(ctx, func(q *Q) error { return q.DropDirectoryIndexes() }); err != nil {
		t.Fatal(err)
	}
	lock, err := s.LockSync()
	if err != nil {
		t.Fatal(err)
	}
	during, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if missing, _ := during.Read(ctx).DirectoryIndexesMissing(); !missing {
		t.Error("opening the cache while a sync writes it built the indexes the sync dropped")
	}
	during.Close()
	lock.Release()
	s.Close()

	after, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer after.Close()
	if missing, err := after.Read(ctx).DirectoryIndexesMissing(); err != nil || missing {
		t.Fatalf("reopened after the sync stopped: indexes missing %v (%v)", missing, err)
	}
}
