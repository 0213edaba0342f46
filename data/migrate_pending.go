package data

import "fmt"

// pendingMigrations lists the migrations of ms that the cache has not applied yet, all of
// them for a new cache; it refuses a cache written by a newer build (a version it does not
// know), which this one could misread.
func pendingMigrations(q *Q, ms []migration) ([]migration, error) {
	var tracked bool
	if err := q.db.QueryRowContext(q.ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')`).Scan(&tracked); err != nil {
		return nil, err
	}
	if !tracked {
		var tables int
		if err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&tables); err != nil {
			return nil, err
		}
		if tables > 0 {
			return nil, errAnotherDatabase
		}
		return ms, nil
	}
	rows, err := q.db.QueryContext(q.ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	known := map[int]bool{}
	for _, m := range ms {
		known[m.version] = true
	}
	for v := range applied {
		if !known[v] {
			return nil, fmt.Errorf("written by a newer Nimbus Admin (schema migration %d is unknown to this build); update the program", v)
		}
	}
	var pending []migration
	for _, m := range ms {
		if !applied[m.version] {
			pending = append(pending, m)
		}
	}
	return pending, nil
}
