package online

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// The demo's simulated tenant serves its tenant administration security group with the
// demo's Tenant Administrators in it: a demo sync keeps them, reads the group, and the
// demo still signs in as its first Tenant Administrator.
func TestDemoSyncKeepsTheDemosTenantAdministrators(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := demo.Generate(ctx, store, demo.Options{Users: 60}); err != nil {
		t.Fatal(err)
	}
	before, err := store.Read(ctx).RoleHolderUPNs(data.RoleTenantAdmin, 1000)
	if err != nil || len(before) == 0 {
		t.Fatalf("the demo's Tenant Administrators: %v, %v", before, err)
	}
	admin, err := app.DemoAdmin(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(store, admin)
	for range 2 { // the second sync serves the group as the first one read it
		if _, err := (&Tenant{App: a}).Sync(ctx, app.SyncOptions{}, nil); err != nil {
			t.Fatal(err)
		}
		after, err := store.Read(ctx).RoleHolderUPNs(data.RoleTenantAdmin, 1000)
		if err != nil || !slices.Equal(after, before) {
			t.Fatalf("Tenant Administrators after a demo sync: %v, before %v (%v)", after, before, err)
		}
	}
	if now, err := app.DemoAdmin(ctx, store); err != nil || now != admin {
		t.Errorf("the demo signs in as %q (%v), before the sync as %q", now, err, admin)
	}
	if g, err := store.Read(ctx).AdminGroup(); err != nil || !g.Found || g.Name != "Nimbus Tenant Admins" {
		t.Errorf("the demo sync read the group as %+v (%v)", g, err)
	}
	r, err := a.Rights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Level != app.TenantAdministrator || r.FirstUse || r.Headline() != "Signed in as "+admin+" — Tenant Administrator" {
		t.Errorf("the demo admin after a sync: %s (first use %v): %q", r.Describe(), r.FirstUse, r.Headline())
	}
}
