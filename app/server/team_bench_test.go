package server_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server/servertest"
)

// benchTeam is a running server holding a demo tenant of that many users, imported by
// its Tenant Administrator, whose desktop it returns.
func benchTeam(b *testing.B, users int) (*servertest.Team, *servertest.Admin) {
	b.Helper()
	ctx := context.Background()
	src, ta, _ := servertest.DemoTenant(b, users)
	tm := servertest.NewTeam(b, ta)
	tm.Start()
	a := tm.Desktop(ta)
	start := time.Now()
	n, err := a.Client.Import(ctx, src)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("imported %d rows of %d users in %v", n, users, time.Since(start).Round(time.Millisecond))
	return tm, a
}

// BenchmarkNewReplica100k: a new desktop's replica of a 100,000-user tenant, from the
// first request to the list in memory (target ≤ 10 s).
func BenchmarkNewReplica100k(b *testing.B) { benchNewReplica(b, 100_000) }

// BenchmarkNewReplica20k is the same on a fifth of the users, for profiling.
func BenchmarkNewReplica20k(b *testing.B) { benchNewReplica(b, 20_000) }

func benchNewReplica(b *testing.B, users int) {
	ctx := context.Background()
	tm, a := benchTeam(b, users)
	b.ResetTimer()
	for range b.N {
		replica, err := app.OpenReplica(filepath.Join(b.TempDir(), "new.db"), a.Who.UPN)
		if err != nil {
			b.Fatal(err)
		}
		n, err := a.Client.With(replica).CatchUp(ctx, 0)
		if err != nil {
			b.Fatal(err)
		}
		list, err := replica.LoadUserIndex(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "rows")
		b.ReportMetric(float64(len(list.Rows)), "users")
		replica.Close()
	}
	b.StopTimer()
	tm.Stop()
}

// BenchmarkCatchUp1000Changes: a replica that missed 1,000 changes catches up (target ≤ 1 s).
func BenchmarkCatchUp1000Changes(b *testing.B) {
	ctx := context.Background()
	tm, a := benchTeam(b, 2_000)
	parent := root(b, a.App)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		behind, err := app.OpenReplica(filepath.Join(b.TempDir(), "behind.db"), a.Who.UPN)
		if err != nil {
			b.Fatal(err)
		}
		c := a.Client.With(behind)
		if _, err := c.CatchUp(ctx, 0); err != nil {
			b.Fatal(err)
		}
		for i := range 1000 {
			if _, err := a.App.Do(ctx, app.CreateOU{Parent: parent, Name: fmt.Sprintf("Bench %d %d", time.Now().UnixNano(), i)}); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		n, err := c.CatchUp(ctx, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		b.ReportMetric(float64(n), "rows")
		behind.Close()
	}
	tm.Stop()
}

// BenchmarkEditRoundTrip: one edit sent, checked, written, journalled and back in the
// sender's replica (target p95 ≤ 50 ms), and seen by another admin's following replica
// (target p95 ≤ 1 s).
func BenchmarkEditRoundTrip(b *testing.B) {
	ctx := context.Background()
	tm, a := benchTeam(b, 2_000)
	other, err := app.OpenReplica(filepath.Join(b.TempDir(), "other.db"), a.Who.UPN)
	if err != nil {
		b.Fatal(err)
	}
	oc := a.Client.With(other)
	if _, err := oc.CatchUp(ctx, 0); err != nil {
		b.Fatal(err)
	}
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	changed := make(chan struct{}, 1000)
	go oc.Follow(fctx, func() { changed <- struct{}{} })
	parent := root(b, a.App)
	var trip, seen []time.Duration
	b.ResetTimer()
	for i := range max(b.N, 200) {
		start := time.Now()
		out, err := a.App.Do(ctx, app.CreateOU{Parent: parent, Name: "Trip " + strconv.Itoa(i) + " " + strconv.FormatInt(start.UnixNano(), 36)})
		if err != nil {
			b.Fatal(err)
		}
		trip = append(trip, time.Since(start))
		for {
			tree, err := other.OUTree(ctx)
			if err == nil && tree.Has(out.ID) {
				break
			}
			select {
			case <-changed:
			case <-time.After(5 * time.Millisecond):
			}
			if time.Since(start) > 10*time.Second {
				b.Fatal("the other replica did not get the change in 10 s")
			}
		}
		seen = append(seen, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(p95(trip).Seconds()*1000, "p95-roundtrip-ms")
	b.ReportMetric(p95(seen).Seconds()*1000, "p95-seen-by-other-ms")
	stop()
	other.Close()
	tm.Stop()
}

func p95(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)*95/100]
}
