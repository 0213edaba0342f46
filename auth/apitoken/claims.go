package apitoken

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"time"
)

// claims are the parts of an Entra v2 access token the server checks and reads.
type claims struct {
	Issuer    string   `json:"iss"`
	Audience  audience `json:"aud"`
	Tenant    string   `json:"tid"`
	Object    string   `json:"oid"`
	UPN       string   `json:"preferred_username"`
	Name      string   `json:"name"`
	Scope     string   `json:"scp"`
	Expires   *seconds `json:"exp"`
	NotBefore *seconds `json:"nbf"`
}

// audience is the aud claim: one string, or a list of them (RFC 7519 allows both).
type audience []string

// UnmarshalJSON reads either form of aud.
func (a *audience) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*a = audience{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*a = many
	return nil
}

// seconds is a JWT time: whole seconds since 1970.
type seconds int64

// UnmarshalJSON reads a whole number of seconds and refuses fractions and absurd values.
func (s *seconds) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1e13 {
		return errNotObject
	}
	*s = seconds(f)
	return nil
}

func (s seconds) time() time.Time { return time.Unix(int64(s), 0).UTC() }

// claims reads the payload of a token whose signature was verified.
func (t token) claims() (claims, error) {
	var c claims
	raw, err := b64.DecodeString(t.payload)
	if err != nil || decodeObject(raw, &c) != nil {
		return c, refuse("the token's claims are not a base64url JSON object of the expected types")
	}
	return c, nil
}

// caller checks the claims against this server's tenant, API and scope and the clock,
// and tells who is calling.
func (v *Validator) caller(c claims) (Caller, error) {
	now := v.cfg.Now()
	switch {
	case !strings.EqualFold(c.Tenant, v.tenant):
		return Caller{}, refuse("the token is from tenant " + quote(c.Tenant) + ", not from this server's tenant " + v.tenant)
	case c.Issuer != v.issuer:
		return Caller{}, refuse("the token was issued by " + quote(c.Issuer) + ", not by " + v.issuer)
	case !v.isAudience(c.Audience):
		return Caller{}, refuse("the token is for " + quote(strings.Join(c.Audience, " ")) + ", not for this server's API " + v.cfg.ClientID)
	case c.Expires == nil:
		return Caller{}, refuse("the token has no expiry (exp)")
	case now.After(c.Expires.time().Add(Leeway)):
		return Caller{}, refuse("the token expired at " + c.Expires.time().Format(time.RFC3339) + "; sign in again for a new one")
	case c.NotBefore != nil && now.Add(Leeway).Before(c.NotBefore.time()):
		return Caller{}, refuse("the token is not valid before " + c.NotBefore.time().Format(time.RFC3339) + "; check the clocks")
	case c.Scope == "":
		return Caller{}, refuse("the token grants no delegated scope: an app-only token cannot act as an admin")
	case !slices.Contains(strings.Fields(c.Scope), v.cfg.Scope):
		return Caller{}, refuse("the token does not grant the scope " + v.cfg.Scope + " (it grants " + quote(c.Scope) + ")")
	case c.Object == "":
		return Caller{}, refuse("the token names no user (oid)")
	}
	return Caller{ObjectID: c.Object, UPN: c.UPN, Name: c.Name, TenantID: c.Tenant,
		Scopes: strings.Fields(c.Scope), Expires: c.Expires.time()}, nil
}

// isAudience accepts the API's app id and its default app id URI, api://APPID: Entra
// puts the one or the other in aud depending on the token version the API asks for.
func (v *Validator) isAudience(aud audience) bool {
	for _, a := range aud {
		if a == v.cfg.ClientID || a == "api://"+v.cfg.ClientID {
			return true
		}
	}
	return false
}
