package simtenant

import (
	"context"
	"net/http"
	"testing"
	"time"

	"nimbusadmin/auth"
)

// TestSignedInTokenOpensGraphAndOthersDoNot wires the authority into the simulated
// tenant as the demo and the CLI tests do: the real MSAL client signs in with an
// auto-approved device code and its token opens Graph; a token the authority never
// issued, or one that expired, gets Graph's 401.
func TestSignedInTokenOpensGraphAndOthersDoNot(t *testing.T) {
	a := NewAuthority(AuthorityOptions{AutoApprove: true})
	s, err := Start(Options{Users: 10, Auth: a, CheckToken: a.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	endpoints, err := auth.ResolveEndpoints("global", s.URL, s.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	session, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: a.TenantID(), ClientID: "demo",
		NoKeyring: true, HTTPClient: s.Client(), Prompt: func(auth.DeviceCode) {}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	token, err := session.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	get := func(bearer string) int {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.GraphURL()+"/users/delta", nil)
		req.Header.Set("Authorization", "Bearer "+bearer)
		resp, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(token); code != http.StatusOK {
		t.Errorf("the signed-in token got %d from Graph", code)
	}
	if code := get("forged-" + token); code != http.StatusUnauthorized {
		t.Errorf("a forged token got %d from Graph", code)
	}

	if err := NewAuthority(AuthorityOptions{}).CheckToken(token); err == nil {
		t.Error("an authority accepted a token another one issued")
	}
}

func TestExpiredAccessTokenIsRefused(t *testing.T) {
	a := NewAuthority(AuthorityOptions{AutoApprove: true, AccessTokenLifetime: 50 * time.Millisecond})
	s, err := Start(Options{Users: 1, Auth: a, CheckToken: a.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	endpoints, _ := auth.ResolveEndpoints("global", s.URL, s.GraphURL())
	session, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: a.TenantID(), ClientID: "demo",
		NoKeyring: true, HTTPClient: s.Client(), Prompt: func(auth.DeviceCode) {}})
	if err != nil {
		t.Fatal(err)
	}
	token, err := session.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if err := a.CheckToken(token); err == nil {
		t.Error("an expired access token was accepted")
	}
}
