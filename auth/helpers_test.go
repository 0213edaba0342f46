package auth

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// Entry size limits of the OS keyrings the fake enforces: Windows Credential Manager
// (CRED_MAX_CREDENTIAL_BLOB_SIZE) and macOS Keychain (about 3,000 bytes in practice).
const (
	windowsEntryLimit = 2560
	macOSEntryLimit   = 3000
)

// fakeKeyring is an in-memory keyring that refuses entries larger than its limit, as
// Windows and macOS do, and counts calls to prove the cache does not hit it per token.
type fakeKeyring struct {
	mu      sync.Mutex
	limit   int
	entries map[string]string
	calls   int
	block   chan struct{} // when set, every call waits on it (a locked keyring nobody unlocks)
	// How long a read and a write take: a real gnome-keyring over D-Bus answers a read in
	// about 2 ms and stores a secret in 10 to 45 ms.
	readLatency, writeLatency time.Duration
}

func newFakeKeyring(limit int) *fakeKeyring {
	return &fakeKeyring{limit: limit, entries: map[string]string{}}
}

func (f *fakeKeyring) wait(latency time.Duration) {
	if f.block != nil {
		<-f.block
	}
	time.Sleep(latency)
}

func (f *fakeKeyring) Get(service, user string) (string, error) {
	f.wait(f.readLatency)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	s, ok := f.entries[service+"/"+user]
	if !ok {
		return "", ErrKeyringEntryMissing
	}
	return s, nil
}

func (f *fakeKeyring) Set(service, user, secret string) error {
	f.wait(f.writeLatency)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if len(secret) > f.limit {
		return fmt.Errorf("secret of %d bytes exceeds the keyring's limit of %d", len(secret), f.limit)
	}
	f.entries[service+"/"+user] = secret
	return nil
}

func (f *fakeKeyring) Delete(service, user string) error {
	f.wait(f.writeLatency)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if _, ok := f.entries[service+"/"+user]; !ok {
		return ErrKeyringEntryMissing
	}
	delete(f.entries, service+"/"+user)
	return nil
}

func (f *fakeKeyring) snapshot() (map[string]string, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := map[string]string{}
	for k, v := range f.entries {
		m[k] = v
	}
	return m, f.calls
}

// tenant is a simulated Entra ID on real loopback HTTPS.
type tenant struct {
	*testkit.Entra
	endpoints Endpoints
}

func startTenant(t testing.TB, o simtenant.AuthorityOptions) *tenant {
	t.Helper()
	e := testkit.StartEntra(t, o)
	endpoints, err := ResolveEndpoints("global", e.URL(), e.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	return &tenant{Entra: e, endpoints: endpoints}
}

// config is a session on the tenant with its token cache in dir and keys in k.
func (tn *tenant) config(dir string, k Keyring, prompt func(DeviceCode)) Config {
	return Config{Endpoints: tn.endpoints, Tenant: tn.Authority.TenantID(), ClientID: "client-under-test",
		ConfigDir: dir, HTTPClient: tn.Client(), Prompt: prompt, Keyring: k, KeyringTimeout: 2 * time.Second}
}

// approving is a Prompt that approves the code in the browser, as the admin would.
func (tn *tenant) approving(t *testing.T, shown *int) func(DeviceCode) {
	return func(dc DeviceCode) {
		*shown++
		if dc.UserCode == "" || dc.Message == "" || time.Until(dc.ExpiresOn) <= 0 {
			t.Errorf("device code prompt lacks what the admin needs: %+v", dc)
		}
		if err := tn.Authority.Approve(dc.UserCode); err != nil {
			t.Error(err)
		}
	}
}

func noPrompt(t *testing.T) func(DeviceCode) {
	return func(dc DeviceCode) {
		t.Errorf("a device code was asked for although the sign-in should be silent: %s", dc.Message)
	}
}

func newSession(t *testing.T, cfg Config) *Session {
	t.Helper()
	s, err := NewSession(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustToken(t *testing.T, s *Session) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tok, err := s.Token(ctx)
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	return tok
}
