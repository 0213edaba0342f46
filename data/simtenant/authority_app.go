package simtenant

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// authApp is a confidential app registered with the authority: it signs in as itself
// (the client credentials grant) with its secret or a certificate, as a daemon does.
type authApp struct {
	secret string            // "" when it has none
	cert   *x509.Certificate // nil when it has none
}

// RegisterApp registers a confidential app that proves who it is with a client secret,
// so that a test can run a daemon's sign-in (the team server's directory sync).
func (a *Authority) RegisterApp(clientID, secret string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	app := a.confidentialApp(clientID)
	app.secret = secret
}

// RegisterAppCertificate registers a confidential app that proves who it is with a
// client assertion signed by the private key of cert, as Entra ID accepts for an
// uploaded certificate.
func (a *Authority) RegisterAppCertificate(clientID string, cert *x509.Certificate) {
	a.mu.Lock()
	defer a.mu.Unlock()
	app := a.confidentialApp(clientID)
	app.cert = cert
}

// confidentialApp finds or adds a registered app; the caller holds a.mu.
func (a *Authority) confidentialApp(clientID string) *authApp {
	if a.apps == nil {
		a.apps = map[string]*authApp{}
	}
	if a.apps[clientID] == nil {
		a.apps[clientID] = &authApp{}
	}
	return a.apps[clientID]
}

// AppGrants counts the app-only tokens issued, so that a test can tell a token the
// client reused from one it asked for again.
func (a *Authority) AppGrants() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.appGrants
}

// clientAssertionType is the only client assertion Entra ID accepts.
const clientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// redeemClientCredentials answers the client credentials grant as Entra ID does: only a
// registered app with its own secret or a valid assertion of its certificate gets a
// token, only for a resource's /.default scope, and the token is the app's own (no user,
// no refresh token). Graph accepts it as it accepts a signed-in admin's.
func (a *Authority) redeemClientCredentials(w http.ResponseWriter, r *http.Request, f url.Values) {
	clientID := f.Get("client_id")
	a.mu.Lock()
	app, known := a.apps[clientID]
	var reg authApp
	if known {
		reg = *app
	}
	a.mu.Unlock()
	if !known {
		authError(w, http.StatusBadRequest, "unauthorized_client", "AADSTS700016: Application with identifier '"+clientID+"' was not found in the directory '"+a.o.TenantDomain+"'.")
		return
	}
	if !appDefaultScope(f.Get("scope")) {
		authError(w, http.StatusBadRequest, "invalid_scope", "AADSTS1002012: The provided value for scope "+f.Get("scope")+" is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).")
		return
	}
	switch {
	case f.Get("client_assertion") != "":
		if f.Get("client_assertion_type") != clientAssertionType || reg.cert == nil ||
			!validAssertion(f.Get("client_assertion"), reg.cert, clientID, "https://"+r.Host+r.URL.Path) {
			authError(w, http.StatusUnauthorized, "invalid_client", "AADSTS700027: Client assertion failed signature validation.")
			return
		}
	case reg.secret == "" || subtle.ConstantTimeCompare([]byte(f.Get("client_secret")), []byte(reg.secret)) != 1:
		authError(w, http.StatusUnauthorized, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"+clientID+"'.")
		return
	}
	now := time.Now()
	at := authRandom(48)
	a.mu.Lock()
	a.access[at] = now.Add(a.o.AccessTokenLifetime)
	a.issued = append(a.issued, at)
	a.appGrants++
	a.mu.Unlock()
	authWriteJSON(w, http.StatusOK, map[string]any{
		"token_type":     "Bearer",
		"expires_in":     int(a.o.AccessTokenLifetime / time.Second),
		"ext_expires_in": int(a.o.AccessTokenLifetime / time.Second),
		"access_token":   at,
	})
}

// appDefaultScope reports whether the scopes ask for one resource's .default, the only
// scope an app signing in as itself may ask for (the OpenID scopes aside).
func appDefaultScope(scopes string) bool {
	n := 0
	for _, s := range strings.Fields(scopes) {
		switch {
		case s == "openid" || s == "profile" || s == "offline_access":
		case strings.HasSuffix(s, "/.default"):
			n++
		default:
			return false
		}
	}
	return n == 1
}

// validAssertion checks a client assertion as Entra ID does: a JWT signed (PS256 or
// RS256) by the key of the registered certificate, naming it by thumbprint, issued by
// and about the app, for this token endpoint, and not expired.
func validAssertion(assertion string, cert *x509.Certificate, clientID, endpoint string) bool {
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 {
		return false
	}
	var header struct {
		Alg     string `json:"alg"`
		X5t     string `json:"x5t"`
		X5tS256 string `json:"x5t#S256"`
	}
	var claims struct {
		Aud string `json:"aud"`
		Iss string `json:"iss"`
		Sub string `json:"sub"`
		Exp int64  `json:"exp"`
	}
	if !decodeJWTPart(parts[0], &header) || !decodeJWTPart(parts[1], &claims) {
		return false
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if err != nil || !ok {
		return false
	}
	sum256 := sha256.Sum256(cert.Raw)
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	switch header.Alg {
	case "PS256":
		if header.X5tS256 != base64.StdEncoding.EncodeToString(sum256[:]) && header.X5tS256 != base64.RawURLEncoding.EncodeToString(sum256[:]) {
			return false
		}
		err = rsa.VerifyPSS(pub, crypto.SHA256, digest[:], sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto})
	case "RS256":
		err = rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], sig)
	default:
		return false
	}
	return err == nil && claims.Iss == clientID && claims.Sub == clientID &&
		strings.EqualFold(claims.Aud, endpoint) && time.Now().Unix() < claims.Exp
}

func decodeJWTPart(part string, v any) bool {
	b, err := base64.RawURLEncoding.DecodeString(part)
	return err == nil && json.Unmarshal(b, v) == nil
}
