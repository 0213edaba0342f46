package online

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// A sync that cannot reach Graph says so in words (which host, why, what to do, and that
// the cache is as it was), never in the transport's text, and shows the tenant offline.
func TestASyncThatCannotReachGraphSaysSoInWordsAndGoesOffline(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "tenant.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := store.Tx(ctx, func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: "t-offline", TenantName: "Fabrikam"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true, UserName: "Offline Admin"})
	s, err := simtenant.Start(simtenant.Options{People: []data.DirectoryUser{setupPerson(1, "Ada Lovelace", "ada@fabrikam.example")},
		Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	endpoints := auth.Endpoints{Cloud: "custom", AuthorityHost: s.URL, GraphURL: s.GraphURL()}
	session, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: authority.TenantID(),
		ClientID: "nimbusadmin-offline-test", NoKeyring: true, HTTPClient: s.Client(), Prompt: func(auth.DeviceCode) {}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := session.SignIn(ctx); err != nil {
		t.Fatal(err)
	}
	tenant := &Tenant{App: app.New(store, "offline admin"), Session: session, Endpoints: endpoints, Client: s.Client()}
	s.Close()
	before := testkit.Digest(t, store)

	_, err = tenant.Sync(ctx, app.SyncOptions{}, nil)
	if err == nil || !tenant.Offline() {
		t.Fatalf("a sync with Graph gone: %v, offline %v", err, tenant.Offline())
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "cannot reach 127.0.0.1:") || !strings.Contains(msg, "(the connection was refused): check the network connection") ||
		!strings.HasSuffix(msg, "the cache is as it was before this sync (it was never synced completely)") {
		t.Fatalf("a sync with Graph gone says %q", msg)
	}
	for _, raw := range []string{"dial", "tcp", "Get \"", "attempts"} {
		if strings.Contains(msg, raw) {
			t.Errorf("the message carries the transport's %q: %q", raw, msg)
		}
	}
	if testkit.Digest(t, store) != before {
		t.Fatal("a sync that reached nothing changed the cache")
	}
}
