// Package pg is team mode's PostgreSQL store: every row of the tenant's cache, compacted
// to its latest version, written in serializable transactions and read back as an ordered
// change feed that skips nothing when transactions commit out of order.
package pg

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is the server's connection pool to PostgreSQL with its schema up to date.
type DB struct {
	pool *pgxpool.Pool
	host string // where PostgreSQL is, for messages

	listenOnce sync.Once
	stopListen context.CancelFunc
	listening  sync.WaitGroup
	changedMu  sync.Mutex
	changed    chan struct{}
}

// Open connects to PostgreSQL at url (libpq conventions: a URL or key=value string,
// PGPASSWORD and the other PG* variables, ~/.pgpass, sslmode) and applies the schema's
// migrations that are missing.
func Open(ctx context.Context, url string) (*DB, error) {
	config, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("the PostgreSQL address is not valid: %s", oneLine(err.Error()))
	}
	db := &DB{host: hostOf(config), changed: make(chan struct{})}
	if db.pool, err = pgxpool.NewWithConfig(ctx, config); err != nil {
		return nil, db.explain(err)
	}
	if err := db.Ping(ctx); err != nil {
		db.pool.Close()
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.pool.Close()
		return nil, db.explain(err)
	}
	return db, nil
}

// hostOf names where PostgreSQL is: host and port, or the socket folder.
func hostOf(config *pgxpool.Config) string {
	c := config.ConnConfig
	if len(c.Host) > 0 && c.Host[0] == '/' {
		return c.Host
	}
	return fmt.Sprintf("%s:%d", c.Host, c.Port)
}

// Host is where PostgreSQL is (host and port, or its socket folder), for the server's logs.
func (db *DB) Host() string { return db.host }

// Ping checks that PostgreSQL answers, for the server's readiness endpoint.
func (db *DB) Ping(ctx context.Context) error {
	return db.explain(db.reconnecting(func() error { return db.pool.Ping(ctx) }))
}

// reconnecting runs f, and once more when a connection of the pool turned out broken:
// after PostgreSQL restarts, every idle connection is, so the pool drops them all. f must
// be safe to run twice.
func (db *DB) reconnecting(f func() error) error {
	err := f()
	if err != nil && lostConnection(err) {
		db.pool.Reset()
		err = f()
	}
	return err
}

// Close stops listening for changes and closes every connection.
func (db *DB) Close() {
	if db.stopListen != nil {
		db.stopListen()
	}
	db.listening.Wait()
	db.pool.Close()
}

// UnreachableError says that PostgreSQL could not be reached, or went away mid-transaction.
type UnreachableError struct {
	Host string
	Err  error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("PostgreSQL at %s is unreachable: %s", e.Host, oneLine(cause(e.Err).Error()))
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// explain turns an error of PostgreSQL being down into an UnreachableError; others are
// returned as they are.
func (db *DB) explain(err error) error {
	var already *UnreachableError
	if err == nil || errors.As(err, &already) || !unreachable(err) {
		return err
	}
	return &UnreachableError{Host: db.host, Err: err}
}
