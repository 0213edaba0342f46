package pg

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
)

// Meta reads one of the server's own settings (such as the tenant it serves); ok is false
// when it was never set.
func (db *DB) Meta(ctx context.Context, key string) (value string, ok bool, err error) {
	err = db.pool.QueryRow(ctx, "SELECT value FROM server_meta WHERE key = $1", key).Scan(&value)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, db.explain(err)
}

// Meta reads one of the server's own settings inside the transaction.
func (t *Tx) Meta(key string) (value string, ok bool, err error) {
	err = t.tx.QueryRow(t.ctx, "SELECT value FROM server_meta WHERE key = $1", key).Scan(&value)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, err
}

// SetMeta sets one of the server's own settings, committed with the transaction.
func (t *Tx) SetMeta(key, value string) error {
	_, err := t.tx.Exec(t.ctx, `INSERT INTO server_meta (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}
