package data

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
)

// A write that finds the disk full says so in the admin's words and loses nothing:
// SQLite answers SQLITE_FULL when the cache may not grow past max_page_count, as it does
// when the disk has no room left.
func TestAFullDiskSaysSoAndLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tenant.db")
	openClosed(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.SetMaxOpenConns(1) // max_page_count holds for one connection
	var pages int
	if err := s.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+1)).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	err = s.Tx(context.Background(), func(q *Q) error {
		if _, err := q.exec(`DELETE FROM kept WHERE n = 1`); err != nil {
			return err
		}
		if _, err := q.exec(`INSERT INTO kept WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 50000) SELECT x FROM c`); err != nil {
			return fmt.Errorf("cannot store the users: %w", err)
		}
		return nil
	})
	if !errors.Is(err, ErrDiskFull) || err.Error() != "the disk is full: the change was not saved" {
		t.Fatalf("error %v, want %q", err, ErrDiskFull)
	}
	var n, sum int
	if err := s.db.QueryRow(`SELECT count(*), sum(n) FROM kept`).Scan(&n, &sum); err != nil || n != 3 || sum != 6 {
		t.Errorf("after the full disk the cache holds %d rows summing %d (%v), want the 3 it had", n, sum, err)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check says %q (%v)", check, err)
	}
}
