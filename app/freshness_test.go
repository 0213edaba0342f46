package app

import (
	"context"
	"testing"
	"time"

	"nimbusadmin/data"
)

func TestCacheAgeStates(t *testing.T) {
	now := time.Date(2025, 3, 14, 17, 2, 0, 0, time.UTC)
	cases := []struct {
		name       string
		last       time.Time
		staleAfter time.Duration
		want       Freshness
		line       string
	}{
		{"never synced", time.Time{}, 0, FreshnessNever, "Never synced"},
		{"three hours", now.Add(-3 * time.Hour), 0, FreshnessFresh, "Last synced 14:02 (3 h ago)"},
		{"just now", now.Add(-20 * time.Second), 0, FreshnessFresh, "Last synced 17:01 (just now)"},
		{"exactly the default age", now.Add(-24 * time.Hour), 0, FreshnessFresh, "Last synced 13 Mar 2025 17:02 (24 h ago)"},
		{"past the default age", now.Add(-25 * time.Hour), 0, FreshnessStale, "Last synced 13 Mar 2025 16:02 (25 h ago)"},
		{"past a shorter age", now.Add(-90 * time.Minute), time.Hour, FreshnessStale, "Last synced 15:32 (1 h ago)"},
		{"within a longer age", now.Add(-30 * time.Hour), 48 * time.Hour, FreshnessFresh, "Last synced 13 Mar 2025 11:02 (30 h ago)"},
		{"a week exactly", now.Add(-VeryStaleAfter), 0, FreshnessStale, "Last synced 7 Mar 2025 17:02 (7 days ago)"},
		{"past a week", now.Add(-VeryStaleAfter - time.Minute), 0, FreshnessVeryStale, "Last synced 7 Mar 2025 17:01 (7 days ago)"},
		{"past a week with a longer age", now.Add(-8 * 24 * time.Hour), 30 * 24 * time.Hour, FreshnessVeryStale, "Last synced 6 Mar 2025 17:02 (8 days ago)"},
		{"clock went back", now.Add(time.Hour), 0, FreshnessFresh, "Last synced 18:02 (just now)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := AgeAt(c.last, now, c.staleAfter)
			if got.Freshness != c.want {
				t.Errorf("freshness = %s, want %s", got.Freshness, c.want)
			}
			if line := got.Line(now); line != c.line {
				t.Errorf("line = %q, want %q", line, c.line)
			}
		})
	}
}

func TestCacheAgeReadsTheLastSync(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	now := time.Now().Truncate(time.Second)
	if got, err := f.app.CacheAge(ctx, now, 0); err != nil || got.Freshness != FreshnessNever {
		t.Fatalf("a cache never synced is %s (%v)", got.Freshness, err)
	}
	last := now.Add(-26 * time.Hour)
	if err := f.app.Store().Tx(ctx, func(q *data.Q) error { return q.SaveSyncState(data.ResourceUsers, "link", last) }); err != nil {
		t.Fatal(err)
	}
	got, err := f.app.CacheAge(ctx, now, 0)
	if err != nil || got.Freshness != FreshnessStale || !got.LastSync.Equal(last) || got.Age != 26*time.Hour {
		t.Fatalf("a cache synced 26 h ago is %+v (%v)", got, err)
	}
}

func TestProvenanceNamesTheTenantTheSyncAndTheFilters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	now := time.Date(2025, 3, 14, 17, 2, 3, 0, time.UTC)
	last := now.Add(-3 * time.Hour)
	if err := f.app.Store().Tx(ctx, func(q *data.Q) error { return q.SaveSyncState(data.ResourceUsers, "", last) }); err != nil {
		t.Fatal(err)
	}
	p, err := f.app.Provenance(ctx, now, "users", "csv", map[string]string{"ou": "/Sales"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	settings, _ := f.app.ConfigTenantSettings(ctx)
	if p.TenantName != settings.TenantName || p.TenantID != settings.TenantID || p.TenantID == "" || p.LastSync == nil || !p.LastSync.Equal(last) ||
		!p.ExportedAt.Equal(now) || p.ExportedBy != f.app.Actor() || p.Freshness != FreshnessFresh || p.Filters["ou"] != "/Sales" || p.Rows != 3 {
		t.Errorf("provenance %+v", p)
	}
	if ProvenancePath("/tmp/users.csv") != "/tmp/users.csv.provenance.json" {
		t.Errorf("side-car of users.csv is %s", ProvenancePath("/tmp/users.csv"))
	}
}
