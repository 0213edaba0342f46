package simtenant

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// AuthorityOptions shape the simulated Entra ID: who signs in, how long tokens live and
// whether device codes approve themselves (the demo) or wait for the test.
type AuthorityOptions struct {
	TenantID             string        // the directory (tenant) id; a fixed GUID when empty
	TenantDomain         string        // e.g. contoso.onmicrosoft.com; also accepted in the authority path
	UserID               string        // object id of the admin who signs in
	UserPrincipalName    string        // their UPN (the account MSAL shows)
	UserName             string        // their display name
	AutoApprove          bool          // approve every device code as soon as it is polled (demo mode)
	AccessTokenLifetime  time.Duration // default 1 hour
	RefreshTokenLifetime time.Duration // default 90 days
	DeviceCodeLifetime   time.Duration // default 15 minutes
	PollInterval         time.Duration // the interval the device-code answer asks for; default 1s
}

// AuthorityStats count what the authority was asked, so that tests can prove a sign-in
// was silent (no new device code) or that an expired access token was refreshed.
type AuthorityStats struct {
	DeviceCodes     int // device codes handed out
	DeviceCodeGrant int // tokens issued for an approved device code
	RefreshGrant    int // tokens issued for a refresh token
	KeySetRequests  int // JWKS (signing keys) requests served
}

// Authority is the Entra ID side of the simulated tenant: the openid configuration, the
// device-code endpoint and the token endpoint the real MSAL client talks to.
type Authority struct {
	o AuthorityOptions

	mu      sync.Mutex
	codes   map[string]*authDeviceCode // by device_code
	byUser  map[string]*authDeviceCode // by user_code
	access  map[string]time.Time       // access token → expiry
	refresh map[string]authRefreshToken
	issued  []string
	stats   AuthorityStats
	keys    authKeys // the signing key of API access tokens, made on first use

	apps      map[string]*authApp // confidential apps by client id (authority_app.go)
	appGrants int                 // app-only tokens issued
}

// authRefreshToken is what a refresh token stands for: whose it is and until when.
type authRefreshToken struct {
	account Account
	expires time.Time
}

type authDeviceCode struct {
	device, user string
	scopes       string
	clientID     string
	expires      time.Time
	state        string  // pending, approved, declined, redeemed
	account      Account // who approved it; the authority's own admin unless ApproveAs said otherwise
}

// ErrUnknownUserCode is returned by Approve and Decline for a code the authority never gave.
var ErrUnknownUserCode = errors.New("unknown user code")

// NewAuthority makes a simulated Entra ID with the options' defaults filled in.
func NewAuthority(o AuthorityOptions) *Authority {
	if o.TenantID == "" {
		o.TenantID = "7d3b1c52-9f0a-4e8b-a1d2-5c6f7e8d9a0b"
	}
	if o.TenantDomain == "" {
		o.TenantDomain = "contoso.onmicrosoft.com"
	}
	if o.UserID == "" {
		o.UserID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
	}
	if o.UserPrincipalName == "" {
		o.UserPrincipalName = "admin@" + o.TenantDomain
	}
	if o.UserName == "" {
		o.UserName = "Tenant Administrator"
	}
	if o.AccessTokenLifetime == 0 {
		o.AccessTokenLifetime = time.Hour
	}
	if o.RefreshTokenLifetime == 0 {
		o.RefreshTokenLifetime = 90 * 24 * time.Hour
	}
	if o.DeviceCodeLifetime == 0 {
		o.DeviceCodeLifetime = 15 * time.Minute
	}
	if o.PollInterval == 0 {
		o.PollInterval = time.Second
	}
	return &Authority{o: o, codes: map[string]*authDeviceCode{}, byUser: map[string]*authDeviceCode{},
		access: map[string]time.Time{}, refresh: map[string]authRefreshToken{}}
}

// TenantID is the directory id the authority issues tokens for.
func (a *Authority) TenantID() string { return a.o.TenantID }

// UserPrincipalName is the account that signs in to the authority.
func (a *Authority) UserPrincipalName() string { return a.o.UserPrincipalName }

// Approve completes the sign-in for a user code, as the admin would in the browser.
func (a *Authority) Approve(userCode string) error {
	return a.settle(userCode, "approved", a.admin())
}

// ApproveAs completes the sign-in for a user code as another account, so that a test can
// sign in several admins of one tenant: the tokens of that code, and those later redeemed
// with its refresh token, are that account's.
func (a *Authority) ApproveAs(userCode string, who Account) error {
	return a.settle(userCode, "approved", who)
}

// Decline refuses the sign-in for a user code, as an admin who cancels in the browser.
func (a *Authority) Decline(userCode string) error {
	return a.settle(userCode, "declined", a.admin())
}

// Expire makes a user code expire now, so that tests need not wait fifteen minutes.
func (a *Authority) Expire(userCode string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	c, ok := a.byUser[userCode]
	if !ok {
		return ErrUnknownUserCode
	}
	c.expires = time.Now().Add(-time.Second)
	return nil
}

func (a *Authority) settle(userCode, state string, who Account) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	c, ok := a.byUser[userCode]
	if !ok {
		return ErrUnknownUserCode
	}
	if c.state == "pending" {
		c.state, c.account = state, who
	}
	return nil
}

