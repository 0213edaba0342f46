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
)

// benchTeam is a running server holding a demo tenant of that many users, imported by
// its Tenant Administrator, whose desktop it returns.
func benchTeam(b *testing.B, users int) (*team, *admin) {
	b.Helper()
	ctx := context.Background()
	src, ta, _ := demoTeam(b, users)
	tm := newTeam(b, ta)
	tm.start()
	a := tm.desktop(ta)
	start := time.Now()
	n, err := a.client.Import(ctx, src)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("imported %d rows of %d users in %v", n, users, time.Since(start).Round(time.Millisecond))
	return tm, a
}

// BenchmarkNewReplica100k: a new desktop's replica of a 100,000-user tenant, from the
// first request to the list in memory (target ≤ 10 s).
func BenchmarkNewReplica100k(b *testing.B) {
	ctx := context.Background()
	tm, a := benchTeam(b, 100_000)
	b.ResetTimer()
	for range b.N {
		replica, err := app.OpenReplica(filepath.Join(b.TempDir(), "new.db"), a.who.UPN)
		if err != nil {
			b.Fatal(err)
		}
		n, err := a.client.With(replica).CatchUp(ctx, 0)
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
	tm.stop()
}

// BenchmarkCatchUp1000Changes: a replica that missed 1,000 changes catches up (target ≤ 1 s).
func BenchmarkCatchUp1000Changes(b *testing.B) {
	ctx := context.Background()
	tm, a := benchTeam(b, 2_000)
	parent := root(b, a.app)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		behind, err := app.OpenReplica(filepath.Join(b.TempDir(), "behind.db"), a.who.UPN)
		if err != nil {
			b.Fatal(err)
		}
		c := a.client.With(behind)
		if _, err := c.CatchUp(ctx, 0); err != nil {
			b.Fatal(err)
		}
		for i := range 1000 {
			if _, err := a.app.Do(ctx, app.CreateOU{Parent: parent, Name: fmt.Sprintf("Bench %d %d", time.Now().UnixNano(), i)}); err != nil {
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
	tm.stop()
}

// BenchmarkEditRoundTrip: one edit sent, checked, written, journalled and back in the
// sender's replica (target p95 ≤ 50 ms), and seen by another admin's following replica
// (target p95 ≤ 1 s).
func BenchmarkEditRoundTrip(b *testing.B) {
	ctx := context.Background()
	tm, a := benchTeam(b, 2_000)
	other, err := app.OpenReplica(filepath.Join(b.TempDir(), "other.db"), a.who.UPN)
	if err != nil {
		b.Fatal(err)
	}
	oc := a.client.With(other)
	if _, err := oc.CatchUp(ctx, 0); err != nil {
		b.Fatal(err)
	}
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	changed := make(chan struct{}, 1000)
	go oc.Follow(fctx, func() { changed <- struct{}{} })
	parent := root(b, a.app)
	var trip, seen []time.Duration
	b.ResetTimer()
	for i := range max(b.N, 200) {
		start := time.Now()
		out, err := a.app.Do(ctx, app.CreateOU{Parent: parent, Name: "Trip " + strconv.Itoa(i) + " " + strconv.FormatInt(start.UnixNano(), 36)})
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
	tm.stop()
}

func p95(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)*95/100]
}
