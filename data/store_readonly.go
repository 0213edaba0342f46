package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"

	"modernc.org/sqlite"
)

// ReadOnly says why the cache cannot be written, in the admin's words ("its folder is
// read-only"), or "" when it can: changes and sync are then refused with that reason.
func (s *Store) ReadOnly() string { return s.readOnly }

// Notes are what the admin should fix about the cache's permissions, one line each,
// found when it was opened; empty when nothing.
func (s *Store) Notes() []string { return s.notes }

// readingOnly is the reason a store opened for reading only gives for refusing writes.
const readingOnly = "opened for reading only"

// errSchemaBehind says a cache lacks migrations of this build.
var errSchemaBehind = errors.New("the cache was written by an older Nimbus Admin")

// openReadOnly opens the cache with SQLite's read-only mode and changes nothing: no
// pragma that writes, no migration. A cache in WAL mode is read through its -wal and
// -shm files; SQLite creates them when they are missing and the folder allows it (and
// leaves them), which changes nothing the cache holds. In a read-only folder without a
// -wal file nothing can write the cache, so it is read as it lies on disk (immutable).
// A cache that lacks migrations of this build returns errSchemaBehind.
func openReadOnly(path string, cf cacheFiles) (*Store, error) {
	dsn := fileURI(path) + "?mode=ro&_pragma=foreign_keys(1)&_pragma=busy_timeout(" + strconv.FormatInt(busyTimeout.Milliseconds(), 10) + ")" +
		"&_pragma=query_only(1)&_pragma=temp_store(MEMORY)"
	s, err := tryReadOnly(path, dsn, cf)
	switch {
	case err == nil || errors.Is(err, errSchemaBehind) || cf.readOnly == "":
	case walEmpty(path):
		s, err = tryReadOnly(path, dsn+"&immutable=1", cf)
	default:
		err = fmt.Errorf("the cache %s is read-only (%s) and its last changes are still in %s-wal, which SQLite reads only where it may write: open it once with write access, or copy the cache with its -wal file to a folder you can write and give the copy with --db",
			path, cf.readOnly, path)
	}
	return s, err
}

func tryReadOnly(path, dsn string, cf cacheFiles) (*Store, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot open the cache %s: %w", path, err)
	}
	why := cf.readOnly
	if why == "" {
		why = readingOnly
	}
	s := &Store{db: db, path: path, readOnly: why, notes: cf.notes}
	if err := s.schemaCurrent(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// schemaCurrent reads which migrations the cache holds, without writing: errSchemaBehind
// when this build knows more, an error when the cache comes from a newer build.
func (s *Store) schemaCurrent(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	pending, err := pendingMigrations(s.Read(ctx), ms)
	switch {
	case err != nil:
		return fmt.Errorf("cache %s: %w", s.path, err)
	case len(pending) > 0:
		return errSchemaBehind
	}
	return nil
}

// walEmpty reports whether the cache has no -wal file holding changes not yet in the
// cache file itself.
func walEmpty(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err != nil || fi.Size() == 0
}

// ErrDiskFull is a write that found no room on the disk; SQLite rolled it back, so
// what the cache held before stays.
var ErrDiskFull = errors.New("the disk is full: the change was not saved")

// diskFull turns SQLite's "database or disk is full", a failed growth of the -shm file
// and the system's ENOSPC into ErrDiskFull; other errors stay as they are.
func diskFull(err error) error {
	const sqliteFull, sqliteIOErrShmSize = 13, 4874
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code()&0xff == sqliteFull || se.Code() == sqliteIOErrShmSize) ||
		errors.Is(err, syscall.ENOSPC) {
		return ErrDiskFull
	}
	return err
}
