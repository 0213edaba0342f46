package online

import (
	"context"
	"path/filepath"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
)

// A person who joined the directory after the last sync is found live in Graph, can be
// added to Nimbus at once, and the next sync keeps them; an unreachable Graph marks the
// tenant offline.
func TestSearchFindsWhoJoinedSinceTheSyncAndAddsThem(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "tenant.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var root int64
	if err := store.Tx(ctx, func(q *data.Q) error {
		root, err = q.InitTenant(data.TenantSettings{TenantID: "t-search", TenantName: "Fabrikam"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true, UserName: "Search Admin"})
	s, err := simtenant.Start(simtenant.Options{People: []data.DirectoryUser{
		setupPerson(1, "Ada Lovelace", "ada@fabrikam.example"), setupPerson(2, "Alan Turing", "alan@fabrikam.example"),
	}, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	endpoints := auth.Endpoints{Cloud: "custom", AuthorityHost: s.URL, GraphURL: s.GraphURL()}
	session, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: authority.TenantID(),
		ClientID: "nimbusadmin-search-test", NoKeyring: true, HTTPClient: s.Client(), Prompt: func(auth.DeviceCode) {}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := session.SignIn(ctx); err != nil {
		t.Fatal(err)
	}
	tenant := &Tenant{App: app.New(store, "search admin"), Session: session, Endpoints: endpoints, Client: s.Client()}
	client, err := graph.New(s.GraphURL(), session, s.Client())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tenant.App.Sync(ctx, client, app.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	grace := setupPerson(3, "Grace Hopper", "grace@fabrikam.example")
	s.AddUser(grace)

	cached, err := tenant.App.SearchDirectory(ctx, app.DirectoryQuery{Search: "grace"})
	if err != nil || len(cached) != 0 {
		t.Fatalf("the cache already knows Grace before a sync: %v %v", cached, err)
	}
	found, err := tenant.SearchDirectory(ctx, "grace")
	if err != nil || len(found) != 1 || found[0].ID != grace.ID || found[0].UPN != grace.UPN {
		t.Fatalf("the live search finds %+v, %v", found, err)
	}
	if found, err := tenant.SearchDirectory(ctx, "@fabrikam.example"); err != nil || len(found) != 3 {
		t.Fatalf("the @domain search finds %d, %v", len(found), err)
	}
	if err := tenant.App.AddUserFromDirectory(ctx, found[0], root, data.ContactCenter); err != nil {
		t.Fatal(err)
	}
	if _, err := tenant.App.Sync(ctx, client, app.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	after, err := tenant.App.SearchDirectory(ctx, app.DirectoryQuery{Search: grace.ID})
	if err != nil || len(after) != 1 || !after[0].IsNimbusUser {
		t.Fatalf("after the next sync Grace is %+v, %v", after, err)
	}
	if tenant.Offline() {
		t.Fatal("a search that answered marked the tenant offline")
	}

	s.Close()
	if _, err := tenant.SearchDirectory(ctx, "grace"); err == nil || !tenant.Offline() {
		t.Fatalf("an unreachable Graph gives %v, offline %v", err, tenant.Offline())
	}
}

func TestTheDemoSearchesOnlyItsCache(t *testing.T) {
	tenant := &Tenant{}
	if found, err := tenant.SearchDirectory(context.Background(), "ada"); found != nil || err != nil {
		t.Fatalf("the demo's live search gives %v, %v", found, err)
	}
}
