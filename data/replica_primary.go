package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// Primary is the authoritative store a team server's working copy writes through: every
// transaction of the working copy runs inside one of the primary's, and commits there
// first.
type Primary interface {
	// Begin starts a transaction of the primary and gives the rows committed at or after
	// cursor that it sees, with the cursor to resume from once they are applied.
	Begin(ctx context.Context, cursor uint64) (PrimaryTx, []Row, uint64, error)
	// Retryable reports whether a transaction that failed with err should be run again
	// (PostgreSQL could not serialize it).
	Retryable(err error) bool
}

// PrimaryTx is one open transaction of the primary.
type PrimaryTx interface {
	// Commit writes the rows the working copy's transaction changed and commits.
	Commit(ctx context.Context, rows []Row) error
	// Rollback ends the transaction without writing.
	Rollback(ctx context.Context)
	// Xid is the position of the transaction in the change feed, once it committed: a
	// replica whose cursor is past it holds what it wrote.
	Xid() uint64
}

// primaryState is what a Store keeps when it is a server's working copy.
type primaryState struct {
	mu      sync.Mutex // one transaction at a time, the primary's included
	primary Primary
	last    uint64 // the Xid of the last commit
}

// LastCommit is the change-feed position of the last transaction this working copy
// committed through its primary: a replica past it holds that change.
func (s *Store) LastCommit() uint64 {
	if s.primary == nil {
		return 0
	}
	s.primary.mu.Lock()
	defer s.primary.mu.Unlock()
	return s.primary.last
}

// maxPrimaryAttempts bounds how often a transaction PostgreSQL could not serialize is run
// again before its error is returned.
const maxPrimaryAttempts = 20

// WriteThrough makes the store the working copy of p: from now on every transaction
// first applies what p committed since, and commits in p before it commits here. It
// installs the triggers that list the rows each transaction changes.
func (s *Store) WriteThrough(ctx context.Context, p Primary) error {
	err := s.plainTx(ctx, func(q *Q) error {
		tables, err := replicatedTables(q)
		if err != nil {
			return err
		}
		for _, t := range tables {
			for _, tr := range captureTriggers(t) {
				if _, err := q.exec(tr); err != nil {
					return fmt.Errorf("capture on %s: %w", t.name, err)
				}
			}
		}
		_, err = q.exec(`DELETE FROM replica_changes`)
		return err
	})
	if err != nil {
		return err
	}
	s.primary = &primaryState{primary: p}
	return nil
}

