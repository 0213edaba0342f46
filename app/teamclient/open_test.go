package teamclient

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"nimbusadmin/app/apptest"
	"nimbusadmin/app/server"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// openScope is the scope the fake server publishes for its API.
const openScope = "api://5b7c9e1a-3d2f-4a6b-8c0d-1e2f3a4b5c6d/Nimbus.Admin"

// openFake is a team server that publishes its tenant and serves a demo tenant's rows as
// the snapshot; down makes every request fail as an unreachable server does.
type openFake struct {
	url    string
	client *http.Client
	down   atomic.Bool
	tokens atomic.Int32 // requests that came with a bearer token
}

func startOpenFake(t *testing.T, tenantID string, trust *http.Client) *openFake {
	t.Helper()
	var rows []data.Row
	if err := apptest.Demo(t, 20).ExportRows(context.Background(), func(r data.Row) error {
		rows = append(rows, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f := &openFake{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/nimbusadmin", func(w http.ResponseWriter, _ *http.Request) {
		json.NewEncoder(w).Encode(server.Published{TenantID: tenantID, Scope: openScope, Schema: data.SchemaVersion()})
	})
	mux.HandleFunc("GET /v1/feed", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			f.tokens.Add(1)
		}
		enc := json.NewEncoder(w)
		if r.URL.Query().Get("after") == "0" {
			for _, row := range rows {
				enc.Encode(row)
			}
		}
		enc.Encode(server.FeedEnd{Next: 1})
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f.url = srv.URL
	f.client = &http.Client{Transport: openTransport{f: f, next: trust.Transport}}
	return f
}

// openTransport fails every request to the fake while it is down, and reaches the
// simulated Entra ID through its trust.
type openTransport struct {
	f    *openFake
	next http.RoundTripper
}

func (t openTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.f.down.Load() && strings.HasPrefix(r.URL.String(), t.f.url) {
		return nil, errors.New("connection refused")
	}
	return t.next.RoundTrip(r)
}

// openSignedIn signs an admin in to a simulated tenant and returns the options that
// open the fake server's replica at path with that sign-in.
func openSignedIn(t *testing.T) (*openFake, func(path string) Options, string) {
	t.Helper()
	e := testkit.StartEntra(t, simtenant.AuthorityOptions{AutoApprove: true})
	endpoints, err := auth.ResolveEndpoints("global", e.URL(), e.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	cfg := auth.Config{Endpoints: endpoints, Tenant: e.Authority.TenantID(), ClientID: "open-test",
		ConfigDir: t.TempDir(), NoKeyring: true, HTTPClient: e.Client(), Prompt: func(auth.DeviceCode) {}}
	s, err := auth.NewSession(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	f := startOpenFake(t, e.Authority.TenantID(), e.Client())
	opts := func(path string) Options {
		return Options{Server: f.url, DBPath: path, HTTPClient: f.client, Session: func(tenantID string) (*auth.Session, error) {
			if tenantID != e.Authority.TenantID() {
				t.Errorf("signing in to %q, not the tenant the server published", tenantID)
			}
			return s, nil
		}}
	}
	return f, opts, e.Authority.UserPrincipalName()
}

// Open signs in to the tenant the server publishes, loads the snapshot and acts as the
// admin signed in.
func TestOpenLoadsTheSnapshotAsTheSignedInAdmin(t *testing.T) {
	f, opts, upn := openSignedIn(t)
	r, err := Open(context.Background(), opts(filepath.Join(t.TempDir(), "replica.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer r.App.Close()
	if !r.Client.Online() || f.tokens.Load() == 0 || r.App.Actor() != upn || r.Session() == nil {
		t.Fatalf("online %v, %d token requests, acting as %q", r.Client.Online(), f.tokens.Load(), r.App.Actor())
	}
	ix, err := r.App.LoadUserIndex(context.Background())
	if err != nil || len(ix.Rows) != 20 {
		t.Fatalf("the replica lists %d users (%v), want the snapshot's 20", len(ix.Rows), err)
	}
}

// An unreachable server opens a replica that holds data for review only, refuses to
// open one that holds nothing, and is asked again with the next request, so that a
// replica opened offline catches up once the server answers.
func TestOpenOfflineReviewsAndCatchesUpWhenTheServerAnswers(t *testing.T) {
	f, opts, upn := openSignedIn(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "replica.db")
	r, err := Open(ctx, opts(path))
	if err != nil {
		t.Fatal(err)
	}
	r.App.Close()

	f.down.Store(true)
	if _, err := Open(ctx, opts(filepath.Join(t.TempDir(), "new.db"))); err == nil || !strings.Contains(err.Error(), "holds no replica of it yet") {
		t.Fatalf("a new replica without its server: %v", err)
	}
	r, err = Open(ctx, opts(path))
	if err != nil {
		t.Fatal(err)
	}
	defer r.App.Close()
	if r.Client.Online() || r.Session() != nil {
		t.Fatal("the replica of an unreachable server says it is online")
	}
	if err := r.App.CanChange(); err == nil || !strings.Contains(err.Error(), "Offline — server unreachable; read-only") {
		t.Fatalf("offline, changes are refused with %v", err)
	}

	f.down.Store(false)
	if _, err := r.Client.CatchUp(ctx, 0); err != nil {
		t.Fatalf("the server answers again, but the replica cannot catch up: %v", err)
	}
	if !r.Client.Online() || r.App.CanChange() != nil || r.App.Actor() != upn {
		t.Errorf("back online: online %v, changes %v, acting as %q", r.Client.Online(), r.App.CanChange(), r.App.Actor())
	}
}

// Nobody signed in to the server's tenant: the command line is refused with what to do,
// and the window's replica opens for review so that the admin can sign in there.
func TestOpenSignedOut(t *testing.T) {
	e := testkit.StartEntra(t, simtenant.AuthorityOptions{AutoApprove: true})
	endpoints, err := auth.ResolveEndpoints("global", e.URL(), e.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	f := startOpenFake(t, e.Authority.TenantID(), e.Client())
	o := Options{Server: f.url, DBPath: filepath.Join(t.TempDir(), "replica.db"), HTTPClient: f.client,
		Session: func(tenantID string) (*auth.Session, error) {
			return auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: tenantID, ClientID: "open-test",
				ConfigDir: t.TempDir(), NoKeyring: true, HTTPClient: e.Client()})
		}}
	if _, err := Open(context.Background(), o); err == nil || !strings.Contains(err.Error(), "nobody is signed in to the tenant of "+f.url) {
		t.Fatalf("signed out, the command line opens the replica: %v", err)
	}
	o.OpenSignedOut = true
	r, err := Open(context.Background(), o)
	if err != nil {
		t.Fatalf("signed out, the window cannot open the replica: %v", err)
	}
	defer r.App.Close()
	if !r.Client.Online() {
		t.Error("signed out, the replica says the server is unreachable")
	}
}
