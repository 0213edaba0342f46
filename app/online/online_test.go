package online

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// The window syncs the demo with no prompt at all: the simulated tenant approves its own
// device code, and the sync runs the real MSAL and Graph clients over loopback HTTPS.
func TestDemoTenantSyncsWithoutAPrompt(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := demo.Generate(ctx, store, demo.Options{Users: 60}); err != nil {
		t.Fatal(err)
	}
	tenant := &Tenant{App: app.New(store, "test admin")}
	if !tenant.Demo() {
		t.Fatal("a tenant without a session is not the demo")
	}
	pages := 0
	res, err := tenant.Sync(ctx, app.SyncOptions{Progress: func(p app.SyncProgress) { pages = p.Pages }}, nil)
	if err != nil {
		t.Fatal(err)
	}
	people, _ := store.Read(ctx).CountRows("directory_users")
	if !res.Full || res.Users != people || pages == 0 || res.Joined != 0 || res.Left != 0 {
		t.Errorf("demo sync: %+v, %d progress pages, %d people", res, pages, people)
	}
	if at, err := tenant.App.LastSync(ctx); err != nil || at.IsZero() {
		t.Errorf("last sync not recorded: %v %v", at, err)
	}
	if tenant.Offline() {
		t.Error("a successful sync marked the tenant offline")
	}
}

// A tenant whose Graph host does not answer is offline; once it answers, it is not.
func TestProbeTellsOfflineFromOnline(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	tenant := &Tenant{Session: &auth.Session{}, Endpoints: auth.Endpoints{GraphURL: srv.URL + "/v1.0"}, Client: srv.Client()}
	if err := tenant.Probe(context.Background()); err != nil || tenant.Offline() {
		t.Fatalf("answering host: %v, offline %v", err, tenant.Offline())
	}
	srv.Close()
	if err := tenant.Probe(context.Background()); err == nil || !tenant.Offline() {
		t.Fatalf("closed host: %v, offline %v", err, tenant.Offline())
	}
}
