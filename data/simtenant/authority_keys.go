package simtenant

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
)

// Account is one person who can sign in to the simulated tenant, so that tests can have
// several admins of one tenant, each with their own tokens.
type Account struct {
	ID   string // the user's object id (the oid claim)
	UPN  string // the user principal name (preferred_username)
	Name string // the display name
}

// admin is the account the authority signs in when a test does not say who.
func (a *Authority) admin() Account {
	return Account{ID: a.o.UserID, UPN: a.o.UserPrincipalName, Name: a.o.UserName}
}

// authKeys is the key the authority signs API access tokens with, as Entra ID signs
// them with one of the keys its JWKS publishes.
type authKeys struct {
	key *rsa.PrivateKey
	kid string
}

// signingKey makes the authority's key on first use (a 2048-bit RSA key takes a while,
// and most tests never ask for a signed token); the caller holds a.mu.
func (a *Authority) signingKey() authKeys {
	if a.keys.key == nil {
		a.keys = newAuthKeys()
	}
	return a.keys
}

func newAuthKeys() authKeys {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic("simtenant: cannot make an RSA key: " + err.Error())
	}
	return authKeys{key: key, kid: authRandom(12)}
}

// RotateKey replaces the signing key with a new one under a new kid, as Entra ID rolls
// its keys over: tokens are signed with the new key from now on, and the JWKS publishes
// only the new key, so tokens signed with the old one no longer verify.
func (a *Authority) RotateKey() {
	keys := newAuthKeys()
	a.mu.Lock()
	a.keys = keys
	a.mu.Unlock()
}

// KeyID is the kid of the current signing key, for tests that forge headers around it.
func (a *Authority) KeyID() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.signingKey().kid
}

// SignAccessToken signs the given claims with the current key as an RS256 JWT, so that
// tests can make tokens Entra ID would issue (or one it would not: another audience,
// expired) without a sign-in.
func (a *Authority) SignAccessToken(claims map[string]any) string {
	a.mu.Lock()
	keys := a.signingKey()
	a.mu.Unlock()
	return signJWT(keys, claims)
}

func signJWT(keys authKeys, claims map[string]any) string {
	header, _ := json.Marshal(map[string]string{"typ": "JWT", "alg": "RS256", "kid": keys.kid})
	body, _ := json.Marshal(claims)
	signed := base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(body)
	sum := sha256.Sum256([]byte(signed))
	sig, err := rsa.SignPKCS1v15(nil, keys.key, crypto.SHA256, sum[:])
	if err != nil {
		panic("simtenant: cannot sign a token: " + err.Error())
	}
	return signed + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// serveOpenIDConfiguration answers the discovery document: where the endpoints and the
// signing keys are, and the issuer of the tenant's tokens.
func (a *Authority) serveOpenIDConfiguration(w http.ResponseWriter, r *http.Request, tenant string) {
	base := "https://" + r.Host + "/" + tenant
	authWriteJSON(w, http.StatusOK, map[string]any{
		"authorization_endpoint":                base + "/oauth2/v2.0/authorize",
		"token_endpoint":                        base + "/oauth2/v2.0/token",
		"device_authorization_endpoint":         base + "/oauth2/v2.0/devicecode",
		"issuer":                                "https://" + r.Host + "/" + a.o.TenantID + "/v2.0",
		"jwks_uri":                              base + "/discovery/v2.0/keys",
		"response_types_supported":              []string{"code", "id_token", "code id_token", "id_token token"},
		"subject_types_supported":               []string{"pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access"},
		"tenant_region_scope":                   "EU",
	})
}

// serveKeys answers the JWKS: the public half of the current signing key, with the
// members Entra ID publishes.
func (a *Authority) serveKeys(w http.ResponseWriter) {
	a.mu.Lock()
	keys := a.signingKey()
	a.stats.KeySetRequests++
	a.mu.Unlock()
	pub := keys.key.PublicKey
	authWriteJSON(w, http.StatusOK, map[string]any{"keys": []map[string]any{{
		"kty": "RSA",
		"use": "sig",
		"kid": keys.kid,
		"alg": "RS256",
		"n":   base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"e":   base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
	}}})
}
