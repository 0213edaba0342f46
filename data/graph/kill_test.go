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
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
)

// TestSyncChildProcess is the child of TestKillDuringSyncLeavesALastGoodCache: it syncs
// the cache it is given and reports every page on stdout, until it is killed.
func TestSyncChildProcess(t *testing.T) {
	dbPath := os.Getenv("NIMBUSADMIN_TEST_SYNC_CHILD")
	if dbPath == "" {
		t.Skip("runs only as the child process of TestKillDuringSyncLeavesALastGoodCache")
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
	_, err = a.Sync(context.Background(), c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Phase == "users" {
			fmt.Printf("page %d\n", p.Pages)
		}
	}})
	fmt.Printf("done %v\n", err)
}

func TestKillDuringSyncLeavesALastGoodCache(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 8000})
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "cache.db")
	first := newCache(t, dbPath)
	sync(t, first, c, false)
	good := cachedDirectory(t, first)
	people := s.Users()
	for i := range 50 {
		mustDo(t, s.RemoveUser(people[i*3].ID, "deleted"))
		mustDo(t, s.UpdateUser(people[i*3+1].ID, map[string]any{"jobTitle": "Changed"}))
	}
	caFile := filepath.Join(dir, "ca.pem")
	mustDo(t, os.WriteFile(caFile, s.CACertPEM(), 0o600))
	s.SetLatency(40 * time.Millisecond)

	cmd := exec.Command(os.Args[0], "-test.run=^TestSyncChildProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "NIMBUSADMIN_TEST_SYNC_CHILD="+dbPath, "NIMBUSADMIN_TEST_CA="+caFile,
		"NIMBUSADMIN_TEST_GRAPH="+s.GraphURL())
	out, err := cmd.StdoutPipe()
	mustDo(t, err)
	mustDo(t, cmd.Start())
	lines := bufio.NewScanner(out)
	killed := false
	for lines.Scan() {
		if strings.HasPrefix(lines.Text(), "page 4") {
			mustDo(t, cmd.Process.Kill()) // SIGKILL on Unix: no chance to clean up
			killed = true
			break
		}
		if strings.HasPrefix(lines.Text(), "done") {
			t.Fatalf("the child finished before it could be killed: %s", lines.Text())
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the child never reported page 4")
	}

	s.SetLatency(0)
	store, err := data.Open(dbPath)
	if err != nil {
		t.Fatalf("the cache does not open after a kill: %v", err)
	}
	defer store.Close()
	var check string
	stmt, err := store.Read(context.Background()).Prepare(`PRAGMA integrity_check`)
	mustDo(t, err)
	mustDo(t, stmt.QueryRow().Scan(&check))
	stmt.Close()
	if check != "ok" {
		t.Fatalf("integrity check after the kill: %s", check)
	}
	after := app.New(store, "test admin")
	if got := cachedDirectory(t, after); !reflect.DeepEqual(got, good) {
		t.Fatalf("after the kill the cache holds %d users, not the last complete state of %d", len(got), len(good))
	}
	sync(t, after, c, false)
	assertSameDirectory(t, after, s)
}
