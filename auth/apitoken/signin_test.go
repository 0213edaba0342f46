package apitoken_test

import (
	"context"
	"testing"
	"time"

	"nimbusadmin/auth"
	"nimbusadmin/data/simtenant"
)

// TestADeviceCodeSignInForTheAPIIsAccepted: the real MSAL client signs in for the scope
// api://APPID/Nimbus.Admin, approved in the browser by a second admin of the tenant; the
// server accepts the token as that admin.
func TestADeviceCodeSignInForTheAPIIsAccepted(t *testing.T) {
	s := startServer(t)
	a := s.entra.Authority
	ben := simtenant.Account{ID: "22222222-3333-4444-8555-666666666666", UPN: "ben@contoso.example", Name: "Ben"}
	endpoints, err := auth.ResolveEndpoints("global", s.entra.URL(), s.entra.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	session, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: a.TenantID(), ClientID: "desktop-client",
		Scopes: []string{"api://" + apiAppID + "/Nimbus.Admin"}, NoKeyring: true, ConfigDir: t.TempDir(),
		HTTPClient: s.entra.Client(), Prompt: func(dc auth.DeviceCode) {
			if err := a.ApproveAs(dc.UserCode, ben); err != nil {
				t.Error(err)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	token, err := session.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	caller, err := s.v.Check(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if caller.ObjectID != ben.ID || caller.UPN != ben.UPN || caller.Name != ben.Name ||
		len(caller.Scopes) != 1 || caller.Scopes[0] != "Nimbus.Admin" {
		t.Errorf("the server sees %+v, want Ben with the scope Nimbus.Admin", caller)
	}
	if until := time.Until(caller.Expires); until < 50*time.Minute || until > 61*time.Minute {
		t.Errorf("the token expires in %v, want the authority's access-token lifetime (an hour)", until)
	}
	if acc, _, _ := session.Account(ctx); acc.Username != ben.UPN {
		t.Errorf("MSAL signed in %q, want Ben", acc.Username)
	}
}
