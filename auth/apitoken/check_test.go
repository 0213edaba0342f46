package apitoken_test

import (
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"nimbusadmin/auth/apitoken"
	"nimbusadmin/data/simtenant"
)

func TestAGoodTokenTellsWhoIsCalling(t *testing.T) {
	s := startServer(t)
	for _, aud := range []string{apiAppID, "api://" + apiAppID} {
		c := s.with(map[string]any{"aud": aud, "scp": "Nimbus.Read Nimbus.Admin"})
		caller, err := s.check(t, s.entra.Authority.SignAccessToken(c))
		if err != nil {
			t.Fatalf("aud %s: %v", aud, err)
		}
		want := apitoken.Caller{ObjectID: "11111111-2222-4333-8444-555555555555", UPN: "dana@contoso.example",
			Name: "Dana Tenant-Admin", TenantID: s.entra.Authority.TenantID(),
			Scopes: []string{"Nimbus.Read", "Nimbus.Admin"}, Expires: time.Unix(c["exp"].(int64), 0).UTC()}
		if !equalCallers(caller, want) {
			t.Errorf("aud %s: caller %+v, want %+v", aud, caller, want)
		}
	}
}

func equalCallers(a, b apitoken.Caller) bool {
	return a.ObjectID == b.ObjectID && a.UPN == b.UPN && a.Name == b.Name && a.TenantID == b.TenantID &&
		strings.Join(a.Scopes, " ") == strings.Join(b.Scopes, " ") && a.Expires.Equal(b.Expires)
}

// TestClaimsOutsideTheServersTenantAPIScopeOrTimeAreRefused: a token the tenant signed
// is still refused when it is for another API, from another tenant or issuer, outside its
// lifetime (beyond the two minutes' leeway), without the server's scope or without a user.
func TestClaimsOutsideTheServersTenantAPIScopeOrTimeAreRefused(t *testing.T) {
	s := startServer(t)
	now := s.clock.Now()
	other := "9e8d7c6b-5a49-4837-a261-504f3e2d1c0b"
	cases := []struct {
		what    string
		changes map[string]any
		want    string
	}{
		{"a token for Graph", map[string]any{"aud": "00000003-0000-0000-c000-000000000000"}, "not for this server's API"},
		{"a token for another API", map[string]any{"aud": "api://" + other}, "not for this server's API"},
		{"no audience", map[string]any{"aud": nil}, "not for this server's API"},
		{"a token of another tenant", map[string]any{"tid": other, "iss": "https://login.microsoftonline.com/" + other + "/v2.0"}, "from tenant"},
		{"another issuer", map[string]any{"iss": "https://sts.windows.net/" + s.entra.Authority.TenantID() + "/"}, "issued by"},
		{"expired beyond the leeway", map[string]any{"exp": now.Add(-apitoken.Leeway - time.Second).Unix()}, "expired at"},
		{"no expiry", map[string]any{"exp": nil}, "no expiry"},
		{"not valid yet", map[string]any{"nbf": now.Add(apitoken.Leeway + time.Minute).Unix()}, "not valid before"},
		{"another scope", map[string]any{"scp": "Nimbus.Read"}, "does not grant the scope Nimbus.Admin"},
		{"a scope that only contains the name", map[string]any{"scp": "Nimbus.Administrator"}, "does not grant the scope"},
		{"an app-only token", map[string]any{"scp": nil, "roles": []string{"Nimbus.Admin"}}, "no delegated scope"},
		{"no user", map[string]any{"oid": nil}, "names no user"},
		{"an expiry that is not a number", map[string]any{"exp": "tomorrow"}, "claims are not"},
		{"a fractional expiry", map[string]any{"exp": float64(now.Unix()) + 0.5}, "claims are not"},
	}
	for _, c := range cases {
		token := s.entra.Authority.SignAccessToken(s.with(c.changes))
		_, err := s.check(t, token)
		refusedBecause(t, c.what, token, err, c.want)
	}
	within := s.with(map[string]any{"exp": now.Add(-time.Minute).Unix(), "nbf": now.Add(time.Minute).Unix()})
	if _, err := s.check(t, s.entra.Authority.SignAccessToken(within)); err != nil {
		t.Errorf("a token a minute off the server's clock was refused: %v", err)
	}
}

