// Package rawsql lets the packages under data/ that need statements no typed query
// covers (the demo generator's bulk inserts, the test kit's setup) run SQL on a store's
// connection or transaction. It is internal to data/: nothing outside data/ can import
// it, so SQL stays in data/ by the compiler's word, not by convention.
package rawsql

import (
	"context"
	"database/sql"
)

// Conn is what a *sql.DB and a *sql.Tx offer for raw statements.
type Conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// open turns a *data.Q into its context and connection; package data sets it.
var open func(q any) (context.Context, Conn)

// Register is called once by package data with the function that opens its *Q.
func Register(f func(q any) (context.Context, Conn)) { open = f }

// Exec runs a statement on q (a *data.Q), inside its transaction when it has one.
func Exec(q any, query string, args ...any) (sql.Result, error) {
	ctx, c := open(q)
	return c.ExecContext(ctx, query, args...)
}

// Prepare prepares a statement on q (a *data.Q) for repeated use.
func Prepare(q any, query string) (*sql.Stmt, error) {
	ctx, c := open(q)
	return c.PrepareContext(ctx, query)
}
