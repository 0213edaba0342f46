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

// LastChange says who changed an entity last and when (RFC 3339, UTC), as the change's
// transaction named itself with SetActor; both "" when unknown (never written, or written
// before this was kept, or by the demo generator).
func (q *Q) LastChange(entity, key string) (by, at string, err error) {
	err = q.db.QueryRowContext(q.ctx, `SELECT changed_by, changed_at FROM row_versions WHERE entity = ? AND key = ?`, entity, key).Scan(&by, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return by, at, err
}

// SetActor names who makes the writes of the caller's transaction, for LastChange; ""
// ends it. Set it first thing in a transaction and clear it before the commit.
func (q *Q) SetActor(actor string) error {
	if actor == "" {
		_, err := q.exec(`DELETE FROM replica_state WHERE key = 'actor'`)
		return err
	}
	return q.SetReplicaValue("actor", actor)
}
