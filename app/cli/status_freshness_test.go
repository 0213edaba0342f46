package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data"
)

// syncedAt records in the cache db that its directory was last synced completely at.
func syncedAt(t *testing.T, db string, at time.Time) {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Tx(context.Background(), func(q *data.Q) error { return q.SaveSyncState(data.ResourceUsers, "", at) }); err != nil {
		t.Fatal(err)
	}
}

func statusJSON(t *testing.T, db string, args ...string) authStatusJSON {
	t.Helper()
	code, stdout, stderr := runCLI(t, db, append([]string{"--no-keyring", "status", "--format", "json"}, args...)...)
	var st authStatusJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &st) != nil {
		t.Fatalf("status: exit %d %s %s", code, stdout, stderr)
	}
	return st
}

func TestStatusSaysHowFreshTheCacheIs(t *testing.T) {
	db := freshDemo(t)
	if st := statusJSON(t, db); st.Freshness != "never" || st.Age != nil || st.LastSync != nil {
		t.Errorf("a demo never synced: freshness %q, age %v, lastSync %v", st.Freshness, st.Age, st.LastSync)
	}
	if _, stdout, _ := runCLI(t, db, "--no-keyring", "status"); !strings.Contains(stdout, "Never synced") {
		t.Errorf("the table does not say the cache was never synced:\n%s", stdout)
	}

	syncedAt(t, db, time.Now().Add(-30*time.Hour))
	st := statusJSON(t, db)
	if st.Freshness != "stale" || st.Age == nil || *st.Age < 30*3600 || *st.Age > 30*3600+60 || st.LastSync == nil {
		t.Errorf("synced 30 h ago: freshness %q, age %v", st.Freshness, st.Age)
	}
	if st := statusJSON(t, db, "--stale-after", "48h"); st.Freshness != "fresh" {
		t.Errorf("synced 30 h ago with --stale-after 48h: freshness %q", st.Freshness)
	}
	t.Setenv(staleAfterEnv, "36h")
	if st := statusJSON(t, db); st.Freshness != "fresh" {
		t.Errorf("synced 30 h ago with %s=36h: freshness %q", staleAfterEnv, st.Freshness)
	}
	if st := statusJSON(t, db, "--stale-after", "2h"); st.Freshness != "stale" {
		t.Errorf("the flag does not win over the environment: freshness %q", st.Freshness)
	}
	if _, stdout, _ := runCLI(t, db, "--no-keyring", "status", "--stale-after", "2h"); !strings.Contains(stdout, "(30 h ago) — stale: run 'nimbusadmin sync'") {
		t.Errorf("the table does not say the cache is stale:\n%s", stdout)
	}
	t.Setenv(staleAfterEnv, "soon")
	if code, _, stderr := runCLI(t, db, "--no-keyring", "status"); code != 2 || !strings.Contains(stderr, staleAfterEnv) {
		t.Errorf("a bad %s: exit %d %q", staleAfterEnv, code, stderr)
	}

	syncedAt(t, db, time.Now().Add(-8*24*time.Hour))
	t.Setenv(staleAfterEnv, "")
	if st := statusJSON(t, db, "--stale-after", "720h"); st.Freshness != "very-stale" {
		t.Errorf("synced 8 days ago: freshness %q", st.Freshness)
	}
}
