package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
)

// DirectorySource is where a sync reads the directory: Microsoft Graph (graph.Client)
// or anything that answers the same way.
type DirectorySource interface {
	// UserDelta runs one users delta round from deltaLink ("" for everyone), calling each
	// for every page in order, and returns the next delta link.
	UserDelta(ctx context.Context, deltaLink string, each func(directory.UserPage) error) (string, error)
	// Teams lists every Team with its members and owners.
	Teams(ctx context.Context) ([]directory.Team, error)
	// AdminGroup reads the tenant administration security group of that display name:
	// how many groups have the name and, when exactly one does, its users (those of
	// nested groups included).
	AdminGroup(ctx context.Context, name string) (directory.AdminGroup, error)
}

// syncCacheKiB bounds SQLite's page cache during a sync.
const syncCacheKiB = 96 * 1024

// SyncOptions say how to sync.
type SyncOptions struct {
	Full     bool               // read the whole directory even when a delta link is saved
	Progress func(SyncProgress) // called after every page, from the sync's goroutine; may be nil
}

// SyncProgress is how far a running sync got, for a progress bar or a status line.
type SyncProgress struct {
	Phase    string // "users", "teams" or "saving"
	Pages    int    // users pages handled
	Users    int    // users (and removals) handled
	Expected int    // users a full round should bring (the cached count); 0 when unknown
	Elapsed  time.Duration
}

// SyncResult says what a committed sync did.
type SyncResult struct {
	Full    bool // the whole directory was read (no saved delta link, --full, or it expired)
	Pages   int
	Users   int // users added or updated in the cached directory
	Removed int // users removed from the cached directory
	Teams   int
	Joined  int // users who became Nimbus users through a Team
	Left    int // Nimbus users who left (gone from the directory or from every Team)
	Elapsed time.Duration
}

// Sync brings the cached directory up to date from src and lets the changes flow into
// Nimbus, all in one transaction: readers see the previous complete state until the
// new one commits, the delta link is saved with the data it covers, and a failed,
// cancelled or killed sync leaves the cache as it was. Team listings and the tenant
// administration security group are fetched while the users pages stream in.
func (a *App) Sync(ctx context.Context, src DirectorySource, o SyncOptions) (SyncResult, error) {
	start := time.Now()
	var res SyncResult
	expected := 0 // a full round brings about as many users as the cache holds
	report := func(phase string) {
		if o.Progress != nil {
			p := SyncProgress{Phase: phase, Pages: res.Pages, Users: res.Users + res.Removed, Elapsed: time.Since(start)}
			if res.Full {
				p.Expected = expected
			}
			o.Progress(p)
		}
	}
	settings, err := a.store.Read(ctx).TenantSettings()
	if err != nil {
		return res, fmt.Errorf("the cache holds no tenant to sync into: %w", err)
	}
	if o.Progress != nil {
		expected = syncCachedUsers(ctx, a)
	}
	defer syncRelaxGC()()
	ctx, cancel := context.WithCancel(ctx)
	var fetching sync.WaitGroup
	defer fetching.Wait() // runs after cancel: a failed sync does not wait for the Teams
	defer cancel()
	var teams []directory.Team
	var teamsErr error
	fetching.Add(1)
	go func() {
		defer fetching.Done()
		teams, teamsErr = src.Teams(ctx)
	}()
	admins := readAdminGroup(ctx, src, settings.AdminSecurityGroup, &fetching)

	err = a.systemChange(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
		// Users may leave the directory before their Nimbus side is cleaned up below;
		// the foreign keys are checked at commit.
		if _, err := q.Exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
			return nil, err
		}
		// The whole sync is one transaction: a page cache that holds its pages keeps
		// SQLite from spilling them to the WAL again and again (bounded, whatever the
		// tenant's size).
		if _, err := q.Exec(fmt.Sprintf(`PRAGMA cache_size = -%d`, syncCacheKiB)); err != nil {
			return nil, err
		}
		link := ""
		if !o.Full {
			var err error
			if link, err = directory.SavedDeltaLink(q); err != nil {
				return nil, err
			}
		}
		w, next, err := a.syncUsers(ctx, q, src, link, &res, report)
		if errors.Is(err, directory.ErrDeltaExpired) {
			w, next, err = a.syncUsers(ctx, q, src, "", &res, report)
		}
		if err != nil {
			return nil, err
		}
		defer w.Close()
		if err := w.Sweep(); err != nil {
			return nil, err
		}
		res.Users, res.Removed = w.Written, len(w.Removed)
		report("teams")
		fetching.Wait()
		if teamsErr != nil {
			return nil, teamsErr
		}
		if admins.err != nil {
			return nil, admins.err
		}
		res.Teams = len(teams)
		report("saving")
		if err := directory.ReplaceTeams(q, teams); err != nil {
			return nil, err
		}
		now := data.Timestamp(data.Now())
		if err := directory.SaveSyncState(q, directory.ResourceUsers, next, now); err != nil {
			return nil, err
		}
		if err := directory.SaveSyncState(q, directory.ResourceTeams, "", now); err != nil {
			return nil, err
		}
		entries, err := syncNimbus(q, w.Removed)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			switch e.Action {
			case syncJoin:
				res.Joined++
			case syncLeave:
				res.Left++
			}
		}
		granted, err := syncAdmins(q, admins.group)
		return append(entries, granted...), err
	})
	res.Elapsed = time.Since(start)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			return res, fmt.Errorf("the sync was cancelled; the cache keeps its previous state")
		}
		return res, err
	}
	return res, nil
}

