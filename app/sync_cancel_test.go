package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// A sync cancelled anywhere ends with the admin's words, never the database's: before it
// wrote anything, "Sync cancelled; the cache is as it was at <the last completed sync>"
// and the cache is exactly as it was; after some of its short transactions committed,
// which parts are saved and which are as they were at the last completed sync, with the
// delta link and the time of the last sync untouched. Either way the next sync converges
// to the same cache as a sync that was never cancelled.
func TestACancelledSyncSaysWhatTheCacheHoldsWhereverItStops(t *testing.T) {
	defer smallSyncChunks()()
	base, src := syncedTenantAndChanges(t)
	want, phases, pages, took := syncWhole(t, base, src)
	if len(phases) < 10 || pages < 3 {
		t.Fatalf("the sync gave %d progress reports over %d pages: too few to cancel in many places", len(phases), pages)
	}
	var asItWas, partWay int
	first := openCopy(t, base)
	before := testkit.Digest(t, first.store)
	last, _ := first.LastSync(context.Background())
	link, _ := first.store.Read(context.Background()).SavedDeltaLink()
	check := func(where string, cancelAt func(*memorySource, context.CancelFunc) func(SyncProgress)) {
		a := openCopy(t, base)
		ctx, cancel := context.WithCancel(context.Background())
		s := *src
		onProgress := cancelAt(&s, cancel)
		late := 0
		_, err := a.Sync(ctx, &s, SyncOptions{Full: true, Progress: func(p SyncProgress) {
			if ctx.Err() != nil {
				late++
			}
			onProgress(p)
		}})
		cancel()
		var c *SyncCancelled
		switch {
		case err == nil && strings.Contains(where, "timer"):
			return // the sync ended before the timer
		case !errors.As(err, &c) || !errors.Is(err, context.Canceled):
			t.Fatalf("%s: the sync ended with %v, not a cancellation", where, err)
		case strings.Contains(err.Error(), "sql") || strings.Contains(err.Error(), "transaction"):
			t.Fatalf("%s: the cancellation speaks the database's words: %v", where, err)
		case late > 0 && !strings.Contains(where, "timer"):
			t.Fatalf("%s: the sync went on for %d steps after the cancel", where, late)
		case !c.PartWay:
			asItWas++
			if msg := "Sync cancelled; the cache is as it was " + asOf(last) + "."; err.Error() != msg {
				t.Fatalf("%s: %q, want %q", where, err, msg)
			}
			if testkit.Digest(t, a.store) != before {
				t.Fatalf("%s: %q, but the cache changed", where, err)
			}
			return // the cache is the one the whole sync started from: the next sync is that sync
		default:
			partWay++
			if !strings.HasPrefix(err.Error(), "Sync cancelled part-way: ") || !strings.HasSuffix(err.Error(), "; sync again to finish.") || strings.Contains(err.Error(), "as they were") && !strings.Contains(err.Error(), "as they were "+asOf(last)) {
				t.Fatalf("%s: %q", where, err)
			}
			if at, _ := a.LastSync(context.Background()); !at.Equal(last) {
				t.Fatalf("%s: a cancelled sync recorded itself as completed", where)
			}
			if l, _ := a.store.Read(context.Background()).SavedDeltaLink(); l != link {
				t.Fatalf("%s: a cancelled sync saved its delta link", where)
			}
		}
		if _, err := a.Sync(context.Background(), src, SyncOptions{Full: true}); err != nil {
			t.Fatalf("%s: the next sync: %v", where, err)
		}
		if got := syncedState(t, a); got != want {
			t.Fatalf("%s: the next sync did not converge:\n%s\nwant\n%s", where, got, want)
		}
	}
	for n := 1; n <= len(phases); n++ {
		if phases[n-1] == SyncReading && n > 2 {
			continue // the pages are cancelled one by one below, by the directory itself
		}
		check(fmt.Sprintf("cancelled at progress report %d", n), func(_ *memorySource, cancel context.CancelFunc) func(SyncProgress) {
			seen := 0
			return func(SyncProgress) {
				if seen++; seen == n {
					cancel()
				}
			}
		})
	}
	for n := 1; n <= pages; n++ {
		check(fmt.Sprintf("cancelled by the directory after page %d", n), func(s *memorySource, cancel context.CancelFunc) func(SyncProgress) {
			s.cancelAfter, s.cancel = n, cancel
			return func(SyncProgress) {}
		})
	}
	for i := range 10 { // from another goroutine, as the window's Cancel: often inside a transaction
		check(fmt.Sprintf("cancelled by a timer after %d/10 of a sync", i), func(_ *memorySource, cancel context.CancelFunc) func(SyncProgress) {
			time.AfterFunc(took*time.Duration(i)/10, cancel)
			return func(SyncProgress) {}
		})
	}
	t.Logf("%d cancels left the cache as it was, %d part-way", asItWas, partWay)
	if asItWas == 0 || partWay < 5 {
		t.Fatalf("%d cancels left the cache as it was and %d part-way: the test misses a case", asItWas, partWay)
	}
}

