package app

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
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

// SyncOptions say how to sync.
type SyncOptions struct {
	Full     bool               // read the whole directory even when a delta link is saved
	Progress func(SyncProgress) // called from the sync's goroutine after every page and every saved step; may be nil
}

// The phases of a sync, as SyncProgress names them.
const (
	SyncReading = "users"  // reading the users pages; nothing is written yet
	SyncTeams   = "teams"  // waiting for the Teams and the tenant administration security group
	SyncSaving  = "saving" // writing the directory into the cache, a chunk of users at a time
	SyncNimbus  = "nimbus" // letting the changes flow into Nimbus, a service or a few users at a time
)

// SyncProgress is how far a running sync got, for a progress bar or a status line.
type SyncProgress struct {
	Phase    string // SyncReading, SyncTeams, SyncSaving or SyncNimbus
	Pages    int    // users pages read
	Users    int    // users (and removals) read; while saving, those saved so far
	Expected int    // users a full round should bring (the cached count); 0 when unknown
	Elapsed  time.Duration
}

// TimeLeft estimates the rest of the reading phase from the pace so far, when the number
// of users to expect is known (a full round over a cache that was synced before);
// ok is false when it is not.
func (p SyncProgress) TimeLeft() (left time.Duration, ok bool) {
	if p.Expected <= 0 || p.Users <= 0 || p.Phase != SyncReading {
		return 0, false
	}
	remaining := max(0, p.Expected-p.Users)
	return time.Duration(float64(p.Elapsed) / float64(p.Users) * float64(remaining)), true
}

// SyncResult says what a completed sync did.
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
// Nimbus. It first reads everything (the users pages, the Teams, the tenant
// administration security group) without writing to the cache, so that a sync that
// fails or is cancelled while reading leaves the cache as it was. Then it writes in
// short transactions, a chunk of users, a service or a few Nimbus users at a time, so
// that an admin's change never waits long for the cache: readers (the window's list) may
// see the directory part-way through a sync, and an admin's change between two chunks
// stays (the sync reads the Nimbus side afresh in every transaction). The delta link
// and the time of completion are saved last, so a sync that fails, is cancelled or is
// killed while writing leaves a cache from which the next sync converges to the
// directory; its error then says which parts were saved. The journal names the sync's
// changes as they are written.
// One sync at a time writes a cache: a second is refused at once with *SyncRunning.
func (a *App) Sync(ctx context.Context, src DirectorySource, o SyncOptions) (SyncResult, error) {
	if a.Remote() != nil {
		return SyncResult{}, refuse("sync.team", "this cache is a replica of a team server, which syncs the directory for every admin; ask the server for a sync instead")
	}
	if err := a.refuseReadOnly(); err != nil {
		return SyncResult{}, err
	}
	lock, err := a.lockSync()
	if err != nil {
		return SyncResult{}, err
	}
	defer lock.Release()
	s := &syncRun{app: a, opts: o, start: time.Now(), finish: -1}
	last, err := a.store.Read(context.WithoutCancel(ctx)).LastSync() // read even when cancelled: the words need it
	if err != nil {
		return s.res, err
	}
	s.last = last
	settings, err := a.store.Read(ctx).TenantSettings()
	if err != nil {
		return s.res, s.stopped(ctx, fmt.Errorf("the cache holds no tenant to sync into: %w", err))
	}
	if o.Progress != nil {
		s.expected, _ = a.store.Read(ctx).CountRows("directory_users")
	}
	defer syncRelaxGC()()
	handAdded, err := a.store.Read(ctx).HandAddedDirectoryUserIDs()
	if err != nil {
		return s.res, s.stopped(ctx, err)
	}
	read, err := s.read(ctx, src, settings.AdminSecurityGroup)
	if err != nil {
		s.res.Elapsed = time.Since(s.start)
		return s.res, s.stopped(ctx, err)
	}
	defer read.users.close()
	err = s.write(ctx, read, handAdded)
	s.res.Elapsed = time.Since(s.start)
	if err != nil {
		return s.res, s.stopped(ctx, err)
	}
	return s.res, nil
}

// syncRun is one sync under way: its options, its result so far and its journal.
type syncRun struct {
	app      *App
	opts     SyncOptions
	start    time.Time
	last     time.Time // the last completed sync before this one; zero for never
	res      SyncResult
	expected int // users a full round should bring, for the time left; 0 when unknown
	saved    int // users written or removed so far
	total    int // users the round brought, to write
	part     syncPart
	written  bool              // a step of this sync was committed: the cache is not as it was
	full     bool              // the round reads the whole directory
	baseline bool              // the cache held no directory before: the history records the run alone
	run      int64             // the sync's number in its history, once a step recorded it
	pending  []data.SyncChange // directory changes the step under way found, for its history
	finish   int               // users the round brought, set by its last step: -1 before
}

// report hands the progress to the caller.
func (s *syncRun) report(phase string) {
	if s.opts.Progress == nil {
		return
	}
	p := SyncProgress{Phase: phase, Pages: s.res.Pages, Users: s.res.Users, Elapsed: time.Since(s.start)}
	if phase == SyncSaving || phase == SyncNimbus {
		p.Users = s.saved
	}
	if s.res.Full {
		p.Expected = s.expected
	}
	s.opts.Progress(p)
}

// step writes one short transaction of the sync and journals it as the sync's. A
// cancelled sync stops between steps, never inside one: a step is written whole.
func (s *syncRun) step(ctx context.Context, fn func(q *data.Q) ([]data.JournalEntry, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var entries []data.JournalEntry
	run := s.run
	err := s.app.systemChange(context.WithoutCancel(ctx), func(q *data.Q) ([]data.JournalEntry, error) {
		s.pending = s.pending[:0] // a transaction run again notes its changes again
		var err error
		if entries, err = fn(q); err != nil {
			return nil, err
		}
		run, err = s.record(q, entries)
		return entries, err
	})
	s.pending = s.pending[:0]
	if err != nil {
		return err
	}
	s.written, s.run = true, run
	for _, e := range entries {
		switch e.Action {
		case syncJoin:
			s.res.Joined++
		case syncLeave:
			s.res.Left++
		}
	}
	return nil
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

// LastSync says when the directory was last synced completely (zero for never).
func (a *App) LastSync(ctx context.Context) (time.Time, error) {
	return a.store.Read(ctx).LastSync()
}
