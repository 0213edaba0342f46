package ui

import (
	"testing"
	"time"
)

// signInWait waits for what a background step reports on its channel; the receive also
// orders the step's widget updates before the test's reads.
func signInWait[T any](t *testing.T, what string, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(20 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		var zero T
		return zero
	}
}
