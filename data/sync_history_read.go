package data

import "strings"

// SyncChangeFilter selects changes of the sync history; zero values select everything.
type SyncChangeFilter struct {
	Sync  int64    // one sync's changes
	Since string   // changes of syncs begun at or after this timestamp (RFC 3339)
	User  string   // one person, by O365 ID or UPN (also after they left the directory)
	Kinds []string // any of these kinds
	After int64    // changes recorded after this one
	Limit int      // at most this many; 0 for all
}

// SyncRuns lists the syncs of the history, newest first, with how many changes each
// recorded.
func (q *Q) SyncRuns(limit int) ([]SyncRun, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := q.db.QueryContext(q.ctx, `SELECT r.id, r.started_at, r.finished_at, r.full, r.actor, r.users, r.baseline,
		(SELECT count(*) FROM sync_changes c WHERE c.sync = r.id) FROM sync_runs r ORDER BY r.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var runs []SyncRun
	for rows.Next() {
		var r SyncRun
		if err := rows.Scan(&r.ID, &r.StartedAt, &r.FinishedAt, &r.Full, &r.Actor, &r.Users, &r.Baseline, &r.Changes); err != nil {
			return nil, err
		}
		runs = append(runs, r)
	}
	return runs, rows.Err()
}

// SyncChanges lists the changes f selects: newest sync first, in the order each sync
// recorded them.
func (q *Q) SyncChanges(f SyncChangeFilter) ([]SyncChange, error) {
	var where []string
	var args []any
	if f.Sync != 0 {
		where, args = append(where, "c.sync = ?"), append(args, f.Sync)
	}
	if f.Since != "" {
		where, args = append(where, "r.started_at >= ?"), append(args, f.Since)
	}
	if f.User != "" {
		where, args = append(where, "(c.user_id = ? OR c.upn = ? COLLATE NOCASE)"), append(args, f.User, f.User)
	}
	if len(f.Kinds) > 0 {
		where, args = append(where, "c.kind IN (SELECT value FROM json_each(?))"), append(args, jsonArray(f.Kinds))
	}
	if f.After != 0 {
		where, args = append(where, "c.id > ?"), append(args, f.After)
	}
	query := `SELECT c.id, c.sync, r.started_at, c.user_id, c.upn, c.kind, c.old, c.new, c.detail
		FROM sync_changes c JOIN sync_runs r ON r.id = c.sync`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY c.sync DESC, c.id"
	if f.Limit > 0 {
		query, args = query+" LIMIT ?", append(args, f.Limit)
	}
	rows, err := q.db.QueryContext(q.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SyncChange
	for rows.Next() {
		var c SyncChange
		if err := rows.Scan(&c.ID, &c.Sync, &c.At, &c.UserID, &c.UPN, &c.Kind, &c.Old, &c.New, &c.Detail); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountSyncChangesAfter counts the changes recorded after the one numbered id.
func (q *Q) CountSyncChangesAfter(id int64) (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM sync_changes WHERE id > ?`, id).Scan(&n)
	return n, err
}

// LastSyncChangeID is the number of the newest change recorded; 0 for none.
func (q *Q) LastSyncChangeID() (int64, error) {
	var id int64
	err := q.db.QueryRowContext(q.ctx, `SELECT ifnull(max(id), 0) FROM sync_changes`).Scan(&id)
	return id, err
}
