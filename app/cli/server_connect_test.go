package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"nimbusadmin/app/server"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// connectFakeServer publishes a team server of the tenant at its well-known address and
// counts the feed requests that reach it (answered 503: only that the replica asked
// matters here).
func connectFakeServer(t *testing.T, tenantID string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var feeds atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/nimbusadmin", func(w http.ResponseWriter, _ *http.Request) {
		json.NewEncoder(w).Encode(server.Published{TenantID: tenantID, ClientID: "server-app",
			Scope: "api://server-app/Nimbus.Admin", Schema: data.SchemaVersion()})
	})
	mux.HandleFunc("GET /v1/feed", func(w http.ResponseWriter, _ *http.Request) {
		feeds.Add(1)
		http.Error(w, "not now", http.StatusServiceUnavailable)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &feeds
}

// 'server connect' remembers the server for its tenant, privately, so that a command line
// without --server opens the tenant's replica of it; --forget undoes it.
func TestServerConnectRemembersTheServerAndForgetUndoesIt(t *testing.T) {
	a, globals, config := authTenant(t, simtenant.AuthorityOptions{AutoApprove: true})
	if code, _, stderr := runAuthCLI(t, globals, "signin"); code != 0 {
		t.Fatalf("signin: %s", stderr)
	}
	srv, feeds := connectFakeServer(t, a.TenantID())

	code, stdout, stderr := runAuthCLI(t, globals, "server", "connect", srv.URL)
	if code != 0 || !strings.Contains(stdout, srv.URL) {
		t.Fatalf("server connect: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	file := filepath.Join(config, "nimbusadmin", "servers.json")
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the remembered server's file: %v, %v", fi, err)
	}
	if got, _ := teamclient.RememberedServer(a.TenantID()); got != srv.URL {
		t.Fatalf("remembered %q for the tenant, want %q", got, srv.URL)
	}
	runAuthCLI(t, globals, "users")
	if feeds.Load() == 0 {
		t.Fatal("a command line without --server did not ask the remembered server's feed")
	}

	code, stdout, _ = runAuthCLI(t, globals, "server", "connect", "--forget")
	if code != 0 || !strings.Contains(stdout, srv.URL) {
		t.Fatalf("server connect --forget: exit %d: %s", code, stdout)
	}
	if got, _ := teamclient.RememberedServer(a.TenantID()); got != "" {
		t.Fatalf("still remembered after --forget: %q", got)
	}
	before := feeds.Load()
	if code, _, stderr := runAuthCLI(t, globals, "users"); code != 1 || !strings.Contains(stderr, "run 'nimbusadmin sync' first") || feeds.Load() != before {
		t.Errorf("users after --forget: exit %d, %q, %d feed requests", code, stderr, feeds.Load()-before)
	}
}

// An address that is no Nimbus Admin server is refused and nothing is remembered.
func TestServerConnectRefusesWhatIsNoServer(t *testing.T) {
	_, globals, config := authTenant(t, simtenant.AuthorityOptions{AutoApprove: true})
	other := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(other.Close)
	code, _, stderr := runAuthCLI(t, globals, "server", "connect", other.URL)
	if code != 1 || !strings.Contains(stderr, "is not a Nimbus Admin server") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(config, "nimbusadmin", "servers.json")); !os.IsNotExist(err) {
		t.Errorf("something was remembered: %v", err)
	}
	if code, _, _ := runAuthCLI(t, globals, "server", "connect"); code != 2 {
		t.Errorf("server connect without an address: exit %d, want 2", code)
	}
}
