package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/simtenant"
)

// Run the figures of issue 3 with, for example:
//
//	go test -tags migrated_fynedo -run '^$' -bench . -benchtime 1x -count 5 ./data/graph/
//
// and take the median of each metric. Every benchmark talks to the simulated tenant over
// loopback HTTPS through the real client, and writes a real SQLite file.

const benchUsers = 100_000

// benchSync runs one timed full sync from empty into a new cache file.
func benchSync(b *testing.B, c graphClient, progress func(app.SyncProgress)) (app.SyncResult, time.Duration) {
	b.Helper()
	b.StopTimer()
	a := newCache(b, filepath.Join(b.TempDir(), fmt.Sprintf("bench-%d.db", time.Now().UnixNano())))
	runtime.GC()
	b.StartTimer()
	start := time.Now()
	res, err := a.Sync(context.Background(), c, app.SyncOptions{Progress: progress})
	elapsed := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	a.Store().Close()
	return res, elapsed
}

type graphClient = app.DirectorySource

// BenchmarkFullSync100k: 100,000 users, no added latency, full sync from empty into the
// cache (fetch, decode, store, Nimbus side, commit), against the fetch+decode floor
// measured in the same run.
func BenchmarkFullSync100k(b *testing.B) {
	_, c := startTenant(b, simtenant.Options{Users: benchUsers})
	var syncTime, floorTime time.Duration
	for range b.N {
		res, elapsed := benchSync(b, c, nil)
		if res.Users != benchUsers {
			b.Fatalf("synced %d users", res.Users)
		}
		syncTime += elapsed
		start := time.Now()
		n := 0
		if _, err := c.UserDelta(context.Background(), "", func(p directory.UserPage) error { n += len(p.Users); return nil }); err != nil || n != benchUsers {
			b.Fatalf("fetch+decode: %d users, %v", n, err)
		}
		floorTime += time.Since(start)
	}
	perSync := syncTime.Seconds() / float64(b.N)
	perFloor := floorTime.Seconds() / float64(b.N)
	b.ReportMetric(benchUsers/perSync, "users/s")
	b.ReportMetric(benchUsers/perFloor, "floor-users/s")
	b.ReportMetric(perSync/perFloor, "sync/floor")
}

// BenchmarkFullSync100kLatency150ms: the same with 150 ms per Graph request; the figure is
// the sync time over the sum of the delta pages' unavoidable sequential latencies.
func BenchmarkFullSync100kLatency150ms(b *testing.B) {
	const latency = 150 * time.Millisecond
	s, c := startTenant(b, simtenant.Options{Users: benchUsers, Latency: latency})
	var ratio float64
	for range b.N {
		before := s.Stats().DeltaPages
		_, elapsed := benchSync(b, c, nil)
		pages := s.Stats().DeltaPages - before
		ratio += elapsed.Seconds() / (float64(pages) * latency.Seconds())
	}
	b.ReportMetric(ratio/float64(b.N), "x-sequential-latency")
}

// BenchmarkIncremental1pct: an incremental sync after 1% of 100,000 users changed.
func BenchmarkIncremental1pct(b *testing.B) {
	s, c := startTenant(b, simtenant.Options{Users: benchUsers})
	a := newCache(b, "")
	sync(b, a, c, false)
	people := s.Users()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		for k := range benchUsers / 100 {
			u := people[(k*97+i*13)%len(people)]
			mustDo(b, s.UpdateUser(u.ID, map[string]any{"jobTitle": fmt.Sprintf("Title %d", i), "department": nil}))
		}
		b.StartTimer()
		res, err := a.Sync(context.Background(), c, app.SyncOptions{})
		if err != nil || res.Full || res.Users != benchUsers/100 {
			b.Fatalf("incremental sync: %+v, %v", res, err)
		}
	}
}

// BenchmarkFullSyncPeakHeap reports the live heap of a full sync (measured after a
// collection at every page, so garbage does not count; the simulated tenant's own
// directory is subtracted): its peak, and how much it still grows after the tenth page.
// The growth must be about nothing, whatever the tenant's size: memory is the pages in
// flight, not the tenant. SQLite's page cache is bounded by the sync's cache_size.
func BenchmarkFullSyncPeakHeap(b *testing.B) {
	for _, n := range []int{25_000, benchUsers} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			_, c := startTenant(b, simtenant.Options{Users: n})
			var peak, growth float64
			for range b.N {
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				base, top, atTen, topAfterTen := ms.HeapAlloc, ms.HeapAlloc, uint64(0), uint64(0)
				benchSync(b, c, func(p app.SyncProgress) {
					runtime.GC()
					runtime.ReadMemStats(&ms)
					top = max(top, ms.HeapAlloc)
					switch {
					case p.Pages == 10 && p.Phase == "users":
						atTen, topAfterTen = ms.HeapAlloc, ms.HeapAlloc
					case p.Pages > 10:
						topAfterTen = max(topAfterTen, ms.HeapAlloc)
					}
				})
				peak = max(peak, float64(top-base)/(1<<20))
				growth += (float64(topAfterTen) - float64(atTen)) / (1 << 20)
			}
			b.ReportMetric(peak, "peak-live-heap-MB")
			b.ReportMetric(growth/float64(b.N), "growth-after-page-10-MB")
		})
	}
}

// BenchmarkFullSync1M: a tenant of 1,000,000 users, full sync from empty, to show the
// simulated tenant and the sync hold at the largest size the issue names.
func BenchmarkFullSync1M(b *testing.B) {
	const n = 1_000_000
	_, c := startTenant(b, simtenant.Options{Users: n})
	var total time.Duration
	for range b.N {
		res, elapsed := benchSync(b, c, nil)
		if res.Users != n {
			b.Fatalf("synced %d users", res.Users)
		}
		total += elapsed
	}
	b.ReportMetric(n/(total.Seconds()/float64(b.N)), "users/s")
}
