package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"nimbusadmin/data"
)

// Remote runs commands on a team server: a desktop in team mode holds a replica of the
// server's data and sends every change there, where the same rules run against the
// authoritative data. Do returns once the change has reached the local replica.
type Remote interface {
	Do(ctx context.Context, cmd Command) (Outcome, error)
	Check(ctx context.Context, cmd Command) error
	// Writable says why changes are refused now (the server is unreachable); nil when
	// they may be sent.
	Writable() error
}

// SetRemote makes the App a replica of a team server: from now on Do and Check go to r,
// and reads stay on the local cache, which r keeps up to date.
func (a *App) SetRemote(r Remote) {
	a.mu.Lock()
	a.remote = r
	a.mu.Unlock()
}

// Remote is the team server the App sends its changes to; nil in single-admin mode.
func (a *App) Remote() Remote {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.remote
}

// ActingFor is an App on the same cache acting as the directory user with that object
// id (named in the journal by their UPN), or as upn when the directory lacks them: the
// team server acts for the admin its caller's token names.
func (a *App) ActingFor(ctx context.Context, objectID, upn string) (*App, error) {
	actor := upn
	du, err := a.store.Read(ctx).FindDirectoryUser(objectID)
	switch {
	case err == nil:
		actor = du.UPN
	case !errors.Is(err, data.ErrNotFound):
		return nil, err
	}
	return &App{store: a.store, actor: actor}, nil
}

// ErrorRule gives the rule key and message of a refusal, or ok false for any other error,
// so that a team server can send a refusal as it is and a desktop show it unchanged.
func ErrorRule(err error) (rule, message string, ok bool) {
	var re *RuleError
	if errors.As(err, &re) {
		return re.Rule, re.Message, true
	}
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return "not_found", nf.Error(), true
	}
	return "", "", false
}

// LastCommit is the change-feed position of the last change this team server's working
// copy committed: a replica whose cursor is past it holds the change.
func (a *App) LastCommit() uint64 { return a.store.LastCommit() }

// ReplicaCursor is how far this replica has applied its team server's change feed; 0
// for a replica that holds nothing yet.
func (a *App) ReplicaCursor(ctx context.Context) (uint64, error) {
	return a.store.Read(ctx).ReplicaCursor()
}

// ApplyFeed writes one range of the team server's change feed into the replica, with
// the cursor after it, in one transaction: a replica killed at any point holds either the
// whole range or none of it, and applying a range again changes nothing.
func (a *App) ApplyFeed(ctx context.Context, rows []data.Row, from, next uint64) error {
	return a.store.Tx(ctx, func(q *data.Q) error { return q.ApplyFeed(rows, from, next) })
}

// ReplicaNote reads what a replica remembers under key (its server, when it last caught up).
func (a *App) ReplicaNote(ctx context.Context, key string) (string, error) {
	return a.store.Read(ctx).ReplicaValue(key)
}

// SetReplicaNote remembers value under key in the replica.
func (a *App) SetReplicaNote(ctx context.Context, key, value string) error {
	return a.store.Tx(ctx, func(q *data.Q) error { return q.SetReplicaValue(key, value) })
}

// OpenReplica opens (making it when needed) the cache at path that replicates a team
// server, acting as actor: it may hold nothing yet, until its first catch-up.
func OpenReplica(path, actor string) (*App, error) {
	store, err := openCache(path, false, false)
	if err != nil {
		return nil, err
	}
	return New(store, actor), nil
}

// ReplicaPath is where the replica of the team server at host is kept.
func ReplicaPath(host string) (string, error) {
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, host)
	return filepath.Join(dir, "team-"+safe+".db"), nil
}

// CatchUp runs an empty change on a team server's working copy: it brings the copy up
// to PostgreSQL, or, on a new server, writes the copy's first rows there.
func (a *App) CatchUp(ctx context.Context) error {
	return a.store.Tx(ctx, func(*data.Q) error { return nil })
}

// SnapshotTo writes the team server's working copy, as one committed state with its feed
// cursor, to the new file at path: what a new replica loads first.
func (a *App) SnapshotTo(ctx context.Context, path string) error { return a.store.Snapshot(ctx, path) }

// RestoreReplica replaces what this replica holds by a snapshot file of its server.
func (a *App) RestoreReplica(ctx context.Context, path string) error {
	return a.store.Restore(ctx, path)
}
