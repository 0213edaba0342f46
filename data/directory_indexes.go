package data

import (
	"context"
	"strings"
)

// directoryIndexes are the cached directory's secondary indexes, as the migrations
// create them (TestDirectoryIndexesAreTheMigrations keeps the two the same).
var directoryIndexes = []struct{ name, sql string }{
	{"directory_users_upn", `CREATE INDEX directory_users_upn ON directory_users (upn COLLATE NOCASE)`},
	{"directory_users_name", `CREATE INDEX directory_users_name ON directory_users (ifnull(display_name, upn) COLLATE NOCASE)`},
}

// DropDirectoryIndexes removes the cached directory's secondary indexes, for a sync that
// is about to write a whole directory into a cache that holds none. Its users come in id
// order, so their names and UPNs land all over those indexes: kept up to date chunk
// after chunk, they cost five times the users themselves, while building them once at
// the end (BuildDirectoryIndexes) costs a tenth of that. Reads stay right meanwhile,
// only slower.
func (q *Q) DropDirectoryIndexes() error {
	for _, ix := range directoryIndexes {
		if _, err := q.exec(`DROP INDEX IF EXISTS ` + ix.name); err != nil {
			return err
		}
	}
	return nil
}

// DirectoryIndexCount is how many secondary indexes the cached directory has, for a sync
// that builds them one transaction each (BuildDirectoryIndex).
func DirectoryIndexCount() int { return len(directoryIndexes) }

// BuildDirectoryIndexes creates those of the cached directory's secondary indexes that
// are missing: after a sync wrote the directory without them, or in a cache where such a
// sync was stopped before it built them.
func (q *Q) BuildDirectoryIndexes() error {
	for i := range directoryIndexes {
		if err := q.BuildDirectoryIndex(i); err != nil {
			return err
		}
	}
	return nil
}

// BuildDirectoryIndex creates the i-th of the directory's secondary indexes when it is
// missing. Each takes a few seconds on a million users, so a sync builds one per
// transaction: an admin's change then waits for one of them, not both.
func (q *Q) BuildDirectoryIndex(i int) error {
	_, err := q.exec(strings.Replace(directoryIndexes[i].sql, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
	return err
}

// DirectoryIndexesMissing says whether any of the cached directory's secondary indexes
// is missing. Every open of a cache asks, so it is one read of the schema.
func (q *Q) DirectoryIndexesMissing() (bool, error) {
	names := make([]any, len(directoryIndexes))
	for i, ix := range directoryIndexes {
		names[i] = ix.name
	}
	var found int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (?`+
		strings.Repeat(", ?", len(names)-1)+`)`, names...).Scan(&found)
	return found < len(directoryIndexes), err
}

// repairDirectoryIndexes builds the directory's indexes when a sync was stopped between
// dropping and building them, unless a sync is writing the cache now (it builds them
// itself when it has written the users). It is best left undone on failure: the cache
// reads right without them, and the next sync builds them.
func (s *Store) repairDirectoryIndexes() {
	if missing, err := s.Read(context.Background()).DirectoryIndexesMissing(); err != nil || !missing {
		return
	}
	if _, running := s.SyncRunning(); running {
		return
	}
	_ = s.Tx(context.Background(), func(q *Q) error { return q.BuildDirectoryIndexes() })
}
