package data

import (
	"database/sql"
	"errors"
)

// RowVersion is the version of one entity an admin edits, as the triggers of the schema
// keep it: every write to the entity (or to what is assigned to it) raises it by one.
type RowVersion struct {
	Entity  string `json:"entity"` // "user", "service", "ou", "role", "skill", "tenant", …
	Key     string `json:"key"`    // the entity's id as text; "" for the tenant
	Version int64  `json:"version"`
}

// RowVersionOf reads the current version of an entity; 0 when it was never written.
func (q *Q) RowVersionOf(entity, key string) (int64, error) {
	var v int64
	err := q.db.QueryRowContext(q.ctx, `SELECT version FROM row_versions WHERE entity = ? AND key = ?`, entity, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}
