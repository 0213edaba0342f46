package simtenant

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAppSignsInAsItselfAndOpensGraph runs the client credentials grant as a daemon
// does: a registered app with its secret gets an app-only token Graph accepts; a wrong
// secret gets Entra's invalid_client (AADSTS7000215), an unknown app and a scope that is
// not a resource's /.default are refused, and none of those gets a token.
func TestAppSignsInAsItselfAndOpensGraph(t *testing.T) {
	a := NewAuthority(AuthorityOptions{})
	a.RegisterApp("sync-app", "s3cret-value")
	s, err := Start(Options{Users: 3, Auth: a, CheckToken: a.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	grant := func(client, secret, scope string) (int, map[string]any) {
		t.Helper()
		form := url.Values{"grant_type": {"client_credentials"}, "client_id": {client}, "client_secret": {secret}, "scope": {scope}}
		resp, err := s.Client().PostForm(s.URL+"/"+a.TenantID()+"/oauth2/v2.0/token", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, body
	}
	const graphDefault = "https://graph.microsoft.com/.default"

	code, body := grant("sync-app", "s3cret-value", graphDefault)
	token, _ := body["access_token"].(string)
	if code != http.StatusOK || token == "" || body["refresh_token"] != nil {
		t.Fatalf("the app's own secret got %d %v; want a token and no refresh token", code, body)
	}
	if err := a.CheckToken(token); err != nil {
		t.Errorf("Graph refused the app-only token: %v", err)
	}
	req, _ := http.NewRequest(http.MethodGet, s.GraphURL()+"/users/delta", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("Graph answered the app-only token %d", resp.StatusCode)
	}

	refused := []struct {
		name, client, secret, scope string
		status                      int
		error, code                 string
	}{
		{"wrong secret", "sync-app", "guess", graphDefault, http.StatusUnauthorized, "invalid_client", "AADSTS7000215"},
		{"unknown app", "other-app", "s3cret-value", graphDefault, http.StatusBadRequest, "unauthorized_client", "AADSTS700016"},
		{"delegated scope", "sync-app", "s3cret-value", "https://graph.microsoft.com/User.Read.All", http.StatusBadRequest, "invalid_scope", "AADSTS1002012"},
	}
	for _, c := range refused {
		code, body := grant(c.client, c.secret, c.scope)
		desc, _ := body["error_description"].(string)
		if code != c.status || body["error"] != c.error || !strings.HasPrefix(desc, c.code) || body["access_token"] != nil {
			t.Errorf("%s: got %d %v; want %d %s %s", c.name, code, body, c.status, c.error, c.code)
		}
	}
	if n := a.AppGrants(); n != 1 {
		t.Errorf("%d app-only tokens were issued; want 1", n)
	}
}
