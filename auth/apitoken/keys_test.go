package apitoken_test

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestAKeyRolloverIsFollowedAndTheOldKeyDropped: after Entra rolls its key over, a token
// of the new key passes (the keys are read again, once) and one of the old key, which the
// JWKS no longer publishes, is refused.
func TestAKeyRolloverIsFollowedAndTheOldKeyDropped(t *testing.T) {
	s := startServer(t)
	a := s.entra.Authority
	if n := s.keyRequests(); n != 1 {
		t.Fatalf("the validator read the keys %d times at its start, want 1", n)
	}
	old := a.SignAccessToken(s.claims())
	a.RotateKey()
	current := a.SignAccessToken(s.claims())
	if _, err := s.check(t, current); err != nil {
		t.Fatalf("a token of the new key: %v", err)
	}
	if n := s.keyRequests(); n != 2 {
		t.Errorf("the keys were read %d times after the rollover, want 2", n)
	}
	_, err := s.check(t, old)
	refusedBecause(t, "a token of the dropped key", old, err, "a key the tenant does not publish")
	for range 3 {
		if _, err := s.check(t, current); err != nil {
			t.Fatal(err)
		}
	}
	if n := s.keyRequests(); n != 2 {
		t.Errorf("the keys were read %d times, want 2: known keys are kept", n)
	}
}

// TestAFloodOfUnknownKeysDoesNotHammerEntra: thousands of tokens naming made-up keys, some
// at once, cause at most one reading of the keys a second, and the same made-up key at most
// one every ten seconds; a real rollover afterwards still works.
func TestAFloodOfUnknownKeysDoesNotHammerEntra(t *testing.T) {
	s := startServer(t)
	claims := s.claims()
	var wg sync.WaitGroup
	for w := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				token := forge(attacker(), map[string]any{"alg": "RS256", "kid": fmt.Sprintf("made-up-%d-%d", w, i)}, claims)
				if _, err := s.check(t, token); err == nil {
					t.Error("a token of a made-up key was accepted")
				}
			}
		}()
	}
	wg.Wait()
	if n := s.keyRequests(); n > 2 {
		t.Errorf("a flood of made-up keys read the keys %d times in one second, want at most 2 (start + 1)", n)
	}

	same := forge(attacker(), map[string]any{"alg": "RS256", "kid": "made-up-again"}, claims)
	s.clock.advance(time.Second)
	before := s.keyRequests()
	for range 10 {
		s.check(t, same)
		s.clock.advance(time.Second - time.Millisecond)
	}
	if n := s.keyRequests() - before; n != 1 {
		t.Errorf("one made-up key read the keys %d times within ten seconds, want 1", n)
	}

	s.clock.advance(time.Second)
	s.entra.Authority.RotateKey()
	if _, err := s.check(t, s.entra.Authority.SignAccessToken(s.with(map[string]any{"exp": s.clock.Now().Add(time.Hour).Unix()}))); err != nil {
		t.Errorf("a rolled-over key after the flood: %v", err)
	}
}

// TestTheKeysAreReadAgainOnASchedule: an hour after the last reading the keys are read in
// the background, so that a key Entra withdrew stops working without a restart.
func TestTheKeysAreReadAgainOnASchedule(t *testing.T) {
	s := startServer(t)
	a := s.entra.Authority
	old := a.SignAccessToken(s.with(map[string]any{"exp": s.clock.Now().Add(3 * time.Hour).Unix()}))
	a.RotateKey()
	if _, err := s.check(t, old); err != nil {
		t.Fatalf("the old key, still cached, was refused before the schedule: %v", err)
	}
	s.clock.advance(61 * time.Minute)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := s.check(t, old)
		if err != nil {
			refusedBecause(t, "the withdrawn key after the scheduled reading", old, err, "does not publish")
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the keys were not read again an hour after the last reading")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
