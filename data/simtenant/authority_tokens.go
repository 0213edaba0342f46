package simtenant

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"
)

// issue answers a token request with fresh access, refresh and id tokens of the account
// plus the client_info MSAL builds the account's home id from. An access token for Graph
// is opaque (the simulated Graph looks it up); one for an API the tenant exposes
// (api://APPID/NAME) is an RS256 JWT the API checks against the authority's keys.
func (a *Authority) issue(w http.ResponseWriter, r *http.Request, who Account, clientID, scopes string) {
	api, ok := authAPIScopes(scopes)
	if !ok {
		authError(w, http.StatusBadRequest, "invalid_request", "AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope "+scopes+" is not valid.")
		return
	}
	now := time.Now()
	issuer := "https://" + r.Host + "/" + a.o.TenantID + "/v2.0"
	at, rt := authRandom(48), authRandom(64)
	if api.appID != "" {
		a.mu.Lock()
		keys := a.signingKey()
		a.mu.Unlock()
		at = signJWT(keys, map[string]any{
			"aud": api.appID, "iss": issuer, "tid": a.o.TenantID, "azp": clientID, "ver": "2.0",
			"oid": who.ID, "preferred_username": who.UPN, "name": who.Name, "sub": authSubject(who.ID, api.appID),
			"scp": strings.Join(api.names, " "),
			"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(a.o.AccessTokenLifetime).Unix(),
		})
	}
	a.mu.Lock()
	if api.appID == "" {
		a.access[at] = now.Add(a.o.AccessTokenLifetime)
	}
	a.refresh[rt] = authRefreshToken{account: who, expires: now.Add(a.o.RefreshTokenLifetime)}
	a.issued = append(a.issued, at, rt)
	a.mu.Unlock()
	claims := map[string]any{
		"aud":                clientID,
		"iss":                issuer,
		"iat":                now.Unix(),
		"nbf":                now.Unix(),
		"exp":                now.Add(time.Hour).Unix(),
		"name":               who.Name,
		"oid":                who.ID,
		"preferred_username": who.UPN,
		"sub":                authSubject(who.ID, clientID),
		"tid":                a.o.TenantID,
		"ver":                "2.0",
	}
	clientInfo, _ := json.Marshal(map[string]string{"uid": who.ID, "utid": a.o.TenantID})
	authWriteJSON(w, http.StatusOK, map[string]any{
		"token_type":     "Bearer",
		"scope":          authGrantedScopes(scopes),
		"expires_in":     int(a.o.AccessTokenLifetime / time.Second),
		"ext_expires_in": int(a.o.AccessTokenLifetime / time.Second),
		"access_token":   at,
		"refresh_token":  rt,
		"id_token":       authUnsignedJWT(claims),
		"client_info":    base64.RawURLEncoding.EncodeToString(clientInfo),
	})
}

// authAPI is the API a token request asks for: the app id its access token is for and
// the scope names it grants; appID is empty for Graph.
type authAPI struct {
	appID string
	names []string
}

// authAPIScopes reads requested scopes of the form api://APPID/NAME or APPID/NAME as
// scopes of the API APPID; any other scope is Graph's. One token is for one resource, so
// a request mixing an API's scopes with another resource's is not ok, as Entra ID says.
func authAPIScopes(requested string) (authAPI, bool) {
	var api authAPI
	others := false
	for _, s := range strings.Fields(requested) {
		switch s {
		case "openid", "profile", "offline_access", "email":
			continue
		}
		rest, isAPI := strings.CutPrefix(s, "api://")
		if !isAPI && (strings.Contains(s, "://") || !strings.Contains(s, "/")) { // Graph's, e.g. https://graph.microsoft.com/User.Read or User.Read
			others = true
			continue
		}
		app, name, ok := strings.Cut(rest, "/")
		if !ok || app == "" || name == "" || (api.appID != "" && app != api.appID) {
			return authAPI{}, false
		}
		api.appID, api.names = app, append(api.names, name)
	}
	return api, !others || api.appID == ""
}

// authSubject is the sub claim: the same for one user and app, different across apps.
func authSubject(userID, appID string) string {
	sum := sha256.Sum256([]byte(userID + "|" + appID))
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}

// authGrantedScopes grants what was asked except the OpenID scopes, as Entra ID does.
func authGrantedScopes(requested string) string {
	var granted []string
	for _, s := range strings.Fields(requested) {
		switch s {
		case "openid", "profile", "offline_access":
		default:
			granted = append(granted, s)
		}
	}
	return strings.Join(granted, " ")
}

// authUnsignedJWT builds an id token; MSAL reads its claims and does not check the
// signature of a token it received over TLS from the authority itself.
func authUnsignedJWT(claims map[string]any) string {
	header, _ := json.Marshal(map[string]string{"typ": "JWT", "alg": "none"})
	body, _ := json.Marshal(claims)
	return base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(body) + "."
}

func authRandom(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails since Go 1.24
	return base64.RawURLEncoding.EncodeToString(b)
}

// authUserCode makes a code an admin can type: nine letters without look-alikes.
func authUserCode() string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 9)
	rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	return string(b)
}

func authError(w http.ResponseWriter, status int, code, description string) {
	authWriteJSON(w, status, map[string]any{
		"error":             code,
		"error_description": description,
		"error_codes":       []int{},
		"timestamp":         time.Now().UTC().Format("2006-01-02 15:04:05Z"),
	})
}

func authWriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// serveDeviceLogin is the page the device-code message points to: the admin enters the
// code and approves or declines, as on microsoft.com/devicelogin.
func (a *Authority) serveDeviceLogin(w http.ResponseWriter, r *http.Request) {
	var note string
	if r.Method == http.MethodPost {
		_ = r.ParseForm()
		code := strings.ToUpper(strings.TrimSpace(r.PostForm.Get("code")))
		var err error
		if r.PostForm.Get("decline") != "" {
			err = a.Decline(code)
		} else {
			err = a.Approve(code)
		}
		note = "Done: you may close this window and return to Nimbus Admin."
		if err != nil {
			note = "That code is not known: check it and try again."
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><title>Simulated tenant sign-in</title>
<h1>Sign in to %s</h1><p>%s</p>
<form method="post"><label>Code <input name="code" autofocus></label>
<button>Approve</button> <button name="decline" value="1">Decline</button></form>`,
		html.EscapeString(a.o.TenantDomain), html.EscapeString(note))
}
