package data

import (
	"encoding/json"
	"strings"
)

// The kinds of change a sync records for a person.
const (
	ChangeJoinedDirectory = "joined-directory"
	ChangeLeftDirectory   = "left-directory"
	ChangeRenamed         = "renamed"
	ChangeUPN             = "upn-changed"
	ChangeDepartment      = "department-changed"
	ChangeJobTitle        = "job-title-changed"
	ChangeDisabled        = "disabled"
	ChangeEnabled         = "enabled"
	ChangeJoinedTeam      = "joined-team"
	ChangeLeftTeam        = "left-team"
	ChangeJoinedNimbus    = "joined-nimbus"
	ChangeLeftNimbus      = "left-nimbus"
	ChangeKept            = "kept"
	ChangeRoleGranted     = "role-granted"
	ChangeRoleRemoved     = "role-removed"
)

// ChangeKinds lists every kind, directory first, then Teams, then Nimbus.
var ChangeKinds = []string{ChangeJoinedDirectory, ChangeLeftDirectory, ChangeRenamed, ChangeUPN,
	ChangeDepartment, ChangeJobTitle, ChangeDisabled, ChangeEnabled, ChangeJoinedTeam, ChangeLeftTeam,
	ChangeJoinedNimbus, ChangeLeftNimbus, ChangeKept, ChangeRoleGranted, ChangeRoleRemoved}

// SyncChange is one thing a sync changed for one person.
type SyncChange struct {
	ID     int64  // in the order recorded
	Sync   int64  // the sync's number
	At     string // when the sync began
	UserID string // O365 ID
	UPN    string
	Kind   string
	Old    string
	New    string
	Detail string
}

// SyncRun is one sync as its history keeps it.
type SyncRun struct {
	ID         int64
	StartedAt  string
	FinishedAt string // "" while it runs or when it stopped
	Full       bool
	Actor      string
	Users      int  // users the round brought
	Baseline   bool // the cache held nobody before it: nobody's "joined" is recorded
	Changes    int  // changes recorded
}

// StartSyncRun records a sync beginning and gives its number.
func (q *Q) StartSyncRun(full, baseline bool, actor string) (int64, error) {
	res, err := q.exec(`INSERT INTO sync_runs (started_at, full, actor, baseline) VALUES (?, ?, ?, ?)`,
		Timestamp(Now()), full, actor, baseline)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// FinishSyncRun records that the sync completed, having brought users.
func (q *Q) FinishSyncRun(id int64, users int) error {
	_, err := q.exec(`UPDATE sync_runs SET finished_at = ?, users = ? WHERE id = ?`, Timestamp(Now()), users, id)
	return err
}

// AddSyncChanges records what a sync changed, in the caller's transaction.
func (q *Q) AddSyncChanges(sync int64, changes []SyncChange) error {
	if len(changes) == 0 {
		return nil
	}
	stmt, err := q.prepare(`INSERT INTO sync_changes (sync, user_id, upn, kind, old, new, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, c := range changes {
		if _, err := stmt.ExecContext(q.ctx, sync, c.UserID, c.UPN, c.Kind, c.Old, c.New, c.Detail); err != nil {
			return err
		}
	}
	return nil
}

// jsonArray is a list as one JSON array parameter, for `IN (SELECT value FROM json_each(?))`.
func jsonArray(list []string) string {
	b, _ := json.Marshal(list)
	return string(b)
}

// upnsOf gives the cached UPN of each of ids the directory holds.
func (q *Q) upnsOf(ids []string) (map[string]string, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, upn FROM directory_users WHERE id IN (SELECT value FROM json_each(?))`, jsonArray(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	upns := map[string]string{}
	for rows.Next() {
		var id, upn string
		if err := rows.Scan(&id, &upn); err != nil {
			return nil, err
		}
		upns[id] = upn
	}
	return upns, rows.Err()
}

// UserIDsByUPN gives the O365 ID of each of upns the directory holds (case-insensitive).
func (q *Q) UserIDsByUPN(upns []string) (map[string]string, error) {
	lower := make([]string, len(upns))
	for i, u := range upns {
		lower[i] = strings.ToLower(u)
	}
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, upn FROM directory_users WHERE upn COLLATE NOCASE IN (SELECT value FROM json_each(?))`, jsonArray(lower))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]string{}
	for rows.Next() {
		var id, upn string
		if err := rows.Scan(&id, &upn); err != nil {
			return nil, err
		}
		ids[strings.ToLower(upn)] = id
	}
	return ids, rows.Err()
}
