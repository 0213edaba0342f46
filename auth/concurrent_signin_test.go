package auth

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
)

// TestConcurrentFirstSignInsEndWithOneAccountAndAUsableCache starts several first
// sign-ins at the same moment on one empty token cache, each a Session of its own as a
// separate process would make (separate handles on the same files and keyring, real MSAL
// over HTTPS): every one must succeed, and afterwards a new session must find exactly one
// account and get a working token without a device code. Many rounds run, since a
// lost key or a lost write shows only in some of them.
func TestConcurrentFirstSignInsEndWithOneAccountAndAUsableCache(t *testing.T) {
	const rounds, signIns = 20, 6
	tn := startTenant(t, simtenant.AuthorityOptions{AutoApprove: true})
	n := 0
	for r := range rounds {
		if why := concurrentFirstSignIns(t, tn, signIns); why != "" {
			n++
			t.Errorf("round %d: %s", r, why)
		}
	}
	if n > 0 {
		t.Errorf("%d of %d rounds of %d concurrent first sign-ins left no usable sign-in", n, rounds, signIns)
	}
}

// concurrentFirstSignIns runs n first sign-ins at once on a fresh cache folder and
// keyring and says what is wrong afterwards, or "".
func concurrentFirstSignIns(t *testing.T, tn *tenant, n int) string {
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	keys.readLatency, keys.writeLatency = 2*time.Millisecond, 15*time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	start := make(chan struct{})
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		s := newSession(t, tn.config(dir, keys, func(DeviceCode) {}))
		wg.Go(func() {
			<-start
			_, err := s.SignIn(ctx)
			errs <- err
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return "a sign-in failed: " + err.Error()
		}
	}
	after := newSession(t, tn.config(dir, keys, func(DeviceCode) {}))
	accounts, err := after.client.Accounts(ctx)
	if err != nil || len(accounts) != 1 {
		return fmt.Sprintf("a new session finds %d accounts (%v), want exactly one", len(accounts), err)
	}
	ar, err := after.silent(ctx)
	if err != nil {
		return "no silent token afterwards: " + err.Error()
	}
	if err := tn.Authority.CheckToken(ar.AccessToken); err != nil {
		return "the silent token is refused: " + err.Error()
	}
	return ""
}
