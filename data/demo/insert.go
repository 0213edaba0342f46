package demo

import (
	"database/sql"
	"strings"

	"nimbusadmin/data"
	"nimbusadmin/data/internal/rawsql"
)

// maxParams bounds the parameters of one multi-row INSERT; a few hundred amortise the
// per-statement cost without making SQLite's parser work on huge texts.
const maxParams = 30000

// batch writes the rows of one table many at a time through one reused prepared
// statement. Errors are sticky: after the first one nothing more is written and
// writer.err reports it.
type batch struct {
	w      *writer
	head   string // INSERT INTO t (a, b) VALUES
	cols   int
	per    int // rows per full statement
	stmt   *sql.Stmt
	args   []any
	parent *batch // flushed first, so that foreign keys find their rows
}

// writer owns the batches of one generation and their first error.
type writer struct {
	q       *data.Q
	batches []*batch
	err     error
}

// batch starts a batched insert into table with the given columns; parent, when not
// nil, is flushed before each flush of the new batch.
func (w *writer) batch(parent *batch, table string, cols ...string) *batch {
	b := &batch{
		w:      w,
		head:   "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		cols:   len(cols),
		per:    max(1, maxParams/len(cols)),
		parent: parent,
	}
	b.args = make([]any, 0, b.per*b.cols)
	w.batches = append(w.batches, b)
	return b
}

// add queues one row; its values must match the batch's columns.
func (b *batch) add(vals ...any) {
	if b.w.err != nil {
		return
	}
	b.args = append(b.args, vals...)
	if len(b.args) >= b.per*b.cols {
		b.flush()
	}
}

// flush writes the queued rows.
func (b *batch) flush() {
	if b.w.err != nil || len(b.args) == 0 {
		return
	}
	if b.parent != nil {
		b.parent.flush()
	}
	rows := len(b.args) / b.cols
	var err error
	if rows == b.per {
		if b.stmt == nil {
			b.stmt, err = rawsql.Prepare(b.w.q, b.text(rows))
		}
		if err == nil {
			_, err = b.stmt.Exec(b.args...)
		}
	} else {
		_, err = rawsql.Exec(b.w.q, b.text(rows), b.args...)
	}
	clear(b.args)
	b.args = b.args[:0]
	if err != nil {
		b.w.err = err
	}
}

// text is the INSERT statement for rows rows.
func (b *batch) text(rows int) string {
	one := "(" + strings.Repeat("?, ", b.cols-1) + "?)"
	var s strings.Builder
	s.Grow(len(b.head) + rows*(len(one)+2))
	s.WriteString(b.head)
	for i := range rows {
		if i > 0 {
			s.WriteString(", ")
		}
		s.WriteString(one)
	}
	return s.String()
}

// close flushes every batch in creation order and releases the statements; it returns
// the first error of the whole generation.
func (w *writer) close() error {
	for _, b := range w.batches {
		b.flush()
	}
	for _, b := range w.batches {
		if b.stmt != nil {
			b.stmt.Close()
		}
	}
	return w.err
}

// nullID is an optional foreign key: NULL for zero.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// boolInt stores a flag the way the schema does.
func boolInt(v bool) int {
	if v {
		return 1
	}
	return 0
}
