package pg

import (
	"context"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// maxAttempts bounds how often Write runs a transaction that keeps losing to concurrent ones.
const maxAttempts = 10

// notifyChannel is the LISTEN/NOTIFY channel on which a commit that wrote rows wakes the
// servers following the feed.
const notifyChannel = "nimbus_rows"

// Tx is one serializable write transaction of Write.
type Tx struct {
	ctx   context.Context
	tx    pgx.Tx
	wrote bool
}

// Write runs fn in one SERIALIZABLE transaction and commits it. A transaction that fails
// because a concurrent one won (serialization failure, deadlock) is run again, fn
// included, after a short random pause, up to maxAttempts times; so is one that found its
// connection broken before committing (PostgreSQL restarted: the pool reconnects once).
// Any other error of fn or PostgreSQL is returned as it is, and nothing is written — but
// for a connection lost during the commit itself, when PostgreSQL may have committed.
func (db *DB) Write(ctx context.Context, fn func(tx *Tx) error) error {
	reconnected := false
	for attempt := 1; ; attempt++ {
		wrote, committing, err := db.writeOnce(ctx, fn)
		if err == nil {
			if wrote {
				db.notify(ctx)
			}
			return nil
		}
		if !committing && !reconnected && lostConnection(err) {
			reconnected = true
			db.pool.Reset()
			continue
		}
		if !retriable(err) || attempt == maxAttempts {
			return db.explain(err)
		}
		// Jittered, growing pause: 1–2 ms, then 2–4 ms … up to 100–200 ms.
		pause := time.Millisecond << min(attempt-1, 7)
		pause += rand.N(pause)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
}

// writeOnce runs fn in one transaction; committing tells whether an error came from the
// commit, whose outcome a broken connection leaves unknown.
func (db *DB) writeOnce(ctx context.Context, fn func(tx *Tx) error) (wrote, committing bool, err error) {
	ptx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return false, false, err
	}
	defer func() { _ = ptx.Rollback(context.WithoutCancel(ctx)) }()
	tx := &Tx{ctx: ctx, tx: ptx}
	if err := fn(tx); err != nil {
		return false, false, err
	}
	if err := ptx.Commit(ctx); err != nil {
		return false, !pgconn.SafeToRetry(err), err
	}
	return tx.wrote, false, nil
}

// notify wakes the servers following the feed; when it fails, their periodic tick does.
func (db *DB) notify(ctx context.Context) {
	_, _ = db.pool.Exec(ctx, "SELECT pg_notify($1, '')", notifyChannel)
}

// Put writes rows, each replacing the row of the same table and key; a row without data
// is kept as the tombstone of a deleted row, so that replicas learn of the deletion. When
// rows repeat a key, the last one counts.
func (t *Tx) Put(rows []Row) error {
	if len(rows) == 0 {
		return nil
	}
	rows = lastOfEachKey(rows)
	tables := make([]string, len(rows))
	keys := make([]string, len(rows))
	datas := make([]*string, len(rows))
	for i, r := range rows {
		tables[i], keys[i] = r.Table, string(r.Key)
		if r.Data != nil {
			d := string(r.Data)
			datas[i] = &d
		}
	}
	_, err := t.tx.Exec(t.ctx, `INSERT INTO rows (tbl, key, data, xid)
		SELECT tbl, key, data, pg_current_xact_id() FROM unnest($1::text[], $2::text[], $3::text[]) AS u(tbl, key, data)
		ON CONFLICT (tbl, key) DO UPDATE SET data = excluded.data, xid = excluded.xid`,
		tables, keys, datas)
	if err == nil {
		t.wrote = true
	}
	return err
}

// lastOfEachKey drops the rows a later row of the same table and key replaces: one
// statement may not change a row twice.
func lastOfEachKey(rows []Row) []Row {
	type id struct{ table, key string }
	last := make(map[id]int, len(rows))
	for i, r := range rows {
		last[id{r.Table, string(r.Key)}] = i
	}
	if len(last) == len(rows) {
		return rows
	}
	out := make([]Row, 0, len(last))
	for i, r := range rows {
		if last[id{r.Table, string(r.Key)}] == i {
			out = append(out, r)
		}
	}
	return out
}

// Since is every row this transaction sees that was written by transaction cursor or a
// later one, tombstones included, in the feed's order. The server reads it to bring its
// working copy up to date; having read them, the transaction conflicts with any concurrent
// one that writes such rows, and one of the two is run again.
func (t *Tx) Since(cursor uint64) ([]Row, error) {
	rows, err := t.tx.Query(t.ctx, `SELECT tbl, key, data FROM rows WHERE xid >= $1::text::xid8 ORDER BY xid, tbl, key`,
		strconv.FormatUint(cursor, 10))
	if err != nil {
		return nil, err
	}
	var out []Row
	err = scanRows(rows, func(r Row) error { out = append(out, r); return nil })
	return out, err
}

// Horizon is the cursor from which the next Since finds every row this transaction does
// not see: no transaction below it is still running.
func (t *Tx) Horizon() (uint64, error) {
	return horizon(t.ctx, t.tx)
}

// Empty tells whether PostgreSQL holds no row at all, not even a tombstone: an import
// of a single admin's cache goes only into an empty server.
func (t *Tx) Empty() (bool, error) {
	var empty bool
	err := t.tx.QueryRow(t.ctx, "SELECT NOT EXISTS (SELECT 1 FROM rows)").Scan(&empty)
	return empty, err
}
