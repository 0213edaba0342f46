package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/app/server"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// teamFeed is a team server as the window's follower sees it: it publishes its tenant and
// feeds the rows of its own App (the authoritative data, here a demo tenant) as the real
// one does, answering a long poll only once something changed or the wait is over. Every
// range it sends is all the rows: applying rows again changes nothing.
type teamFeed struct {
	source *app.App
	url    string
	down   atomic.Bool   // every request fails as an unreachable server's does
	gone   chan struct{} // closed when the server goes away: its long polls break off

	mu      sync.Mutex
	next    uint64
	changed chan struct{} // closed when next moves
}

func startTeamFeed(t *testing.T, tenantID string) *teamFeed {
	t.Helper()
	f := &teamFeed{source: apptest.Demo(t, 20), next: 1, changed: make(chan struct{}), gone: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/nimbusadmin", func(w http.ResponseWriter, _ *http.Request) {
		json.NewEncoder(w).Encode(server.Published{TenantID: tenantID, Scope: "api://5b7c9e1a-3d2f-4a6b-8c0d-1e2f3a4b5c6d/Nimbus.Admin", Schema: data.SchemaVersion()})
	})
	mux.HandleFunc("GET /v1/feed", f.feed)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f.url = srv.URL
	return f
}

func (f *teamFeed) feed(w http.ResponseWriter, r *http.Request) {
	if f.down.Load() { // a request already on its way (or retried) breaks off too
		panic(http.ErrAbortHandler)
	}
	after, _ := strconv.ParseUint(r.URL.Query().Get("after"), 10, 64)
	wait, _ := strconv.Atoi(r.URL.Query().Get("wait"))
	f.mu.Lock()
	next, changed, gone := f.next, f.changed, f.gone
	f.mu.Unlock()
	if after == next {
		select {
		case <-gone:
			panic(http.ErrAbortHandler) // the connection breaks off, as when a server stops
		case <-changed:
		case <-time.After(time.Duration(wait) * time.Second):
		case <-r.Context().Done():
			return
		}
		f.mu.Lock()
		next = f.next
		f.mu.Unlock()
	}
	enc := json.NewEncoder(w)
	if after != next {
		f.source.ExportRows(r.Context(), func(row data.Row) error { return enc.Encode(row) })
	}
	enc.Encode(server.FeedEnd{Next: next})
}

// change runs another admin's change on the server and feeds it.
func (f *teamFeed) change(t *testing.T, fn func(a *app.App) error) {
	t.Helper()
	if err := fn(f.source); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	f.next++
	close(f.changed)
	f.changed = make(chan struct{})
	f.mu.Unlock()
}

// setDown takes the server away, or brings it back.
func (f *teamFeed) setDown(down bool) {
	f.down.Store(down)
	if down {
		f.mu.Lock()
		close(f.gone)
		f.gone = make(chan struct{})
		f.mu.Unlock()
	}
}

// RoundTrip fails every request to the server while it is down.
func (f *teamFeed) RoundTrip(r *http.Request) (*http.Response, error) {
	if f.down.Load() && strings.HasPrefix(r.URL.String(), f.url) {
		return nil, errors.New("connection refused")
	}
	return http.DefaultTransport.RoundTrip(r)
}

// teamKeyring keeps the tokens of the test's sign-in in memory.
type teamKeyring struct {
	mu sync.Mutex
	m  map[string]string
}

func (k *teamKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if v, ok := k.m[service+"/"+user]; ok {
		return v, nil
	}
	return "", auth.ErrKeyringEntryMissing
}

func (k *teamKeyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.m[service+"/"+user] = secret
	return nil
}

func (k *teamKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.m, service+"/"+user)
	return nil
}

