package app

import (
	"context"
	"slices"
	"strconv"
	"time"

	"nimbusadmin/data"
)

// SyncChange is one thing a sync changed for one person, as scripts see it.
type SyncChange struct {
	ID     int64  `json:"-"`
	Sync   int64  `json:"sync"`
	At     string `json:"at"`
	UserID string `json:"userId"`
	UPN    string `json:"userPrincipalName"`
	Kind   string `json:"kind"`
	Old    string `json:"old"`
	New    string `json:"new"`
	Detail string `json:"detail"`
}

// SyncRun is one sync of the history.
type SyncRun = data.SyncRun

// ChangesQuery selects changes of the sync history; zero values select everything.
type ChangesQuery struct {
	Sync  int64
	Since time.Time
	User  string // O365 ID or UPN
	Kinds []string
	Limit int
}

// SyncRuns lists the syncs of the history, newest first (limit 0 for all).
func (a *App) SyncRuns(ctx context.Context, limit int) ([]SyncRun, error) {
	return a.store.Read(ctx).SyncRuns(limit)
}

// SyncChanges lists the changes the query selects, newest sync first. An unknown kind is
// refused with the kinds there are.
func (a *App) SyncChanges(ctx context.Context, cq ChangesQuery) ([]SyncChange, error) {
	for _, k := range cq.Kinds {
		if !slices.Contains(data.ChangeKinds, k) {
			return nil, refuse("changes.kind", "there is no kind of change %q: use one of %s", k, joinWords(data.ChangeKinds))
		}
	}
	f := data.SyncChangeFilter{Sync: cq.Sync, User: cq.User, Kinds: cq.Kinds, Limit: cq.Limit}
	if !cq.Since.IsZero() {
		f.Since = data.Timestamp(cq.Since)
	}
	rows, err := a.store.Read(ctx).SyncChanges(f)
	out := make([]SyncChange, len(rows))
	for i, c := range rows {
		out[i] = SyncChange(c)
	}
	return out, err
}

// seenKey is where this computer remembers the newest change its admin has looked at: it
// is not replicated, as each admin looks on their own.
const seenKey = "changes.seen"

// UnseenChanges counts the changes recorded since the admin last looked at them here.
func (a *App) UnseenChanges(ctx context.Context) (int, error) {
	q := a.store.Read(ctx)
	seen, err := a.seenChange(q)
	if err != nil {
		return 0, err
	}
	return q.CountSyncChangesAfter(seen)
}

// SeenChange is the newest change the admin had looked at here before; changes after
// it are new to them.
func (a *App) SeenChange(ctx context.Context) (int64, error) { return a.seenChange(a.store.Read(ctx)) }

func (a *App) seenChange(q *data.Q) (int64, error) {
	v, err := q.ReplicaValue(seenKey)
	if err != nil || v == "" {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

// MarkChangesSeen remembers that the admin has looked at every change recorded so far.
// It changes nothing of the tenant, so a read-only replica may remember it too.
func (a *App) MarkChangesSeen(ctx context.Context) error {
	return a.store.Tx(ctx, func(q *data.Q) error {
		last, err := q.LastSyncChangeID()
		if err != nil {
			return err
		}
		return q.SetReplicaValue(seenKey, strconv.FormatInt(last, 10))
	})
}
