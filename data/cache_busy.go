package data

import (
	"errors"
	"time"

	"modernc.org/sqlite"
)

// busyTimeout is how long a write waits for the cache's write lock (another process's
// transaction) before it gives up.
var busyTimeout = 10 * time.Second

// sqliteBusy is SQLite's primary result code for a lock another connection holds; the
// extended codes (a snapshot, a recovery) share its low byte.
const sqliteBusy = 5

// CacheBusy is a write that still found the cache locked by another writer after the
// busy timeout, said in the admin's words instead of SQLite's "database is locked".
type CacheBusy struct {
	Syncing bool       // a sync holds the cache's sync lock: it is the writer, most likely
	Sync    SyncHolder // that sync, when Syncing
	err     error      // SQLite's own error
}

// Error says that the cache is busy, who writes when a sync does, and what to do.
func (e *CacheBusy) Error() string {
	if e.Syncing {
		return "the cache is busy: a sync (" + e.Sync.String() + ") is writing to it; try again in a moment"
	}
	return "the cache is busy: another program is writing to it; try again in a moment"
}

// Unwrap keeps SQLite's own error for errors.Is and errors.As.
func (e *CacheBusy) Unwrap() error { return e.err }

// busy words SQLite's busy error as a *CacheBusy naming the sync that writes, if one does;
// other errors pass unchanged.
func (s *Store) busy(err error) error {
	var e *sqlite.Error
	if !errors.As(err, &e) || e.Code()&0xff != sqliteBusy {
		return err
	}
	var already *CacheBusy
	if errors.As(err, &already) {
		return err
	}
	holder, syncing := s.SyncRunning()
	return &CacheBusy{Sync: holder, Syncing: syncing, err: err}
}
