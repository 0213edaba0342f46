package app

import (
	"context"
	"testing"

	"nimbusadmin/auth"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

func TestSignInCachePathFollowsTheSignedInTenant(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	entra := testkit.StartEntra(t, simtenant.AuthorityOptions{AutoApprove: true})
	a := entra.Authority
	endpoints, err := auth.ResolveEndpoints("global", entra.URL(), entra.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	s, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: a.TenantID(), ClientID: "app-test",
		NoKeyring: true, HTTPClient: entra.Client(), Prompt: func(auth.DeviceCode) {}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, ok, err := SignInCachePath(ctx, s); ok || err != nil {
		t.Fatalf("nobody signed in, yet a cache was found (%v)", err)
	}
	if _, err := s.SignIn(ctx); err != nil {
		t.Fatal(err)
	}
	path, ok, err := SignInCachePath(ctx, s)
	if ok || err != nil || path == "" {
		t.Fatalf("signed in but never synced: %q %v %v", path, ok, err)
	}
	want, _ := SyncCachePath(a.TenantID())
	if path != want {
		t.Errorf("cache %q, want the tenant's %q", path, want)
	}
	a2, err := OpenSyncCache(ctx, path, a.TenantID(), "Contoso", "admin")
	if err != nil {
		t.Fatal(err)
	}
	a2.Store().Close()
	if got, ok, err := SignInCachePath(ctx, s); !ok || err != nil || got != want {
		t.Errorf("after the first sync: %q %v %v", got, ok, err)
	}
}