// syncUsers runs one users delta round into the cache.
func (a *App) syncUsers(ctx context.Context, q *data.Q, src DirectorySource, link string, res *SyncResult,
	report func(string)) (*directory.Writer, string, error) {
	w, err := directory.NewWriter(q, link == "")
	if err != nil {
		return nil, "", err
	}
	res.Full, res.Pages = link == "", 0
	handled := 0
	next, err := src.UserDelta(ctx, link, func(p directory.UserPage) error {
		if err := w.WriteUsers(p.Users); err != nil {
			return err
		}
		res.Pages++
		handled += len(p.Users)
		res.Users = handled
		report("users")
		return nil
	})
	if err != nil {
		w.Close()
		return nil, "", err
	}
	return w, next, nil
}

// syncGCPercent is the garbage collector's target while a sync runs. A sync allocates
// fast but keeps little alive (the pages in flight), so collecting a quarter as often
// buys about a fifth more throughput (BenchmarkFullSync100k).
const syncGCPercent = 400

// syncGCHeadroom bounds what the relaxed target may cost: the heap may grow to twice
// what it was when the sync began plus this, then the collector works harder again.
const syncGCHeadroom = 256 << 20

// syncRelaxGC raises the GC target for the sync, under a memory limit, and returns what
// restores both. It leaves a higher target (or GOGC=off) and a stricter limit alone.
func syncRelaxGC() func() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	oldLimit := debug.SetMemoryLimit(-1) // a negative value only reads the limit
	old := debug.SetGCPercent(syncGCPercent)
	if old < 0 || old >= syncGCPercent {
		debug.SetGCPercent(old)
		return func() {}
	}
	debug.SetMemoryLimit(min(oldLimit, int64(ms.HeapAlloc)*2+syncGCHeadroom))
	return func() {
		debug.SetGCPercent(old)
		debug.SetMemoryLimit(oldLimit)
	}
}

// syncCachedUsers counts the cached directory (0 when it cannot).
func syncCachedUsers(ctx context.Context, a *App) int {
	stmt, err := a.store.Read(ctx).Prepare(`SELECT count(*) FROM directory_users`)
	if err != nil {
		return 0
	}
	defer stmt.Close()
	n := 0
	stmt.QueryRow().Scan(&n)
	return n
}

// LastSync says when the directory was last synced completely ("" for never).
func (a *App) LastSync(ctx context.Context) (string, error) {
	stmt, err := a.store.Read(ctx).Prepare(`SELECT completed_at FROM sync_state WHERE resource = ?`)
	if err != nil {
		return "", err
	}
	defer stmt.Close()
	var at string
	if err := stmt.QueryRow(directory.ResourceUsers).Scan(&at); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	return at, nil
}
