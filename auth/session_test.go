package auth

import (
	"bytes"
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
)

func TestDeviceCodeSignInThenSilentReuseInANewClient(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	first := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
	acc, err := first.SignIn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if acc.Username != tn.Authority.UserPrincipalName() || acc.TenantID != tn.Authority.TenantID() || shown != 1 {
		t.Fatalf("signed in as %+v after %d prompts", acc, shown)
	}
	if err := tn.Authority.CheckToken(mustToken(t, first)); err != nil {
		t.Fatalf("token from the first client refused by Graph: %v", err)
	}

	// A new client instance (as a new process would make) reads the encrypted cache.
	second := newSession(t, tn.config(dir, keys, noPrompt(t)))
	got, ok, err := second.Account(context.Background())
	if err != nil || !ok || got.Username != acc.Username {
		t.Fatalf("second client sees account %+v, %v, %v", got, ok, err)
	}
	if err := tn.Authority.CheckToken(mustToken(t, second)); err != nil {
		t.Fatalf("silent token refused: %v", err)
	}
	if st := tn.Authority.Stats(); st.DeviceCodes != 1 {
		t.Errorf("device codes asked: %d, want 1", st.DeviceCodes)
	}
}

func TestExpiredAccessTokenIsRefreshedSilently(t *testing.T) {
	// MSAL treats an access token with less than five minutes left as expired.
	tn := startTenant(t, simtenant.AuthorityOptions{AccessTokenLifetime: time.Minute})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	s := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
	first := mustToken(t, s)
	refreshes := tn.Authority.Stats().RefreshGrant
	second := mustToken(t, newSession(t, tn.config(dir, keys, noPrompt(t))))
	if second == first {
		t.Fatal("an expiring access token was handed out again instead of being refreshed")
	}
	if err := tn.Authority.CheckToken(second); err != nil {
		t.Fatalf("refreshed token refused: %v", err)
	}
	if st := tn.Authority.Stats(); st.RefreshGrant != refreshes+1 || st.DeviceCodes != 1 {
		t.Errorf("stats %+v: want one more refresh grant and a single device code", st)
	}
}

func TestSignOutRemovesAccountFileAndKeyThenAsksAgain(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	s := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
	mustToken(t, s)
	if _, err := os.Stat(s.CachePath()); err != nil {
		t.Fatalf("no encrypted cache after sign-in: %v", err)
	}
	if err := s.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.CachePath()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("cache file still there after sign-out: %v", err)
	}
	if entries, _ := keys.snapshot(); len(entries) != 0 {
		t.Errorf("keyring entries left after sign-out: %v", entries)
	}
	again := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
	if _, ok, _ := again.Account(context.Background()); ok {
		t.Fatal("an account is still cached after sign-out")
	}
	mustToken(t, again)
	if shown != 2 {
		t.Errorf("device code shown %d times, want 2 (once before and once after sign-out)", shown)
	}
}

func TestDeclinedExpiredAndCancelledSignInsSaveNothing(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{})
	cases := []struct {
		name string
		act  func(code string, cancel context.CancelFunc) error
		want error
	}{
		{"declined", func(code string, _ context.CancelFunc) error { return tn.Authority.Decline(code) }, ErrSignInDeclined},
		{"expired", func(code string, _ context.CancelFunc) error { return tn.Authority.Expire(code) }, ErrSignInExpired},
		{"cancelled", func(_ string, cancel context.CancelFunc) error { cancel(); return nil }, ErrSignInCancelled},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			s := newSession(t, tn.config(dir, keys, func(dc DeviceCode) {
				if err := c.act(dc.UserCode, cancel); err != nil {
					t.Error(err)
				}
			}))
			_, err := s.SignIn(ctx)
			if !errors.Is(err, c.want) {
				t.Fatalf("sign-in ended with %v, want %v", err, c.want)
			}
			if files, _ := os.ReadDir(dir); len(files) != 0 {
				t.Errorf("files written by a failed sign-in: %v", files)
			}
			if entries, _ := keys.snapshot(); len(entries) != 0 {
				t.Errorf("keyring written by a failed sign-in: %v", entries)
			}
		})
	}
}

func TestCacheIsEncryptedPrivateAndOnlyTheKeyIsInTheKeyring(t *testing.T) {
	for _, limit := range []int{windowsEntryLimit, macOSEntryLimit} {
		tn := startTenant(t, simtenant.AuthorityOptions{})
		dir, keys := t.TempDir(), newFakeKeyring(limit)
		shown := 0
		s := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
		mustToken(t, s)
		info, err := os.Stat(s.CachePath())
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("cache file mode %v, want 0600", info.Mode().Perm())
		}
		entries, _ := keys.snapshot()
		if len(entries) != 1 {
			t.Fatalf("keyring holds %d entries, want the one key", len(entries))
		}
		for _, v := range entries {
			if len(v) > 64 || info.Size() <= windowsEntryLimit {
				t.Errorf("keyring entry %d bytes, cache %d bytes: the cache must live in the file, only a small key in the keyring (limit %d)", len(v), info.Size(), limit)
			}
		}
		blob, _ := os.ReadFile(s.CachePath())
		for _, tok := range tn.Authority.IssuedTokens() {
			if containsString(blob, tok) {
				t.Fatal("a token is readable in the cache file")
			}
		}
	}
}

