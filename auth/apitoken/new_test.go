package apitoken_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"nimbusadmin/auth/apitoken"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// TestAServerThatCannotCheckTokensSaysSoAtItsStart: a missing setting, an authority that
// is unreachable, does not know the tenant, or answers a configuration without a usable
// issuer or keys stops New with one line saying what.
func TestAServerThatCannotCheckTokensSaysSoAtItsStart(t *testing.T) {
	e := testkit.StartEntra(t, simtenant.AuthorityOptions{})
	good := apitoken.Config{Authority: e.URL(), TenantID: e.Authority.TenantID(), ClientID: apiAppID,
		Scope: "Nimbus.Admin", HTTPClient: e.Client()}
	odd := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.Contains(r.URL.Path, "/no-issuer/"):
			w.Write([]byte(`{"jwks_uri":"https://example.invalid/keys"}`))
		case strings.Contains(r.URL.Path, "/templated/"):
			w.Write([]byte(`{"issuer":"https://login.microsoftonline.com/{tenantid}/v2.0","jwks_uri":"https://x/keys"}`))
		case strings.HasSuffix(r.URL.Path, "/keys"):
			w.Write([]byte(`{"keys":[{"kty":"RSA","kid":"weak","n":"AQAB","e":"AQAB"}]}`))
		case strings.Contains(r.URL.Path, "/weak-keys/"):
			w.Write([]byte(`{"issuer":"https://` + r.Host + `/weak-keys/v2.0","jwks_uri":"https://` + r.Host + `/keys"}`))
		default:
			w.Write([]byte(`<html>not json</html>`))
		}
	}))
	defer odd.Close()
	with := func(change func(*apitoken.Config)) apitoken.Config {
		c := good
		change(&c)
		return c
	}
	cases := []struct {
		what string
		cfg  apitoken.Config
		want string
	}{
		{"no authority", with(func(c *apitoken.Config) { c.Authority = "" }), "no sign-in authority"},
		{"a multi-tenant authority", with(func(c *apitoken.Config) { c.TenantID = "organizations" }), "tenant's id"},
		{"no client id", with(func(c *apitoken.Config) { c.ClientID = " " }), "client id"},
		{"no scope", with(func(c *apitoken.Config) { c.Scope = "" }), "scope"},
		{"an unknown tenant", with(func(c *apitoken.Config) { c.TenantID = "another.example" }), "400 Bad Request"},
		{"an unreachable authority", with(func(c *apitoken.Config) { c.Authority = "https://127.0.0.1:1" }), "cannot reach"},
		{"not JSON", with(func(c *apitoken.Config) { c.Authority, c.HTTPClient = odd.URL, odd.Client() }), "did not answer a JSON document"},
		{"no issuer", with(func(c *apitoken.Config) { c.Authority, c.HTTPClient, c.TenantID = odd.URL, odd.Client(), "no-issuer" }), "not an https URL"},
		{"a templated issuer", with(func(c *apitoken.Config) { c.Authority, c.HTTPClient, c.TenantID = odd.URL, odd.Client(), "templated" }), "names no tenant"},
		{"only weak keys", with(func(c *apitoken.Config) { c.Authority, c.HTTPClient, c.TenantID = odd.URL, odd.Client(), "weak-keys" }), "publishes no RSA signing key"},
	}
	for _, c := range cases {
		_, err := apitoken.New(context.Background(), c.cfg)
		switch {
		case err == nil:
			t.Errorf("%s: New succeeded", c.what)
		case !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: %q, want one line saying %q", c.what, err, c.want)
		}
	}
	if _, err := apitoken.New(context.Background(), good); err != nil {
		t.Errorf("the simulated tenant: %v", err)
	}
}
