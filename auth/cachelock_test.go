package auth

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
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