func TestTokenRequestsDoNotHitTheKeyringEachTime(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	s := newSession(t, tn.config(dir, keys, tn.approving(t, &shown)))
	mustToken(t, s)
	_, before := keys.snapshot()
	for range 20 {
		mustToken(t, s)
	}
	if _, after := keys.snapshot(); after != before {
		t.Errorf("20 token requests made %d keyring calls, want 0", after-before)
	}
}

func TestLockedKeyringTimesOutWithAClearMessageAndNoPlaintext(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{AutoApprove: true})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	keys.block = make(chan struct{}) // a locked collection whose prompt nobody answers
	defer close(keys.block)
	cfg := tn.config(dir, keys, func(DeviceCode) {})
	cfg.KeyringTimeout = 200 * time.Millisecond
	s := newSession(t, cfg)
	start := time.Now()
	_, err := s.SignIn(context.Background())
	if !errors.Is(err, ErrKeyringUnavailable) {
		t.Fatalf("sign-in with a locked keyring ended with %v", err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("took %v: the keyring timeout did not bound the wait", took)
	}
	for _, want := range []string{"did not answer", "--no-keyring"} {
		if !containsString([]byte(err.Error()), want) {
			t.Errorf("message %q does not say %q", err, want)
		}
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("files written without a key: %v", files)
	}
	if st := tn.Authority.Stats(); st.DeviceCodes != 0 {
		t.Errorf("a device code was asked for although its tokens could not be kept: %+v", st)
	}
}

func TestNoKeyringKeepsTokensInMemoryOnly(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{AutoApprove: true})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	cfg := tn.config(dir, keys, func(DeviceCode) {})
	cfg.NoKeyring = true
	s := newSession(t, cfg)
	first := mustToken(t, s)
	if again := mustToken(t, s); again != first {
		t.Error("the in-memory cache did not serve the second request")
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 || s.CachePath() != "" {
		t.Errorf("--no-keyring wrote files: %v", files)
	}
	if _, calls := keys.snapshot(); calls != 0 {
		t.Errorf("--no-keyring called the keyring %d times", calls)
	}
}

func TestOfflineRefreshReportsTheNetworkAndAsksForNoCode(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{AccessTokenLifetime: time.Minute})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	mustToken(t, newSession(t, tn.config(dir, keys, tn.approving(t, &shown))))
	tn.Close()
	s := newSession(t, tn.config(dir, keys, noPrompt(t)))
	_, err := s.Token(context.Background())
	var ne *NetworkError
	if !errors.As(err, &ne) {
		t.Fatalf("offline token request ended with %v, want a network error", err)
	}
	if acc, ok, err := s.Account(context.Background()); !ok || err != nil || acc.Username == "" {
		t.Errorf("offline, the cached account is not known: %+v %v %v", acc, ok, err)
	}
}

func TestGraphScopesFollowTheCloud(t *testing.T) {
	e, _ := ResolveEndpoints("usgov", "", "")
	got := GraphScopes(e)
	if len(got) != 2 || got[0] != "https://graph.microsoft.us/User.Read.All" || got[1] != "https://graph.microsoft.us/GroupMember.Read.All" {
		t.Errorf("usgov scopes %v", got)
	}
	if cacheEntryName(Config{Endpoints: e, Tenant: "a", ClientID: "c"}) == cacheEntryName(Config{Endpoints: e, Tenant: "b", ClientID: "c"}) {
		t.Error("two tenants share one token cache")
	}
}

func containsString(haystack []byte, needle string) bool {
	return needle != "" && bytes.Contains(haystack, []byte(needle))
}

func TestConcurrentTokenRequestsShareOneSignIn(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{AccessTokenLifetime: time.Minute})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	var mu sync.Mutex
	shown := 0
	approve := tn.approving(t, &shown)
	prompt := func(dc DeviceCode) { mu.Lock(); defer mu.Unlock(); approve(dc) }
	sessions := []*Session{newSession(t, tn.config(dir, keys, prompt)), newSession(t, tn.config(dir, keys, prompt))}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Go(func() {
			tok, err := sessions[i%2].Token(context.Background())
			if err == nil {
				err = tn.Authority.CheckToken(tok)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if st := tn.Authority.Stats(); st.DeviceCodes > 2 {
		t.Errorf("%d device codes for two clients", st.DeviceCodes)
	}
	if got := mustToken(t, newSession(t, tn.config(dir, keys, noPrompt(t)))); tn.Authority.CheckToken(got) != nil {
		t.Error("the cache written by concurrent clients does not serve a third one")
	}
}