// teamOpen signs an admin in to a simulated tenant and opens, as the window does, the
// replica of a team server of that tenant.
func teamOpen(t *testing.T) (*windowOnline, *teamFeed) {
	t.Helper()
	e := testkit.StartEntra(t, simtenant.AuthorityOptions{AutoApprove: true})
	endpoints, err := auth.ResolveEndpoints("global", e.URL(), e.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	f := startTeamFeed(t, e.Authority.TenantID())
	trust := e.Client().Transport.(*http.Transport)
	cfg := auth.Config{Endpoints: endpoints, Tenant: e.Authority.TenantID(), ClientID: "window-test", ConfigDir: t.TempDir(),
		Keyring: &teamKeyring{m: map[string]string{}}, HTTPClient: &http.Client{Transport: teamTransport{f, trust}}}
	first := cfg
	first.Prompt = func(auth.DeviceCode) {} // the simulated tenant approves the code itself
	s, err := auth.NewSession(first)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	tenant, team, err := openTeam(context.Background(), f.url, filepath.Join(t.TempDir(), "replica.db"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tenant.App.Close() })
	o := &windowOnline{tenant: tenant, signIn: cfg, team: team}
	o.loadAccount()
	t.Cleanup(o.stopFollowing)
	return o, f
}

// teamTransport reaches the server through the feed's switch and Entra ID with its trust.
type teamTransport struct {
	f     *teamFeed
	trust http.RoundTripper
}

func (t teamTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasPrefix(r.URL.String(), t.f.url) {
		return t.f.RoundTrip(r)
	}
	return t.trust.RoundTrip(r)
}

// teamNext waits up to limit for the window to hear of a change.
func teamNext(t *testing.T, changed chan struct{}, limit time.Duration, what string) {
	t.Helper()
	select {
	case <-changed:
	case <-time.After(limit):
		t.Fatalf("the window did not hear within %v that %s", limit, what)
	}
}

// The window hears of another admin's change within a second of its commit, hears once
// that the server went away (not at every failed attempt after), and hears within a few
// seconds that it answers again, when changes are possible again.
func TestTheWindowFollowsItsTeamServer(t *testing.T) {
	o, f := teamOpen(t)
	st := o.Status()
	if st.TeamServer != "127.0.0.1" || st.TeamOffline != "" || st.Demo || st.SignedInAs == "" {
		t.Fatalf("the header's state: %+v", st)
	}
	changed := make(chan struct{}, 16)
	o.FollowTeam(func() { changed <- struct{}{} })
	ctx := context.Background()
	ix, err := o.tenant.App.LoadUserIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, r := range ix.Rows {
		if !r.Licences.Has(data.Assistant) {
			id = r.ID
		}
	}
	time.Sleep(100 * time.Millisecond) // the follower is waiting on the server
	start := time.Now()
	f.change(t, func(a *app.App) error { return a.GrantLicence(ctx, id, data.Assistant) })
	teamNext(t, changed, time.Second, "another admin's change reached the replica")
	if d, err := o.tenant.App.UserDetail(ctx, id); err != nil || !d.User.Licences.Has(data.Assistant) {
		t.Fatalf("the replica does not hold the change the window heard of (%v)", err)
	}
	t.Logf("another admin's change heard after %v", time.Since(start))

	f.setDown(true)
	teamNext(t, changed, 5*time.Second, "the server went away")
	if st := o.Status(); !strings.HasPrefix(st.TeamOffline, "Offline — server unreachable; read-only, caught up to ") {
		t.Fatalf("offline, the header says %q", st.TeamOffline)
	}
	time.Sleep(3 * time.Second) // the follower tries again meanwhile
	if len(changed) != 0 {
		t.Errorf("the window heard %d times more that the server is still away", len(changed))
	}
	f.setDown(false)
	teamNext(t, changed, 5*time.Second, "the server answers again")
	if st := o.Status(); st.TeamOffline != "" || o.tenant.App.CanChange() != nil {
		t.Errorf("back online: header %q, changes %v", st.TeamOffline, o.tenant.App.CanChange())
	}
}
