package pg

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/jackc/pgx/v5"
)

// Feed calls fn with every row written by a transaction whose id is at least after and
// below the horizon, in order of transaction, table and key, and returns the horizon as
// the next cursor. The horizon is the oldest transaction still running when the feed was
// read, so a transaction that commits later has an id at or above it and comes in a later
// call: nothing is skipped when transactions commit out of order. Reading again from the
// same cursor gives the same rows or newer versions of them; Feed from 0 is the snapshot
// of everything (tombstones included). Everything is read in one read-only snapshot; a
// connection broken by a restart of PostgreSQL is replaced and the feed read again, so fn
// may see a row twice.
func (db *DB) Feed(ctx context.Context, after uint64, fn func(Row) error) (next uint64, err error) {
	options := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err = db.reconnecting(func() error {
		return pgx.BeginTxFunc(ctx, db.pool, options, func(tx pgx.Tx) error {
			if next, err = horizon(ctx, tx); err != nil {
				return err
			}
			rows, err := tx.Query(ctx, `SELECT tbl, key, data FROM rows
				WHERE xid >= $1::text::xid8 AND xid < $2::text::xid8 ORDER BY xid, tbl, key`,
				strconv.FormatUint(after, 10), strconv.FormatUint(next, 10))
			if err != nil {
				return err
			}
			return scanRows(rows, fn)
		})
	})
	if err != nil {
		return after, db.explain(err)
	}
	return next, nil
}

// horizon is the cursor a reader may resume from: the id of the oldest transaction still
// running in tx's snapshot (every transaction below it has finished), but never beyond
// the newest id PostgreSQL wrote in its log plus one. An id given to a transaction that
// wrote nothing is not logged, and after a crash PostgreSQL may give it again: a cursor
// past it would then skip the rows of the transaction that gets it.
func horizon(ctx context.Context, tx pgx.Tx) (uint64, error) {
	var xmin, newest string
	err := tx.QueryRow(ctx, `SELECT pg_snapshot_xmin(pg_current_snapshot())::text,
		COALESCE((SELECT xid FROM rows ORDER BY xid DESC LIMIT 1)::text, '0')`).Scan(&xmin, &newest)
	if err != nil {
		return 0, err
	}
	low, err := strconv.ParseUint(xmin, 10, 64)
	if err != nil {
		return 0, err
	}
	top, err := strconv.ParseUint(newest, 10, 64)
	if err != nil {
		return 0, err
	}
	return min(low, top+1), nil
}

// scanRows calls fn with each row of a query of tbl, key and data, and closes it.
func scanRows(rows pgx.Rows, fn func(Row) error) error {
	defer rows.Close()
	var table string
	var key, data []byte
	for rows.Next() {
		key, data = nil, nil // pgx may fill a slice it is given: each row gets its own
		if err := rows.Scan(&table, &key, &data); err != nil {
			return err
		}
		r := Row{Table: table, Key: json.RawMessage(key)}
		if data != nil {
			r.Data = json.RawMessage(data)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}