// TestTokensTheTenantDidNotSignAreRefused: unsigned, HS256 with the public key as the
// secret, tampered, signed with an unknown key or another key under a known kid.
func TestTokensTheTenantDidNotSignAreRefused(t *testing.T) {
	s := startServer(t)
	a := s.entra.Authority
	good := a.SignAccessToken(s.claims())
	parts := strings.Split(good, ".")
	kid := a.KeyID()

	unsigned := segment(map[string]any{"typ": "JWT", "alg": "none"}) + "." + parts[1] + "."
	_, err := s.check(t, unsigned)
	refusedBecause(t, "an unsigned token", unsigned, err, "unsigned (alg none)")

	hs := hs256(s.publishedKeyPEM(t), map[string]any{"typ": "JWT", "alg": "HS256", "kid": kid}, s.claims())
	_, err = s.check(t, hs)
	refusedBecause(t, "HS256 with the public key as the secret", hs, err, `signed with "HS256"; only RS256`)

	tampered := parts[0] + "." + segment(s.with(map[string]any{"oid": "someone-else"})) + "." + parts[2]
	_, err = s.check(t, tampered)
	refusedBecause(t, "a payload changed after signing", tampered, err, "signature does not match")

	sig := []byte(parts[2])
	// Another base64url letter (flipping a bit could make '-' a ',', which is no base64url
	// at all and is refused for that, as it was one run in a few dozen).
	if sig[10] == 'A' {
		sig[10] = 'B'
	} else {
		sig[10] = 'A'
	}
	flipped := parts[0] + "." + parts[1] + "." + string(sig)
	_, err = s.check(t, flipped)
	refusedBecause(t, "a signature changed after signing", flipped, err, "signature does not match")

	unknown := simtenant.NewAuthority(simtenant.AuthorityOptions{}).SignAccessToken(s.claims())
	_, err = s.check(t, unknown)
	refusedBecause(t, "a token of another authority's key", unknown, err, "a key the tenant does not publish")

	underKnownKid := forge(attacker(), map[string]any{"typ": "JWT", "alg": "RS256", "kid": kid}, s.claims())
	_, err = s.check(t, underKnownKid)
	refusedBecause(t, "an attacker's key under the tenant's kid", underKnownKid, err, "signature does not match")

	ps := forge(attacker(), map[string]any{"alg": "PS256", "kid": kid}, s.claims())
	_, err = s.check(t, ps)
	refusedBecause(t, "another RSA algorithm", ps, err, "only RS256")
}

func TestMalformedTokensAreRefused(t *testing.T) {
	s := startServer(t)
	good := s.entra.Authority.SignAccessToken(s.claims())
	parts := strings.Split(good, ".")
	kid := s.entra.Authority.KeyID()
	cases := []struct{ what, token, want string }{
		{"nothing", "", "no token"},
		{"one part", "abc", "not a JWT"},
		{"two parts", parts[0] + "." + parts[1], "not a JWT"},
		{"four parts", good + ".x", "not a JWT"},
		{"no signature", parts[0] + "." + parts[1] + ".", "no signature"},
		{"a header that is not base64url", "*" + parts[0] + "." + parts[1] + "." + parts[2], "header is not base64url"},
		{"a header that is not JSON", segment("RS256") + "." + parts[1] + "." + parts[2], "header is not a JSON object"},
		{"a header with trailing data", base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"RS256","kid":"`+kid+`"}{}`)) + "." + parts[1] + "." + parts[2], "header is not a JSON object"},
		{"a header with a number for alg", segment(map[string]any{"alg": 256}) + "." + parts[1] + "." + parts[2], "header is not a JSON object"},
		{"no kid", segment(map[string]any{"alg": "RS256"}) + "." + parts[1] + "." + parts[2], "names no signing key"},
		{"a critical extension", segment(map[string]any{"alg": "RS256", "kid": kid, "crit": []string{"x"}}) + "." + parts[1] + "." + parts[2], "critical extensions"},
		{"a signature that is not base64url", parts[0] + "." + parts[1] + ".%%%", "signature is not base64url"},
		{"longer than 16 KiB", parts[0] + "." + strings.Repeat("A", apitoken.MaxTokenLength) + "." + parts[2], "longer than 16 KiB"},
		{"a header longer than 1 KiB", segment(map[string]any{"alg": "RS256", "kid": strings.Repeat("k", 1<<10)}) + "." + parts[1] + "." + parts[2], "header is longer"},
		{"an alg with a line break", segment(map[string]any{"alg": "RS256\nX"}) + "." + parts[1] + "." + parts[2], "only RS256"},
	}
	for _, c := range cases {
		_, err := s.check(t, c.token)
		refusedBecause(t, c.what, c.token, err, c.want)
	}
	oddAudience := s.entra.Authority.SignAccessToken(s.with(map[string]any{"aud": map[string]any{"x": 1}}))
	_, err := s.check(t, oddAudience)
	refusedBecause(t, "a signed audience that is an object", oddAudience, err, "claims are not")
}

// publishedKeyPEM is the tenant's public key as anyone can read it from its JWKS.
func (s *server) publishedKeyPEM(t *testing.T) []byte {
	t.Helper()
	resp, err := s.entra.Client().Get(s.entra.URL() + "/" + s.entra.Authority.TenantID() + "/discovery/v2.0/keys")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var set struct{ Keys []struct{ N, E string } }
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil || len(set.Keys) == 0 {
		t.Fatalf("the JWKS cannot be read: %v", err)
	}
	n, _ := base64.RawURLEncoding.DecodeString(set.Keys[0].N)
	e, _ := base64.RawURLEncoding.DecodeString(set.Keys[0].E)
	der, err := x509.MarshalPKIXPublicKey(&rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())})
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

func hs256(secret []byte, header, claims map[string]any) string {
	signed := segment(header) + "." + segment(claims)
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(signed))
	return signed + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
