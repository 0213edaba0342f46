package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/simtenant"
)

// noPostgres is the Store of a server whose working copy does not write through: the
// sync tests never reach PostgreSQL.
type noPostgres struct{}

func (noPostgres) Begin(context.Context, uint64) (data.PrimaryTx, []data.Row, uint64, error) {
	return nil, nil, 0, errors.New("no PostgreSQL in this test")
}
func (noPostgres) Retryable(error) bool { return false }
func (noPostgres) Feed(context.Context, uint64, func(data.Row) error) (uint64, error) {
	return 0, errors.New("no PostgreSQL in this test")
}
func (noPostgres) Wait(ctx context.Context, _ uint64) error { <-ctx.Done(); return ctx.Err() }
func (noPostgres) Ping(context.Context) error               { return nil }

// upnTokens takes the bearer token for the caller's UPN.
type upnTokens struct{}

func (upnTokens) Verify(_ context.Context, bearer string) (Caller, error) {
	return Caller{ObjectID: "unknown-" + bearer, UPN: bearer}, nil
}

// heldDirectory is a directory whose users delta waits until the test releases it, and
// fails as long as failures says; it counts the rounds it was asked for.
type heldDirectory struct {
	release  chan struct{}
	rounds   atomic.Int32
	failures atomic.Int32
}

func (d *heldDirectory) UserDelta(ctx context.Context, _ string, _ func(directory.UserPage) error) (string, error) {
	d.rounds.Add(1)
	if d.failures.Add(-1) >= 0 {
		return "", errors.New("graph.example is unreachable")
	}
	select {
	case <-d.release:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	return "https://graph.example/v1.0/users/delta?$deltatoken=1", nil
}
func (d *heldDirectory) Teams(context.Context) ([]directory.Team, error) { return nil, nil }
func (d *heldDirectory) AdminGroup(context.Context, string) (directory.AdminGroup, error) {
	return directory.AdminGroup{}, nil
}

// syncServer is a team server over a small demo tenant whose directory is d, and the
// UPN of its Tenant Administrator.
func syncServer(t *testing.T, d app.DirectorySource, log *slog.Logger) (*httptest.Server, *Syncer, string) {
	t.Helper()
	cache := apptest.Demo(t, 16)
	ctx, cancel := context.WithCancel(context.Background())
	syncer := NewSyncer(ctx, cache, d, log)
	srv := New(Config{Store: noPostgres{}, Cache: cache, Verifier: upnTokens{}, Sync: syncer, Log: log})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	t.Cleanup(func() { cancel(); syncer.Wait() }) // first: a sync still held stops, and its callers get their answer
	return hs, syncer, cache.Actor()
}

func postSync(t *testing.T, base, upn string) (int, []byte) {
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/sync", nil)
	req.Header.Set("Authorization", "Bearer "+upn)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}

// waitFor polls until cond holds, for at most ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
	}
}

