package simtenant

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// tokenClient speaks the device-code and refresh grants to an authority, as MSAL does.
type tokenClient struct {
	t   *testing.T
	srv *httptest.Server
	a   *Authority
}

func (c tokenClient) post(path string, form url.Values) map[string]any {
	c.t.Helper()
	resp, err := c.srv.Client().PostForm(c.srv.URL+"/"+c.a.TenantID()+path, form)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		c.t.Fatal(err)
	}
	return body
}

// signIn runs a device-code sign-in for scope approved as who.
func (c tokenClient) signIn(scope string, who Account) map[string]any {
	c.t.Helper()
	dc := c.post("/oauth2/v2.0/devicecode", url.Values{"client_id": {"desktop"}, "scope": {scope + " openid offline_access profile"}})
	if err := c.a.ApproveAs(dc["user_code"].(string), who); err != nil {
		c.t.Fatal(err)
	}
	return c.post("/oauth2/v2.0/token", url.Values{"grant_type": {"device_code"}, "client_id": {"desktop"},
		"device_code": {dc["device_code"].(string)}})
}

// jwtPart decodes part i (0 header, 1 claims) of a JWT.
func jwtPart(t *testing.T, token string, i int) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[2] == "" {
		t.Fatalf("not a signed JWT: %d parts", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[i])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTokensForAnAPIAreSignedForTheAccountThatApproved: an approval as another admin
// gives that admin's tokens, a refresh token stays that admin's, an API scope gets an
// RS256 JWT with Entra's v2 claims, and a Graph scope keeps its opaque token.
func TestTokensForAnAPIAreSignedForTheAccountThatApproved(t *testing.T) {
	a := NewAuthority(AuthorityOptions{})
	srv := httptest.NewTLSServer(a)
	defer srv.Close()
	c := tokenClient{t, srv, a}
	ben := Account{ID: "ben-oid", UPN: "ben@contoso.example", Name: "Ben"}

	graph := c.signIn("https://graph.microsoft.com/User.Read.All", ben)
	if err := a.CheckToken(graph["access_token"].(string)); err != nil {
		t.Errorf("the Graph token is not the opaque one Graph checks: %v", err)
	}
	api := c.post("/oauth2/v2.0/token", url.Values{"grant_type": {"refresh_token"}, "client_id": {"desktop"},
		"refresh_token": {graph["refresh_token"].(string)}, "scope": {"api://app-1/Nimbus.Admin openid offline_access"}})
	at, _ := api["access_token"].(string)
	if at == "" {
		t.Fatalf("no access token for the API from the refresh token: %v", api)
	}
	header, claims := jwtPart(t, at, 0), jwtPart(t, at, 1)
	if header["alg"] != "RS256" || header["typ"] != "JWT" || header["kid"] != a.KeyID() {
		t.Errorf("header %v, want RS256 under the current kid", header)
	}
	for k, want := range map[string]any{"aud": "app-1", "oid": "ben-oid", "preferred_username": "ben@contoso.example",
		"name": "Ben", "scp": "Nimbus.Admin", "tid": a.TenantID(), "azp": "desktop", "ver": "2.0",
		"iss": srv.URL + "/" + a.TenantID() + "/v2.0"} {
		if claims[k] != want {
			t.Errorf("claim %s = %v, want %v", k, claims[k], want)
		}
	}
	if exp, iat := claims["exp"].(float64), claims["iat"].(float64); exp-iat != 3600 {
		t.Errorf("the token lives %v s, want the access-token lifetime", exp-iat)
	}
	if err := a.CheckToken(at); err == nil {
		t.Error("Graph accepts the API's token")
	}

	short := c.signIn("app-1/Nimbus.Admin", Account{ID: "eve-oid", UPN: "eve@contoso.example", Name: "Eve"})
	if claims := jwtPart(t, short["access_token"].(string), 1); claims["oid"] != "eve-oid" || claims["aud"] != "app-1" {
		t.Errorf("APPID/NAME scopes: claims %v, want Eve's token for app-1", claims)
	}
	mixed := c.signIn("api://app-1/Nimbus.Admin https://graph.microsoft.com/User.Read.All", ben)
	if mixed["error"] != "invalid_request" {
		t.Errorf("a request for two resources got %v, want invalid_request as Entra ID answers", mixed)
	}
}

// TestTheKeySetPublishesOnlyTheCurrentKey: the JWKS has the signing key with the members
// a validator reads, and after a rollover only the new one.
func TestTheKeySetPublishesOnlyTheCurrentKey(t *testing.T) {
	a := NewAuthority(AuthorityOptions{})
	srv := httptest.NewTLSServer(a)
	defer srv.Close()
	keys := func() []map[string]any {
		resp, err := srv.Client().Get(srv.URL + "/" + a.TenantID() + "/discovery/v2.0/keys")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var set struct{ Keys []map[string]any }
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&set) != nil {
			t.Fatalf("the JWKS answered %s", resp.Status)
		}
		return set.Keys
	}
	first := keys()
	if len(first) != 1 || first[0]["kty"] != "RSA" || first[0]["use"] != "sig" || first[0]["alg"] != "RS256" ||
		first[0]["kid"] != a.KeyID() || first[0]["e"] != "AQAB" || len(first[0]["n"].(string)) != 342 {
		t.Fatalf("JWKS %v, want the current 2048-bit RSA key", first)
	}
	a.RotateKey()
	second := keys()
	if len(second) != 1 || second[0]["kid"] == first[0]["kid"] || second[0]["kid"] != a.KeyID() {
		t.Errorf("after a rollover the JWKS has %v, want only the new key", second)
	}
	if n := a.Stats().KeySetRequests; n != 2 {
		t.Errorf("key set requests counted %d, want 2", n)
	}
}