// smallSyncChunks makes the sync's transactions a few rows each, so that a small tenant
// gives many places to cancel; it returns what restores them.
func smallSyncChunks() func() {
	u, m, n := syncChunkUsers, syncChunkMembers, syncChunkNimbus
	syncChunkUsers, syncChunkMembers, syncChunkNimbus = 10, 8, 3
	return func() { syncChunkUsers, syncChunkMembers, syncChunkNimbus = u, m, n }
}

// syncedTenantAndChanges is a demo cache synced once, with a user added by hand since,
// saved to a file, and its directory as the next sync reads it: some users changed, some
// gone, some new, a Team member gone and a new one in every Team.
func syncedTenantAndChanges(t *testing.T) (path string, src *memorySource) {
	store := testkit.DemoStore(t, 16)
	a := New(store, "sync test")
	ctx := context.Background()
	first, err := directoryOf(a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Sync(ctx, first, SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := store.Tx(ctx, func(q *data.Q) error {
		return q.UpsertDirectoryUser(data.DirectoryUser{ID: "zz-hand-added", DisplayName: "Added By Hand", UPN: "hand@contoso.example"})
	}); err != nil {
		t.Fatal(err)
	}
	src = first
	var users []directory.User
	for i, u := range src.users {
		switch {
		case i%9 == 4:
			continue // gone from the directory
		case i%4 == 1:
			u.Department = directory.Field[string]{Set: true, Value: "Moved"}
		}
		users = append(users, u)
	}
	for i := range 12 {
		users = append(users, directoryUser(data.DirectoryUser{ID: fmt.Sprintf("new-%02d", i), DisplayName: fmt.Sprintf("New Person %d", i), UPN: fmt.Sprintf("new%d@contoso.example", i)}))
	}
	src.users = users
	for i, tm := range src.teams {
		tm.Members = append(append([]directory.Member{}, tm.Members[min(1, len(tm.Members)):]...), directory.Member{ID: fmt.Sprintf("new-%02d", i%12)})
		src.teams[i] = tm
	}
	path = filepath.Join(t.TempDir(), "synced.db")
	copyFile(t, store.Path(), path)
	return path, src
}

// syncWhole syncs a copy of the cache at path from src without cancelling, and says what
// the cache then holds, the phase of each progress report the sync gave, how many pages
// it read and how long it took.
func syncWhole(t *testing.T, path string, src *memorySource) (state string, phases []string, pages int, took time.Duration) {
	a := openCopy(t, path)
	start := time.Now()
	res, err := a.Sync(context.Background(), src, SyncOptions{Full: true, Progress: func(p SyncProgress) { phases = append(phases, p.Phase) }})
	if err != nil {
		t.Fatal(err)
	}
	return syncedState(t, a), phases, res.Pages, time.Since(start)
}

// openCopy opens a copy of the cache at path, closed when the test ends.
func openCopy(t *testing.T, path string) *App {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "copy.db")
	copyFile(t, path, dst)
	s, err := data.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return New(s, "sync test")
}

// copyFile copies a cache file with its write-ahead log.
func copyFile(t testing.TB, from, to string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(from + suffix)
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(to + suffix)
		if err == nil {
			_, err = io.Copy(out, in)
			out.Close()
		}
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}
