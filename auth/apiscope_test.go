package auth

import (
	"context"
	"errors"
	"testing"

	"nimbusadmin/auth/apitoken"
	"nimbusadmin/data/simtenant"
)

// TestOneSignInServesTheTeamServersAPI: the admin signs in once (for Graph); the token for
// the team server's API comes silently from the refresh token, is one the server accepts
// as that admin, and is then served from the cache, in this process and the next.
func TestOneSignInServesTheTeamServersAPI(t *testing.T) {
	const appID = "5b7c9e1a-3d2f-4a6b-8c0d-1e2f3a4b5c6d"
	scope := "api://" + appID + "/Nimbus.Admin"
	tn := startTenant(t, simtenant.AuthorityOptions{})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	s := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
	ctx := context.Background()
	if _, err := s.TokenFor(ctx, scope); !errors.Is(err, ErrSignInRequired) {
		t.Errorf("before any sign-in: %v, want ErrSignInRequired", err)
	}
	if shown != 0 {
		t.Fatal("asking for the API's token started a device-code sign-in")
	}
	graph := mustToken(t, s)
	refreshes := tn.Authority.Stats().RefreshGrant

	token, err := s.TokenFor(ctx, scope)
	if err != nil {
		t.Fatal(err)
	}
	if st := tn.Authority.Stats(); st.DeviceCodes != 1 || st.RefreshGrant != refreshes+1 {
		t.Errorf("stats %+v: want the API's token from one refresh grant and no new device code", st)
	}
	v, err := apitoken.New(ctx, apitoken.Config{Authority: tn.URL(), TenantID: tn.Authority.TenantID(),
		ClientID: appID, Scope: "Nimbus.Admin", HTTPClient: tn.Client()})
	if err != nil {
		t.Fatal(err)
	}
	caller, err := v.Check(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if caller.UPN != tn.Authority.UserPrincipalName() || caller.TenantID != tn.Authority.TenantID() {
		t.Errorf("the server sees %+v, want the signed-in admin", caller)
	}
	if err := tn.Authority.CheckToken(token); err == nil {
		t.Error("Graph accepted the token for the team server's API")
	}

	next := newSession(t, tn.config(dir, keys, noPrompt(t)))
	again, err := next.TokenFor(ctx, scope)
	if err != nil || again != token {
		t.Errorf("a new process got %v (same token: %v), want the cached token", err, again == token)
	}
	if mustToken(t, next) != graph {
		t.Error("the Graph token was not kept beside the API's")
	}
	if st := tn.Authority.Stats(); st.RefreshGrant != refreshes+1 {
		t.Errorf("refresh grants %d, want %d: cached tokens are served from the cache", st.RefreshGrant, refreshes+1)
	}
}
