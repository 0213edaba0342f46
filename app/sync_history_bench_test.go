package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// BenchmarkSyncHistory100k: an incremental sync that changes the department of 10,000 of
// 100,000 cached users, with and without its history, alternately in the same run, each
// from the same copy of the cache; and listing that sync's changes. Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench SyncHistory -benchtime 3x -count 3 ./app/
//
// The directory is read from memory, so the ratio counts the history against the
// cache's share of the sync alone (over Graph the share is smaller).
func BenchmarkSyncHistory100k(b *testing.B) {
	ctx := context.Background()
	store := testkit.DemoStore(b, 100_000)
	a := New(store, "bench")
	src, err := directoryOf(a)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.Sync(ctx, src, SyncOptions{}); err != nil { // the first: a baseline
		b.Fatal(err)
	}
	synced := filepath.Join(b.TempDir(), "synced.db")
	copyFile(b, store.Path(), synced)
	var changed []directory.User
	for i := 0; i < len(src.users) && len(changed) < 10_000; i += 10 {
		u := src.users[i]
		u.Department = directory.Field[string]{Set: true, Value: "Moved in the benchmark"}
		changed = append(changed, u)
	}
	delta := &memorySource{users: changed, teams: src.teams, admins: src.admins}
	b.Cleanup(func() { syncKeepsHistory = true })
	var with, without, list time.Duration
	b.ResetTimer()
	for range b.N {
		for _, keep := range []bool{true, false} {
			b.StopTimer()
			path := filepath.Join(b.TempDir(), "copy.db")
			copyFile(b, synced, path)
			s, err := data.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			c := New(s, "bench")
			syncKeepsHistory = keep
			b.StartTimer()
			start := time.Now()
			if _, err := c.Sync(ctx, delta, SyncOptions{}); err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			b.StopTimer()
			if keep {
				with += took
				runs, err := c.SyncRuns(ctx, 1)
				if err != nil || len(runs) != 1 {
					b.Fatal(runs, err)
				}
				start = time.Now()
				got, err := c.SyncChanges(ctx, ChangesQuery{Sync: runs[0].ID})
				list += time.Since(start)
				if err != nil || len(got) != len(changed) {
					b.Fatalf("the sync recorded %d changes (%v), want %d", len(got), err, len(changed))
				}
			} else {
				without += took
			}
			s.Close()
			b.StartTimer()
		}
	}
	n := float64(b.N)
	b.ReportMetric(with.Seconds()*1000/n, "ms-with-history")
	b.ReportMetric(without.Seconds()*1000/n, "ms-without")
	b.ReportMetric(with.Seconds()/without.Seconds(), "with/without")
	b.ReportMetric(list.Seconds()*1000/n, "ms-list-10k")
}
