package testkit

import (
	"database/sql"

	"nimbusadmin/data"
	"nimbusadmin/data/internal/rawsql"
)

// Exec runs a statement on q, for a test that sets up or damages a cache in a way no
// use case would (the guard test at the module root keeps testkit out of non-test code).
func Exec(q *data.Q, query string, args ...any) (sql.Result, error) {
	return rawsql.Exec(q, query, args...)
}

// Prepare prepares a statement on q, for a test that inspects what a use case wrote.
func Prepare(q *data.Q, query string) (*sql.Stmt, error) { return rawsql.Prepare(q, query) }
