package pg

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5"

	"nimbusadmin/data"
)

// Begin starts the serializable transaction a team server's working copy runs one of its
// own in (data.Primary): it gives the rows committed from cursor on that the transaction
// sees, and the horizon to resume from once they are applied. Having read them, the
// transaction conflicts with any concurrent one writing rows, and one of them is run again.
func (db *DB) Begin(ctx context.Context, cursor uint64) (data.PrimaryTx, []data.Row, uint64, error) {
	var (
		t    *Tx
		rows []Row
		next uint64
	)
	err := db.reconnecting(func() error {
		ptx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
		if err != nil {
			return err
		}
		t = &Tx{ctx: ctx, tx: ptx}
		if rows, err = t.Since(cursor); err == nil {
			next, err = t.Horizon()
		}
		if err != nil {
			ptx.Rollback(context.WithoutCancel(ctx))
		}
		return err
	})
	if err != nil {
		return nil, nil, 0, db.explain(err)
	}
	return &primaryTx{db: db, t: t}, rows, next, nil
}

// Retryable says whether a transaction lost to a concurrent one and may be run again.
func (db *DB) Retryable(err error) bool { return retriable(err) }

// Wait returns when a commit may have made rows after the cursor visible (a notification,
// or the fallback tick), or when ctx ends.
func (db *DB) Wait(ctx context.Context, _ uint64) error {
	select {
	case <-db.Changed():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// primaryTx is the open transaction of Begin.
type primaryTx struct {
	db  *DB
	t   *Tx
	xid uint64
}

// Commit writes the rows the working copy changed, with the transaction's id, commits,
// and wakes the followers of the feed.
func (p *primaryTx) Commit(ctx context.Context, rows []data.Row) error {
	if err := p.t.Put(rows); err != nil {
		return p.db.explain(err)
	}
	var text string
	if err := p.t.tx.QueryRow(ctx, "SELECT pg_current_xact_id()::text").Scan(&text); err != nil {
		return p.db.explain(err)
	}
	xid, err := strconv.ParseUint(text, 10, 64)
	if err != nil {
		return err
	}
	if err := p.t.tx.Commit(ctx); err != nil {
		return p.db.explain(err)
	}
	p.xid = xid
	if p.t.wrote {
		p.db.notify(ctx)
	}
	return nil
}

// Rollback ends the transaction without writing.
func (p *primaryTx) Rollback(ctx context.Context) { p.t.tx.Rollback(ctx) }

// Xid is the committed transaction's id: a replica whose cursor is past it holds its rows.
func (p *primaryTx) Xid() uint64 { return p.xid }
