package auth

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
)

// TestCacheLockIsExclusiveAndAWaiterCanBeCancelled holds the token cache lock through one
// open file, as one process would: another open file (another process) gets it only
// after its release, and a waiter whose context ends stops waiting with that reason.
func TestCacheLockIsExclusiveAndAWaiterCanBeCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nimbusadmin", "msal-test.tokens.lock")
	if _, err := lockTokenCache(context.Background(), path, false); !errors.Is(err, errCacheLockMissing) {
		t.Fatalf("lock without a folder: %v, want errCacheLockMissing (and no folder made)", err)
	}
	release, err := lockTokenCache(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := lockTokenCache(ctx, path, true); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a second holder got the lock while the first held it: %v", err)
	}
	got := make(chan error, 1)
	go func() {
		unlock, err := lockTokenCache(context.Background(), path, false)
		if err == nil {
			unlock()
		}
		got <- err
	}()
	time.Sleep(20 * time.Millisecond)
	release()
	select {
	case err := <-got:
		if err != nil {
			t.Fatalf("the waiter did not get the lock after its release: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiter still waits after the lock was released")
	}
}

// The lock is never held while the admin approves a device code, which can take minutes:
// another process must be able to save its tokens meanwhile.
func TestTheCacheLockIsFreeWhileTheAdminApprovesTheCode(t *testing.T) {
	tn := startTenant(t, simtenant.AuthorityOptions{})
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	shown := 0
	approve := tn.approving(t, &shown)
	var s *Session
	s = newSession(t, tn.config(dir, keys, func(dc DeviceCode) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		unlock, err := lockTokenCache(ctx, s.cache.lockPath(), true)
		if err != nil {
			t.Errorf("the token cache lock is held while the admin approves the code: %v", err)
		} else {
			unlock()
		}
		approve(dc)
	}))
	mustToken(t, s)
	if err := s.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	mustToken(t, s) // a second sign-in, now that the lock file exists
	if shown != 2 {
		t.Errorf("device code shown %d times, want 2", shown)
	}
}
