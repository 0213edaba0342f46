package data

import (
	"context"
	"errors"
	"fmt"
	"os"

	"modernc.org/sqlite"
)

// Snapshot writes a consistent copy of the cache, as one committed state, to the new
// file at path: the first state of a new replica of a team server, with the feed cursor
// that state is at. Loading a file is far faster than writing a million rows one by one.
func (s *Store) Snapshot(ctx context.Context, path string) error {
	_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, fileURI(path))
	return err
}

// Restore replaces everything the cache holds by the snapshot file at path, in one step
// that other connections see whole or not at all, then removes what belonged to the
// server's working copy alone (the triggers that list its changes).
func (s *Store) Restore(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	err = conn.Raw(func(driverConn any) error {
		r, ok := driverConn.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver cannot restore a database")
		}
		b, err := r.NewRestore(fileURI(path))
		if err != nil {
			return err
		}
		for more := true; more && err == nil; {
			more, err = b.Step(-1)
		}
		if ferr := b.Finish(); err == nil {
			err = ferr
		}
		return err
	})
	conn.Close()
	if err != nil {
		return fmt.Errorf("loading the server's snapshot: %w", err)
	}
	return s.plainTx(ctx, func(q *Q) error {
		names, err := q.idList(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'replica_capture_%'`)
		if err != nil {
			return err
		}
		for _, n := range names {
			if _, err := q.exec(`DROP TRIGGER "` + n + `"`); err != nil {
				return err
			}
		}
		_, err = q.exec(`DELETE FROM replica_changes`)
		return err
	})
}