// CheckToken accepts a bearer token this authority issued and that has not expired; the
// Graph side of the simulated tenant calls it for every request.
func (a *Authority) CheckToken(bearer string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	exp, ok := a.access[bearer]
	switch {
	case !ok:
		return errors.New("access token was not issued by this tenant")
	case time.Now().After(exp):
		return errors.New("lifetime validation failed, the token is expired")
	}
	return nil
}

// IssuedTokens lists every access and refresh token handed out, for the test that
// searches disk and logs to prove none was written in plaintext.
func (a *Authority) IssuedTokens() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.issued...)
}

// Stats tells how many device codes and token grants the authority served.
func (a *Authority) Stats() AuthorityStats {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.stats
}

// ServeHTTP answers /{tenant}/v2.0/.well-known/openid-configuration,
// /{tenant}/discovery/v2.0/keys, /{tenant}/oauth2/v2.0/devicecode and /{tenant}/oauth2/v2.0/token.
func (a *Authority) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 2)
	if len(parts) != 2 || !a.knowsTenant(parts[0]) {
		if r.URL.Path == "/devicelogin" {
			a.serveDeviceLogin(w, r)
			return
		}
		authError(w, http.StatusBadRequest, "invalid_tenant", fmt.Sprintf("Tenant '%s' not found.", parts[0]))
		return
	}
	switch parts[1] {
	case "v2.0/.well-known/openid-configuration":
		a.serveOpenIDConfiguration(w, r, parts[0])
	case "discovery/v2.0/keys":
		a.serveKeys(w)
	case "oauth2/v2.0/devicecode":
		a.serveDeviceCode(w, r)
	case "oauth2/v2.0/token":
		a.serveToken(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (a *Authority) knowsTenant(t string) bool {
	switch strings.ToLower(t) {
	case "organizations", "common", strings.ToLower(a.o.TenantID), strings.ToLower(a.o.TenantDomain):
		return true
	}
	return false
}

func (a *Authority) serveDeviceCode(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.PostForm.Get("client_id") == "" {
		authError(w, http.StatusBadRequest, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'client_id'.")
		return
	}
	c := &authDeviceCode{device: authRandom(32), user: authUserCode(), scopes: r.PostForm.Get("scope"),
		clientID: r.PostForm.Get("client_id"), expires: time.Now().Add(a.o.DeviceCodeLifetime), state: "pending"}
	a.mu.Lock()
	a.codes[c.device], a.byUser[c.user] = c, c
	a.stats.DeviceCodes++
	a.mu.Unlock()
	verify := "https://" + r.Host + "/devicelogin"
	authWriteJSON(w, http.StatusOK, map[string]any{
		"user_code":        c.user,
		"device_code":      c.device,
		"verification_uri": verify,
		"expires_in":       int(a.o.DeviceCodeLifetime / time.Second),
		"interval":         max(1, int(a.o.PollInterval/time.Second)),
		"message":          fmt.Sprintf("To sign in, use a web browser to open the page %s and enter the code %s to authenticate.", verify, c.user),
	})
}

func (a *Authority) serveToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		authError(w, http.StatusBadRequest, "invalid_request", "AADSTS900144: malformed request body.")
		return
	}
	f := r.PostForm
	switch f.Get("grant_type") {
	case "device_code", "urn:ietf:params:oauth:grant-type:device_code":
		a.redeemDeviceCode(w, r, f.Get("device_code"), f.Get("client_id"))
	case "refresh_token":
		a.redeemRefreshToken(w, r, f.Get("refresh_token"), f.Get("client_id"), f.Get("scope"))
	case "client_credentials":
		a.redeemClientCredentials(w, r, f)
	default:
		authError(w, http.StatusBadRequest, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.")
	}
}

func (a *Authority) redeemDeviceCode(w http.ResponseWriter, r *http.Request, device, clientID string) {
	a.mu.Lock()
	c, ok := a.codes[device]
	if ok && c.state == "pending" && a.o.AutoApprove {
		c.state, c.account = "approved", a.admin()
	}
	var state string
	switch {
	case !ok || c.clientID != clientID:
		state = "bad_verification_code"
	case c.state == "redeemed":
		state = "invalid_grant"
	case time.Now().After(c.expires):
		state = "expired_token"
	default:
		state = c.state
	}
	if state == "approved" {
		c.state = "redeemed"
		a.stats.DeviceCodeGrant++
	}
	a.mu.Unlock()
	switch state {
	case "approved":
		a.issue(w, r, c.account, clientID, c.scopes)
	case "pending":
		authError(w, http.StatusBadRequest, "authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.")
	case "declined":
		authError(w, http.StatusBadRequest, "authorization_declined", "AADSTS70000: The user declined to authorize the request.")
	case "expired_token":
		authError(w, http.StatusBadRequest, "expired_token", "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.")
	default:
		authError(w, http.StatusBadRequest, state, "AADSTS70019: The device code is not valid or was already used.")
	}
}

func (a *Authority) redeemRefreshToken(w http.ResponseWriter, r *http.Request, rt, clientID, scopes string) {
	a.mu.Lock()
	t, ok := a.refresh[rt]
	if ok && time.Now().Before(t.expires) {
		a.stats.RefreshGrant++
	}
	a.mu.Unlock()
	if !ok || time.Now().After(t.expires) {
		authError(w, http.StatusBadRequest, "invalid_grant", "AADSTS700082: The refresh token has expired or is not valid. Sign in again.")
		return
	}
	a.issue(w, r, t.account, clientID, scopes)
}
