package graph_test

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// startTenant starts a simulated tenant and a Graph client that trusts it.
func startTenant(t testing.TB, o simtenant.Options) (*simtenant.Server, *graph.Client) {
	t.Helper()
	s, err := simtenant.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	c, err := graph.New(s.GraphURL(), graph.StaticToken("test-token"), s.Client())
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// newCache opens a fresh cache file holding an empty tenant, at path when given.
func newCache(t testing.TB, path string) *app.App {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "cache.db")
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Read(context.Background()).TenantSettings(); err == nil {
		return app.New(s, "test admin")
	}
	if err := s.Tx(context.Background(), func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: "sim", TenantName: "Contoso"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return app.New(s, "test admin")
}

// cachedDirectory reads the cached directory, ordered by id.
func cachedDirectory(t testing.TB, a *app.App) []data.DirectoryUser {
	t.Helper()
	var out []data.DirectoryUser
	if err := a.Store().Read(context.Background()).EachDirectoryUser(func(e data.DirectoryEntry) bool {
		out = append(out, e.DirectoryUser)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(x, y data.DirectoryUser) int { return compare(x.ID, y.ID) })
	return out
}

func compare(x, y string) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// assertSameDirectory fails unless the cache holds exactly the tenant's directory.
func assertSameDirectory(t testing.TB, a *app.App, s *simtenant.Server) {
	t.Helper()
	want := s.Users()
	slices.SortFunc(want, func(x, y data.DirectoryUser) int { return compare(x.ID, y.ID) })
	got := cachedDirectory(t, a)
	if len(got) != len(want) {
		t.Fatalf("the cache holds %d directory users, the tenant %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("user %d differs:\ncache  %+v\ntenant %+v", i, show(got[i]), show(want[i]))
		}
	}
}

func show(u data.DirectoryUser) any {
	enabled := "null"
	if u.AccountEnabled != nil {
		enabled = map[bool]string{true: "true", false: "false"}[*u.AccountEnabled]
	}
	return struct {
		data.DirectoryUser
		Enabled string
	}{u, enabled}
}

// sync runs a sync and fails the test when it fails.
func sync(t testing.TB, a *app.App, c *graph.Client, full bool) app.SyncResult {
	t.Helper()
	res, err := a.Sync(context.Background(), c, app.SyncOptions{Full: full})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// serviceMembers lists a service's members and owners as "id role".
func serviceMembers(t testing.TB, a *app.App, serviceID int64) []string {
	t.Helper()
	stmt, err := testkit.Prepare(a.Store().Read(context.Background()), `SELECT user_id || ' ' || membership FROM service_members WHERE service_id = ? ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	rows, err := stmt.Query(serviceID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

// teamMemberships is what a Team's members and owners should make of a service.
func teamMemberships(team simtenant.Team) []string {
	var out []string
	for _, m := range team.Members {
		out = append(out, m+" member")
	}
	for _, o := range team.Owners {
		out = append(out, o+" owner")
	}
	slices.Sort(out)
	return out
}

// count runs a counting query on the cache.
func count(t testing.TB, a *app.App, query string, args ...any) int {
	t.Helper()
	stmt, err := testkit.Prepare(a.Store().Read(context.Background()), query)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	var n int
	if err := stmt.QueryRow(args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// savedDeltaLink reads the delta link the next sync starts from.
func savedDeltaLink(t testing.TB, a *app.App) string {
	t.Helper()
	link, err := a.Store().Read(context.Background()).SavedDeltaLink()
	if err != nil {
		t.Fatal(err)
	}
	return link
}