// captureTriggers list, in replica_changes, the key of every row written (made again
// at each start, so that a newer build's definition replaces an older one).
func captureTriggers(t *table) []string {
	add := func(row string) string {
		return fmt.Sprintf(`INSERT INTO replica_changes (tbl, key) VALUES ('%s', %s) ON CONFLICT DO NOTHING;`,
			t.name, fmt.Sprintf(t.keyExpr, row))
	}
	name := "replica_capture_" + t.name
	return []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS "%s_insert"`, name),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS "%s_update"`, name),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS "%s_delete"`, name),
		fmt.Sprintf(`CREATE TRIGGER "%s_insert" AFTER INSERT ON "%s" BEGIN %s END`, name, t.name, add("NEW")),
		fmt.Sprintf(`CREATE TRIGGER "%s_update" AFTER UPDATE ON "%s" BEGIN %s %s END`, name, t.name, add("OLD"), add("NEW")),
		fmt.Sprintf(`CREATE TRIGGER "%s_delete" AFTER DELETE ON "%s" BEGIN %s END`, name, t.name, add("OLD")),
	}
}

// primaryTx runs fn as one transaction of the working copy inside one of the primary,
// run again when the primary could not serialize it.
func (s *Store) primaryTx(ctx context.Context, fn func(q *Q) error) error {
	s.primary.mu.Lock()
	defer s.primary.mu.Unlock()
	p := s.primary.primary
	for attempt := 1; ; attempt++ {
		err := s.primaryAttempt(ctx, p, fn)
		if err == nil || !p.Retryable(err) || attempt == maxPrimaryAttempts || ctx.Err() != nil {
			return err
		}
	}
}

func (s *Store) primaryAttempt(ctx context.Context, p Primary, fn func(q *Q) error) error {
	cursor, err := s.Read(ctx).ReplicaCursor()
	if err != nil {
		return err
	}
	ptx, rows, next, err := p.Begin(ctx, cursor)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			ptx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	// The primary is empty: this new server's working copy (the built-in roles every
	// cache starts with) is what its first transaction writes there.
	seed := cursor == 0 && len(rows) == 0
	if !seed && (len(rows) > 0 || next != cursor) {
		if err := s.plainTx(ctx, func(q *Q) error { return q.applyFromPrimary(rows, next) }); err != nil {
			return err
		}
	}
	return s.plainTx(ctx, func(q *Q) error {
		if seed {
			if err := q.markAllChanged(next); err != nil {
				return err
			}
		}
		if err := fn(q); err != nil {
			return err
		}
		changed, err := q.takeChanges()
		if err != nil {
			return err
		}
		committed = true
		if err := ptx.Commit(ctx, changed); err != nil {
			return err
		}
		s.primary.last = ptx.Xid()
		if len(changed) == 0 {
			return nil
		}
		// Every writer reads the rows since its cursor in its SERIALIZABLE transaction and
		// writes rows, so any two that overlap conflict and one is run again: none below
		// this transaction's id can still commit, and the copy holds all that did. Only a
		// transaction that wrote rows moves the cursor, as only its id is surely logged.
		return q.SetReplicaCursor(ptx.Xid() + 1)
	})
}

// applyFromPrimary brings the working copy up to the primary: the rows it applies are
// not changes of its own, so they are not listed for the primary.
func (q *Q) applyFromPrimary(rows []Row, next uint64) error {
	// A first catch-up (cursor 0) replaces all the working copy holds.
	cursor, err := q.ReplicaCursor()
	if err != nil {
		return err
	}
	if err := q.ApplyFeed(rows, cursor, next); err != nil {
		return err
	}
	_, err = q.exec(`DELETE FROM replica_changes`)
	return err
}

// markAllChanged lists every replicated row as changed.
func (q *Q) markAllChanged(next uint64) error {
	tables, err := replicatedTables(q)
	if err != nil {
		return err
	}
	for _, t := range tables {
		key := fmt.Sprintf(t.keyExpr, `"`+t.name+`"`)
		if _, err := q.exec(`INSERT INTO replica_changes (tbl, key) SELECT ?, `+key+` FROM "`+t.name+`" WHERE true ON CONFLICT DO NOTHING`, t.name); err != nil {
			return err
		}
	}
	return q.SetReplicaCursor(next)
}

// takeChanges reads the rows the transaction changed, as they are now (a row gone is a
// deleted row), and empties the list.
func (q *Q) takeChanges() ([]Row, error) {
	tables, err := replicatedTables(q)
	if err != nil {
		return nil, err
	}
	byName := map[string]*table{}
	for _, t := range tables {
		byName[t.name] = t
	}
	keys, err := q.db.QueryContext(q.ctx, `SELECT tbl, key FROM replica_changes ORDER BY tbl, key`)
	if err != nil {
		return nil, err
	}
	var changed []Row
	for keys.Next() {
		var r Row
		var key string
		if err := keys.Scan(&r.Table, &key); err != nil {
			keys.Close()
			return nil, err
		}
		r.Key = []byte(key)
		changed = append(changed, r)
	}
	keys.Close()
	if err := keys.Err(); err != nil {
		return nil, err
	}
	for i, r := range changed {
		t := byName[r.Table]
		if t == nil {
			return nil, fmt.Errorf("a change to the unknown table %s", r.Table)
		}
		var data []byte
		err := q.db.QueryRowContext(q.ctx, t.read, string(r.Key)).Scan(&data)
		switch {
		case err == nil:
			changed[i].Data = data
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	_, err = q.exec(`DELETE FROM replica_changes`)
	return changed, err
}
