package main

import (
	"strings"
	"testing"

	"nimbusadmin/app/apptest"
	"nimbusadmin/app/online"
	"nimbusadmin/auth"
)

// Signing in from the demo when the tenant's cache cannot be opened keeps the demo and
// says why, instead of leaving the admin with nothing happening.
func TestSigningInFromTheDemoSaysWhyTheDemoStays(t *testing.T) {
	endpoints, err := auth.ResolveEndpoints("global", "", "")
	if err != nil {
		t.Fatal(err)
	}
	cfg := auth.Config{Endpoints: endpoints, ClientID: "window-test", ConfigDir: t.TempDir(), NoKeyring: true}
	session, err := auth.NewSession(cfg) // nobody signed in to it: the tenant's cache cannot be found
	if err != nil {
		t.Fatal(err)
	}
	o := &windowOnline{tenant: &online.Tenant{App: apptest.Demo(t, 20)}, signIn: cfg}
	err = o.signedIn(session, auth.Account{Username: "admin@fabrikam.example"})
	if err == nil || !strings.Contains(err.Error(), "so the demo stays") || !strings.HasPrefix(err.Error(), "signed in as admin@fabrikam.example") {
		t.Fatalf("signing in from the demo without a tenant cache: %v", err)
	}
	if o.Status().SignedInAs != "" {
		t.Error("the demo window says it is signed in to a tenant it does not show")
	}
}
