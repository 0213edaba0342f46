// Package apitoken checks the Microsoft Entra access tokens desktops send to the team
// server: an RS256 JWT signed with one of the tenant's published keys, issued by the
// tenant for the server's own API with the server's scope, and still valid. It tells who
// is calling, or refuses with a one-line reason the server can answer and log.
package apitoken

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Config says which tenant's tokens, for which API and scope, the server accepts.
type Config struct {
	Authority string // the sign-in host, e.g. https://login.microsoftonline.com
	TenantID  string // the tenant whose admins call the server
	ClientID  string // the app id of the server's API registration (the tokens' audience)
	Scope     string // the scope the API exposes, e.g. Nimbus.Admin
	// HTTPClient fetches the tenant's configuration and keys; http.DefaultClient when nil.
	HTTPClient *http.Client
	// Now is the clock tokens are checked against; time.Now when nil.
	Now func() time.Time
}

// Leeway is how far the clocks of Entra ID and the server may disagree when a token's
// expiry and start (exp, nbf) are checked.
const Leeway = 2 * time.Minute

// MaxTokenLength bounds the work a hostile caller can cause: Entra access tokens are a
// few kilobytes, so anything longer is refused before it is decoded.
const MaxTokenLength = 16 << 10

// Caller is who a valid token says is calling, for the server to map to the directory
// user and apply the admin permissions to.
type Caller struct {
	ObjectID string // the user's object id in the tenant (oid)
	UPN      string // preferred_username
	Name     string
	TenantID string
	Scopes   []string  // the delegated scopes the token grants
	Expires  time.Time // when the token stops being accepted
}

// Refused is a token the server does not accept, with the reason in one line; the
// server answers 401 with it and logs it. The token itself is never part of it.
type Refused struct{ Reason string }

// Error says that the access token was refused and why.
func (r *Refused) Error() string { return "access token refused: " + r.Reason }

// Validator checks access tokens against what the tenant's openid configuration says
// (issuer, signing keys); one serves every request of the server.
type Validator struct {
	cfg    Config
	issuer string
	tenant string // the tenant id the issuer names; tokens carry it as tid
	keys   *keySet
}

// multiTenant are the authority paths that name no tenant: the server serves one tenant.
var multiTenant = map[string]bool{"common": true, "organizations": true, "consumers": true}

// New reads the tenant's openid configuration and signing keys, so that a server that
// cannot check tokens says so when it starts rather than at the first request.
func New(ctx context.Context, cfg Config) (*Validator, error) {
	cfg.Authority = strings.TrimRight(strings.TrimSpace(cfg.Authority), "/")
	cfg.TenantID = strings.TrimSpace(cfg.TenantID)
	switch {
	case cfg.Authority == "":
		return nil, errors.New("no sign-in authority was given (e.g. https://login.microsoftonline.com)")
	case cfg.TenantID == "" || multiTenant[strings.ToLower(cfg.TenantID)]:
		return nil, errors.New("the server needs its tenant's id, not a multi-tenant authority such as 'organizations'")
	case strings.TrimSpace(cfg.ClientID) == "":
		return nil, errors.New("no client id of the server's API registration was given")
	case strings.TrimSpace(cfg.Scope) == "":
		return nil, errors.New("no scope of the server's API was given (e.g. Nimbus.Admin)")
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = http.DefaultClient
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	where := cfg.Authority + "/" + url.PathEscape(cfg.TenantID) + "/v2.0/.well-known/openid-configuration"
	var doc struct {
		Issuer  string `json:"issuer"`
		JWKSURI string `json:"jwks_uri"`
	}
	if err := getJSON(ctx, cfg.HTTPClient, where, &doc); err != nil {
		return nil, fmt.Errorf("cannot read the openid configuration of tenant %s: %w", cfg.TenantID, err)
	}
	tenant, err := issuerTenant(doc.Issuer)
	if err != nil {
		return nil, fmt.Errorf("the openid configuration at %s is not usable: %w", where, err)
	}
	if u, err := url.Parse(doc.JWKSURI); err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("the openid configuration at %s gives no https jwks_uri", where)
	}
	v := &Validator{cfg: cfg, issuer: doc.Issuer, tenant: tenant,
		keys: newKeySet(doc.JWKSURI, cfg.HTTPClient, cfg.Now)}
	if err := v.keys.load(ctx); err != nil {
		return nil, fmt.Errorf("cannot read the signing keys of tenant %s: %w", cfg.TenantID, err)
	}
	return v, nil
}

// issuerTenant is the tenant id an Entra v2 issuer names: https://HOST/TENANT/v2.0.
func issuerTenant(issuer string) (string, error) {
	u, err := url.Parse(issuer)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return "", errors.New("its issuer is not an https URL")
	}
	tenant, rest, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	if tenant == "" || strings.Contains(tenant, "{") || rest != "v2.0" {
		return "", fmt.Errorf("its issuer %s names no tenant as https://HOST/TENANT/v2.0", quote(issuer))
	}
	return tenant, nil
}

// Check tells who is calling when the token is one the tenant issued for this server's
// API and scope and is valid now; otherwise it answers a *Refused saying why.
func (v *Validator) Check(ctx context.Context, bearer string) (Caller, error) {
	t, err := v.verified(ctx, strings.TrimSpace(bearer))
	if err != nil {
		return Caller{}, err
	}
	c, err := t.claims()
	if err != nil {
		return Caller{}, err
	}
	return v.caller(c)
}