// TestTwoTriggersDuringTheScheduledSyncRunOneSync: the schedule's sync is running when
// two admins ask for one; they wait for it, nobody starts a second, and both get its
// answer.
func TestTwoTriggersDuringTheScheduledSyncRunOneSync(t *testing.T) {
	d := &heldDirectory{release: make(chan struct{})}
	hs, syncer, admin := syncServer(t, d, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go syncer.Every(ctx, time.Hour)
	waitFor(t, "the scheduled sync", func() bool { return d.rounds.Load() == 1 })

	var wg sync.WaitGroup
	answers := make([][]byte, 2)
	for i := range answers {
		wg.Go(func() {
			code, body := postSync(t, hs.URL, admin)
			if code != http.StatusOK {
				t.Errorf("trigger %d: %d %s", i, code, body)
			}
			answers[i] = body
		})
	}
	waitFor(t, "both triggers to join the scheduled sync", func() bool { return syncer.waiting() == 3 })
	close(d.release)
	wg.Wait()
	if n := d.rounds.Load(); n != 1 {
		t.Errorf("the directory was read %d times; want once", n)
	}
	var first, second SyncAnswer
	if json.Unmarshal(answers[0], &first) != nil || json.Unmarshal(answers[1], &second) != nil || first != second || !first.Result.Full {
		t.Errorf("the two admins got %s and %s; want the one sync's answer", answers[0], answers[1])
	}
}

// TestOnlyAnAdminWhoMayChangeSomethingTriggersASync: a read-only caller is refused and
// no sync starts; a server without the sync's credentials says so.
func TestOnlyAnAdminWhoMayChangeSomethingTriggersASync(t *testing.T) {
	d := &heldDirectory{release: make(chan struct{})}
	close(d.release)
	hs, _, _ := syncServer(t, d, slog.New(slog.DiscardHandler))
	code, body := postSync(t, hs.URL, "somebody@contoso.example")
	if code != http.StatusForbidden || !strings.Contains(string(body), "sync.read_only") {
		t.Errorf("a read-only caller got %d %s", code, body)
	}
	if n := d.rounds.Load(); n != 0 {
		t.Errorf("a refused trigger read the directory %d times", n)
	}

	off := httptest.NewServer(New(Config{Store: noPostgres{}, Cache: apptest.Demo(t, 16), Verifier: upnTokens{},
		Log: slog.New(slog.DiscardHandler)}).Handler())
	defer off.Close()
	if code, body := postSync(t, off.URL, "anyone@contoso.example"); code != http.StatusNotImplemented || !strings.Contains(string(body), "sync.off") {
		t.Errorf("a server without the sync's credentials answered %d %s", code, body)
	}
}

// TestAFailedScheduledSyncIsLoggedAndTriedAgain: the schedule keeps going after a
// failure, and each sync logs one structured line.
func TestAFailedScheduledSyncIsLoggedAndTriedAgain(t *testing.T) {
	d := &heldDirectory{release: make(chan struct{})}
	close(d.release)
	d.failures.Store(1)
	var mu sync.Mutex
	var logged bytes.Buffer
	log := slog.New(slog.NewJSONHandler(lockedWriter{&mu, &logged}, nil))
	_, syncer, _ := syncServer(t, d, log)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go syncer.Every(ctx, 20*time.Millisecond)
	read := func() string { mu.Lock(); defer mu.Unlock(); return logged.String() }
	waitFor(t, "a sync after the failed one", func() bool { return strings.Contains(read(), `"msg":"directory sync","by":"schedule"`) })
	lines := read()
	failed := strings.Index(lines, `"msg":"directory sync failed","by":"schedule","err":"`)
	if failed < 0 || failed > strings.Index(lines, `"msg":"directory sync","by":"schedule"`) {
		t.Errorf("want the failure logged, then the next tick's sync:\n%s", lines)
	}
	if !strings.Contains(lines, `"full":true`) || !strings.Contains(lines, `"removed":`) {
		t.Errorf("the sync's line lacks its summary:\n%s", lines)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestSyncOptionsSayWhatIsMissing: a sync app without its credential, or a negative
// interval, stops the server at once; no credential at all leaves the sync off.
func TestSyncOptionsSayWhatIsMissing(t *testing.T) {
	base := Options{TenantID: "t", ClientID: "c", BehindProxy: true, Authority: "https://login.microsoftonline.com", Log: slog.New(slog.DiscardHandler)}
	noCredential := base
	noCredential.SyncClientID = "sync-app"
	negative := base
	negative.SyncEvery = -time.Minute
	for name, o := range map[string]Options{"no credential": noCredential, "negative interval": negative} {
		if err := o.check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := base.check(); err != nil {
		t.Errorf("a server without a sync: %v", err)
	}
	if s, err := base.syncer(context.Background(), nil); s != nil || err != nil {
		t.Errorf("no credential: %v, %v; want the sync off", s, err)
	}
	withSecret := base
	withSecret.SyncSecret = "from-the-environment"
	if s, err := withSecret.syncer(context.Background(), nil); s == nil || err != nil {
		t.Errorf("a secret from the environment: %v, %v; want the sync on", s, err)
	}
}

// TestNoSyncStartsOnceTheServerStops: the working copy closes after Wait, so nothing may
// start a sync on it then, neither the schedule nor an admin.
func TestNoSyncStartsOnceTheServerStops(t *testing.T) {
	d := &heldDirectory{release: make(chan struct{})}
	close(d.release)
	_, syncer, _ := syncServer(t, d, slog.New(slog.DiscardHandler))
	syncer.Wait()
	if _, err := syncer.Sync(context.Background(), "schedule"); err == nil || d.rounds.Load() != 0 {
		t.Errorf("a sync after the server stopped: %v, %d rounds; want it refused", err, d.rounds.Load())
	}
}

// TestTheServerSyncsAsItsOwnApp wires the options as 'nimbusadmin serve' does to a
// simulated tenant over HTTPS: the sync signs in as the server's app with the secret
// from the environment and reads the whole directory.
func TestTheServerSyncsAsItsOwnApp(t *testing.T) {
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{})
	authority.RegisterApp("nimbus-server", "env-secret")
	tenant, err := simtenant.Start(simtenant.Options{Users: 20, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer tenant.Close()
	o := Options{TenantID: authority.TenantID(), ClientID: "nimbus-server", Authority: tenant.URL, GraphURL: tenant.GraphURL(),
		SyncSecret: "env-secret", HTTPClient: tenant.Client(), Log: slog.New(slog.DiscardHandler)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	syncer, err := o.syncer(ctx, apptest.Demo(t, 16))
	if err != nil {
		t.Fatal(err)
	}
	defer syncer.Wait()
	ans, err := syncer.Sync(ctx, "schedule")
	if err != nil || ans.Result.Users != 20 || authority.AppGrants() != 1 {
		t.Errorf("the server's sync: %+v, %v, %d app-only tokens; want the 20 users read with one", ans.Result, err, authority.AppGrants())
	}
}
