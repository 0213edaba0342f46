// Package data is the SQLite cache of one tenant: its schema and migrations, the domain
// types, and typed queries. It knows nothing of Fyne, HTTP or the business rules.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"nimbusadmin/data/internal/rawsql"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open tenant cache. It is safe for concurrent use; writes are serialised
// by SQLite (WAL mode lets readers go on while one writer commits).
type Store struct {
	db       *sql.DB
	path     string
	readOnly string        // why the cache cannot be written; "" when it can
	notes    []string      // what the admin should fix about its permissions
	primary  *primaryState // set when the store is a team server's working copy
}

// Open opens (creating when needed, mode 0600) the cache at path for changes and brings
// its schema up to date. The parent directory is created with mode 0700.
func Open(path string) (*Store, error) { return OpenWith(path, OpenOptions{}) }

// OpenWith opens the cache at path as o says. A cache this process cannot write (a
// read-only file, folder or disk) opens read-only, saying why in ReadOnly.
func OpenWith(path string, o OpenOptions) (s *Store, err error) {
	defer func() { err = notACache(path, err) }()
	cf, err := prepareFiles(path, o)
	if err != nil {
		return nil, err
	}
	if o.ReadOnly || cf.readOnly != "" {
		rs, err := openReadOnly(path, cf)
		switch {
		case errors.Is(err, errSchemaBehind) && cf.readOnly != "":
			return nil, fmt.Errorf("the cache %s is read-only (%s) and was written by an older Nimbus Admin, which this one cannot read: copy it to a folder you can write and give the copy with --db", path, cf.readOnly)
		case !errors.Is(err, errSchemaBehind):
			return rs, err
		}
		// Read by a command that only reads, but written by an older build: it is brought
		// up to date as any open would.
	}
	if err := refuseAnotherDatabase(path); err != nil {
		return nil, err
	}
	dsn := fileURI(path) +
		"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(" + strconv.FormatInt(busyTimeout.Milliseconds(), 10) + ")" +
		"&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot open the cache %s: %w", path, err)
	}
	s = &Store{db: db, path: path, notes: cf.notes}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	s.repairDirectoryIndexes()
	return s, nil
}

// fileURI names the cache file as an SQLite URI whose path is exactly path: the
// characters a URI gives a meaning to ('%' escapes, '?' starts the options, '#' a
// fragment) are escaped, so that a folder or file named "c#d" or "50%?" holds the cache
// itself instead of cutting the name short and losing the options (foreign keys among
// them). The path is made absolute; Windows drive letters get the leading slash a file
// URI needs.
func fileURI(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return "file://" + strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
}

// Path is the cache file's location, for status lines and messages.
func (s *Store) Path() string { return s.path }

// Close releases the cache file.
func (s *Store) Close() error { return s.db.Close() }

// Read gives the typed queries on the connection pool, for reads that need no transaction.
func (s *Store) Read(ctx context.Context) *Q { return &Q{db: s.db, ctx: ctx} }

// Tx runs fn in one write transaction: everything fn writes is committed together, or,
// when fn returns an error or ctx is cancelled before the commit, nothing is. A cancel
// interrupts fn's statements and is reported as ctx's error; the transaction itself is
// not bound to ctx, because database/sql would then roll it back from another goroutine
// the moment ctx is cancelled, and a commit racing that rollback fails with "transaction
// has already been committed or rolled back" instead of saying it was cancelled.
//
// On a team server's working copy (WriteThrough) the transaction runs inside one of the
// authoritative store and commits there first; fn may then run more than once.
func (s *Store) Tx(ctx context.Context, fn func(q *Q) error) error {
	if s.primary != nil {
		return s.primaryTx(ctx, fn)
	}
	return s.plainTx(ctx, fn)
}

// plainTx is one transaction of the SQLite file alone.
func (s *Store) plainTx(ctx context.Context, fn func(q *Q) error) (err error) {
	defer func() { err = diskFull(err) }()
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return s.busy(err)
	}
	if err := fn(&Q{db: tx, ctx: ctx}); err != nil {
		tx.Rollback()
		return s.busy(err)
	}
	if err := ctx.Err(); err != nil {
		tx.Rollback()
		return err
	}
	return s.busy(tx.Commit())
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// Q carries the typed queries; it runs either inside a transaction or on the pool.
type Q struct {
	db  querier
	ctx context.Context
}

// exec runs a statement the typed queries are built from.
func (q *Q) exec(query string, args ...any) (sql.Result, error) {
	return q.db.ExecContext(q.ctx, query, args...)
}

// prepare prepares a statement for repeated use within this Q's transaction.
func (q *Q) prepare(query string) (*sql.Stmt, error) { return q.db.PrepareContext(q.ctx, query) }

// execEach runs a statement of one parameter once for each id, prepared once, so that a
// long list of ids costs one parse.
func (q *Q) execEach(query string, ids []string) error {
	stmt, err := q.prepare(query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(q.ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// The packages under data/ that write in bulk (the demo generator) or set up tests reach
// a Q's connection through rawsql, which nothing outside data/ can import.
func init() {
	rawsql.Register(func(v any) (context.Context, rawsql.Conn) {
		q := v.(*Q)
		return q.ctx, q.db
	})
}

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// SchemaVersion is the highest migration this build knows.
func SchemaVersion() int {
	ms, _ := migrations()
	return ms[len(ms)-1].version
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		n, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(n)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies every migration not applied yet, in version order, in one transaction
// that also records each applied version. Versions are tracked one by one so that
// migrations written on parallel branches all apply, whatever order they landed in.
// Opening a cache whose schema is up to date only reads: the write lock is taken when a
// migration is pending, so that opening (to read, say) never waits for a sync that writes.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if pending, err := pendingMigrations(s.Read(ctx), ms); err != nil || len(pending) == 0 {
		return err
	}
	return s.Tx(ctx, func(q *Q) error {
		if _, err := q.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
			return err
		}
		pending, err := pendingMigrations(q, ms) // again under the lock: another process may have applied them meanwhile
		if err != nil {
			return err
		}
		for _, m := range pending {
			if _, err := q.exec(m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := q.exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, m.version, Timestamp(Now())); err != nil {
				return err
			}
		}
		return nil
	})
}
