package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ApplyRows writes rows of the team server into this cache, inside the caller's
// transaction. Rows are states, not steps: a row replaces what the cache holds under its
// key, a deleted row removes it, and applying the same rows twice leaves the same cache.
// Rows of one feed range name each key once, so they may be written in any order: every
// deletion first (a deletion's cascade then removes only what the range deletes too),
// then the rows, parents before children. The row versions are written as the server has
// them: the triggers that raise them stand aside meanwhile. Foreign keys are checked at
// commit.
func (q *Q) ApplyRows(rows []Row) error {
	tables, err := replicatedTables(q)
	if err != nil {
		return err
	}
	if _, err := q.exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	if err := q.SetReplicaValue("applying", "1"); err != nil {
		return err
	}
	byTable := map[string][]Row{}
	for _, r := range rows {
		byTable[r.Table] = append(byTable[r.Table], r)
	}
	known := map[string]bool{}
	for _, t := range tables {
		known[t.name] = true
	}
	for name := range byTable {
		if !known[name] {
			return fmt.Errorf("the server sent rows of a table this build does not know (%s): update Nimbus Admin", name)
		}
	}
	for i := len(tables) - 1; i >= 0; i-- {
		if err := q.applyTable(tables[i], byTable[tables[i].name], true); err != nil {
			return err
		}
	}
	for _, t := range tables {
		if err := q.applyTable(t, byTable[t.name], false); err != nil {
			return err
		}
	}
	_, err = q.exec(`DELETE FROM replica_state WHERE key = 'applying'`)
	return err
}

// applyTable writes the deletions (deleted true) or the other rows of one table.
func (q *Q) applyTable(t *table, rows []Row, deleted bool) error {
	query := t.upsert
	if deleted {
		query = t.remove
	}
	var stmt *sql.Stmt
	for _, r := range rows {
		if r.Deleted() != deleted {
			continue
		}
		if stmt == nil {
			var err error
			if stmt, err = q.db.PrepareContext(q.ctx, query); err != nil {
				return err
			}
			defer stmt.Close()
		}
		arg := string(r.Key)
		if !deleted {
			arg = string(r.Data)
		}
		if _, err := stmt.ExecContext(q.ctx, arg); err != nil {
			if !deleted && t.name == "services" && strings.Contains(err.Error(), "assignment type") {
				// The server deleted a service and made another with the same id: the old one
				// goes first, as there.
				if err = q.replaceRow(t, r); err == nil {
					continue
				}
			}
			return fmt.Errorf("applying the server's %s %s: %w", t.name, r.Key, err)
		}
	}
	return nil
}

// ApplyFeed applies one range of the change feed, from the cursor `from` to `next`, and
// records next as the cursor, in the caller's transaction. The range from 0 is the whole
// of the server's data: what the cache held before (the built-in roles every new cache
// starts with) is removed first, so that the replica holds exactly the server's rows.
//
// A range that no longer starts at the cache's cursor (another catch-up of the same
// replica applied one meanwhile) is not applied: it returns ErrRangeMovedOn, as applying
// an older range after a newer one would bring old rows back.
func (q *Q) ApplyFeed(rows []Row, from, next uint64) error {
	if now, err := q.ReplicaCursor(); err != nil {
		return err
	} else if now != from {
		return ErrRangeMovedOn
	}
	if from == 0 {
		if err := q.clearReplicated(); err != nil {
			return err
		}
	}
	if err := q.ApplyRows(rows); err != nil {
		return err
	}
	return q.SetReplicaCursor(next)
}

// ErrRangeMovedOn is a feed range that no longer starts at the replica's cursor.
var ErrRangeMovedOn = errors.New("the replica has moved on past this range of the feed")

// clearReplicated deletes every replicated row, children first; the row versions last,
// as deleting the rows before them raises them.
func (q *Q) clearReplicated() error {
	tables, err := replicatedTables(q)
	if err != nil {
		return err
	}
	if _, err := q.exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := q.exec(`DELETE FROM "` + tables[i].name + `"`); err != nil {
			return err
		}
	}
	_, err = q.exec(`DELETE FROM row_versions`)
	return err
}

// replaceRow deletes the row under r's key and writes r in its place.
func (q *Q) replaceRow(t *table, r Row) error {
	if _, err := q.exec(t.remove, string(r.Key)); err != nil {
		return err
	}
	_, err := q.exec(t.upsert, string(r.Data))
	return err
}

// ExportRows gives every replicated row of the cache, parents before children: the
// first state of a replica, or what `server import` loads into an empty server.
func (q *Q) ExportRows(fn func(Row) error) error {
	tables, err := replicatedTables(q)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if err := q.exportTable(t, fn); err != nil {
			return err
		}
	}
	return nil
}

func (q *Q) exportTable(t *table, fn func(Row) error) error {
	rows, err := q.db.QueryContext(q.ctx, t.all)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, data string
		if err := rows.Scan(&key, &data); err != nil {
			return err
		}
		if err := fn(Row{Table: t.name, Key: []byte(key), Data: []byte(data)}); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ReplicaValue reads what a replica remembers under key ("" when nothing).
func (q *Q) ReplicaValue(key string) (string, error) {
	var v string
	err := q.db.QueryRowContext(q.ctx, `SELECT value FROM replica_state WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetReplicaValue remembers value under key, in the caller's transaction.
func (q *Q) SetReplicaValue(key, value string) error {
	_, err := q.exec(`INSERT INTO replica_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// ReplicaCursor is the change feed's position this cache has applied everything before.
func (q *Q) ReplicaCursor() (uint64, error) {
	v, err := q.ReplicaValue("cursor")
	if err != nil || v == "" {
		return 0, err
	}
	return strconv.ParseUint(v, 10, 64)
}

// SetReplicaCursor records the feed position, in the transaction that applied the rows
// before it, so that a replica killed at any point resumes from what it committed.
func (q *Q) SetReplicaCursor(c uint64) error {
	return q.SetReplicaValue("cursor", strconv.FormatUint(c, 10))
}

// ReplaceAll makes the cache hold exactly rows, in the caller's transaction: a team
// server importing a single admin's cache.
func (q *Q) ReplaceAll(rows []Row) error {
	if err := q.clearReplicated(); err != nil {
		return err
	}
	return q.ApplyRows(rows)
}
