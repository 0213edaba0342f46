package graph_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// TestSyncChildProcess is the child of TestKillDuringSyncConverges: it syncs the cache it
// is given, reports its progress on stdout as "<phase> <count>", and at the moment it is
// told (say "saving 3": after the third chunk of users was saved) it says "stop" and
// waits there to be killed.
func TestSyncChildProcess(t *testing.T) {
	dbPath := os.Getenv("NIMBUSADMIN_TEST_SYNC_CHILD")
	if dbPath == "" {
		t.Skip("runs only as the child process of TestKillDuringSyncConverges")
	}
	pem, err := os.ReadFile(os.Getenv("NIMBUSADMIN_TEST_CA"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	c, err := graph.New(os.Getenv("NIMBUSADMIN_TEST_GRAPH"), graph.StaticToken("child"), hc)
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(s, "child")
	stopAt := os.Getenv("NIMBUSADMIN_TEST_SYNC_STOP")
	counts := map[string]int{}
	_, err = a.Sync(context.Background(), c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		counts[p.Phase]++
		moment := fmt.Sprintf("%s %d", p.Phase, counts[p.Phase])
		fmt.Println(moment)
		if moment == stopAt {
			fmt.Println("stop")
			select {} // killed here
		}
	}})
	fmt.Printf("done %v\n", err)
}

// A sync killed (SIGKILL: no chance to clean up) while it reads the directory leaves the
// cache as it was; killed between two chunks of users or in the middle of the Nimbus
// side, it leaves a cache from which the next sync converges to exactly the state a sync
// that was never killed gives: the same directory, Teams, Nimbus users, service members,
// roles and delta link.
func TestKillDuringSyncConverges(t *testing.T) {
	for _, stop := range []string{"users 4", "saving 3", "nimbus 1"} {
		t.Run(strings.ReplaceAll(stop, " ", "-"), func(t *testing.T) { killDuringSync(t, stop) })
	}
}

func killDuringSync(t *testing.T, stop string) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 8000})
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "cache.db")
	first := newCache(t, dbPath)
	sync(t, first, c, false)
	root := rootOU(t, first)
	teams := s.Teams()
	for _, team := range teams[:2] {
		_, err := first.CreateTeamsService(ctx, team.ID, root)
		mustDo(t, err)
	}
	good := cachedDirectory(t, first)
	people := s.Users()
	for _, team := range teams[:2] { // two members leave each Team, two newcomers join
		members := append(slices.Clone(team.Members[2:]), people[7990].ID, people[7991].ID)
		mustDo(t, s.SetTeamMembers(team.ID, members, team.Owners))
	}
	mustDo(t, s.RemoveUser(teams[0].Owners[0], "deleted")) // a Nimbus user leaves the directory
	for i := range 50 {
		mustDo(t, s.RemoveUser(people[i*3].ID, "deleted"))
		mustDo(t, s.UpdateUser(people[i*3+1].ID, map[string]any{"jobTitle": "Changed"}))
	}
	clean := filepath.Join(dir, "clean.db")
	_, err := testkit.Exec(first.Store().Read(ctx), `VACUUM INTO ?`, clean)
	mustDo(t, err)
	first.Store().Close()

	caFile := filepath.Join(dir, "ca.pem")
	mustDo(t, os.WriteFile(caFile, s.CACertPEM(), 0o600))
	cmd := exec.Command(os.Args[0], "-test.run=^TestSyncChildProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "NIMBUSADMIN_TEST_SYNC_CHILD="+dbPath, "NIMBUSADMIN_TEST_CA="+caFile,
		"NIMBUSADMIN_TEST_GRAPH="+s.GraphURL(), "NIMBUSADMIN_TEST_SYNC_STOP="+stop)
	out, err := cmd.StdoutPipe()
	mustDo(t, err)
	mustDo(t, cmd.Start())
	lines := bufio.NewScanner(out)
	killed := false
	for lines.Scan() {
		if lines.Text() == "stop" {
			mustDo(t, cmd.Process.Kill()) // SIGKILL on Unix
			killed = true
			break
		}
		if strings.HasPrefix(lines.Text(), "done") {
			t.Fatalf("the child finished before it could be killed at %q: %s", stop, lines.Text())
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("the child never reached %q", stop)
	}

	store, err := data.Open(dbPath)
	if err != nil {
		t.Fatalf("the cache does not open after a kill: %v", err)
	}
	defer store.Close()
	var check string
	stmt, err := testkit.Prepare(store.Read(ctx), `PRAGMA integrity_check`)
	mustDo(t, err)
	mustDo(t, stmt.QueryRow().Scan(&check))
	stmt.Close()
	if check != "ok" {
		t.Fatalf("integrity check after the kill: %s", check)
	}
	after := app.New(store, "test admin")
	if stop == "users 4" {
		if got := cachedDirectory(t, after); !reflect.DeepEqual(got, good) {
			t.Fatalf("killed while reading, the cache holds %d users, not the last complete state of %d", len(got), len(good))
		}
	}
	sync(t, after, c, false)
	assertSameDirectory(t, after, s)

	reference := newCache(t, clean)
	sync(t, reference, c, true)
	want, got := cacheState(t, reference), cacheState(t, after)
	for table := range want {
		if !slices.Equal(got[table], want[table]) {
			t.Errorf("after the kill at %q and one more sync, %s differs from a sync never killed:\n got %d rows %.300v\nwant %d rows %.300v",
				stop, table, len(got[table]), got[table], len(want[table]), want[table])
		}
	}
}

// cacheState reads what a sync decides in the cache, table by table, as sorted rows:
// everything but the journal, the times and the sync rounds.
func cacheState(t testing.TB, a *app.App) map[string][]string {
	t.Helper()
	queries := map[string]string{
		"directory_users":  `SELECT id, display_name, given_name, surname, upn, mail, department, job_title, account_enabled FROM directory_users`,
		"teams":            `SELECT id, display_name FROM teams`,
		"team_members":     `SELECT team_id, user_id, role FROM team_members`,
		"nimbus_users":     `SELECT id, ou_id, origin, licences, na_reasons_enabled FROM nimbus_users`,
		"service_members":  `SELECT service_id, user_id, membership, active FROM service_members`,
		"role_assignments": `SELECT user_id, role_id, scope_ou_id, auto_granted, source_service_id FROM role_assignments`,
		"delta link":       `SELECT resource, delta_link FROM sync_state`,
	}
	out := map[string][]string{}
	for table, query := range queries {
		stmt, err := testkit.Prepare(a.Store().Read(context.Background()), query)
		mustDo(t, err)
		rows, err := stmt.Query()
		mustDo(t, err)
		cols, _ := rows.Columns()
		for rows.Next() {
			values := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range values {
				ptrs[i] = &values[i]
			}
			mustDo(t, rows.Scan(ptrs...))
			out[table] = append(out[table], fmt.Sprint(values...))
		}
		mustDo(t, rows.Err())
		rows.Close()
		stmt.Close()
		slices.Sort(out[table])
	}
	return out
}
