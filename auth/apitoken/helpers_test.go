package apitoken_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"nimbusadmin/auth/apitoken"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// apiAppID is the app id of the server's API registration in the tests.
const apiAppID = "5b7c9e1a-3d2f-4a6b-8c0d-1e2f3a4b5c6d"

// clock is a test's clock: it stands still until the test moves it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// server is a validator of the simulated tenant's tokens for the API apiAppID.
type server struct {
	entra *testkit.Entra
	v     *apitoken.Validator
	clock *clock
}

func startServer(t testing.TB) *server {
	t.Helper()
	e := testkit.StartEntra(t, simtenant.AuthorityOptions{})
	clk := &clock{t: time.Now()}
	v, err := apitoken.New(context.Background(), apitoken.Config{Authority: e.URL(), TenantID: e.Authority.TenantID(),
		ClientID: apiAppID, Scope: "Nimbus.Admin", HTTPClient: e.Client(), Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	return &server{entra: e, v: v, clock: clk}
}

// issuer is the tenant's token issuer, as its openid configuration says.
func (s *server) issuer() string {
	return s.entra.URL() + "/" + s.entra.Authority.TenantID() + "/v2.0"
}

// claims are those of a good token for the API, as Entra ID issues them; a test changes
// one to make a bad token.
func (s *server) claims() map[string]any {
	now := s.clock.Now()
	return map[string]any{
		"aud": apiAppID, "iss": s.issuer(), "tid": s.entra.Authority.TenantID(), "ver": "2.0",
		"azp": "desktop-client", "oid": "11111111-2222-4333-8444-555555555555",
		"preferred_username": "dana@contoso.example", "name": "Dana Tenant-Admin", "scp": "Nimbus.Admin",
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(time.Hour).Unix(),
	}
}

// with is the good claims with some changed; a nil value removes the claim.
func (s *server) with(changes map[string]any) map[string]any {
	c := s.claims()
	for k, v := range changes {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return c
}

func (s *server) check(t testing.TB, token string) (apitoken.Caller, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return s.v.Check(ctx, token)
}

func (s *server) keyRequests() int { return s.entra.Authority.Stats().KeySetRequests }

// refusedBecause asserts a token is refused with a one-line reason holding want, and
// that the token does not appear in it.
func refusedBecause(t *testing.T, what string, token string, err error, want string) {
	t.Helper()
	var r *apitoken.Refused
	switch {
	case err == nil:
		t.Errorf("%s: accepted", what)
	case !errors.As(err, &r):
		t.Errorf("%s: refused with %T %v, want *Refused", what, err, err)
	case !strings.Contains(r.Reason, want):
		t.Errorf("%s: refused because %q, want it to say %q", what, r.Reason, want)
	case strings.ContainsAny(err.Error(), "\r\n"):
		t.Errorf("%s: the refusal is not one line: %q", what, err)
	case !strings.HasPrefix(err.Error(), "access token refused: "):
		t.Errorf("%s: the refusal does not say what was refused: %q", what, err)
	case len(token) > 20 && strings.Contains(err.Error(), token):
		t.Errorf("%s: the refusal quotes the token", what)
	}
}

// forge signs claims under any header with any key, as an attacker could.
func forge(key *rsa.PrivateKey, header, claims map[string]any) string {
	signed := segment(header) + "." + segment(claims)
	sum := sha256.Sum256([]byte(signed))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		panic(err)
	}
	return signed + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func segment(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

var (
	attackerOnce sync.Once
	attackerKey  *rsa.PrivateKey
)

// attacker is an RSA key the tenant never published.
func attacker() *rsa.PrivateKey {
	attackerOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		attackerKey = k
	})
	return attackerKey
}
