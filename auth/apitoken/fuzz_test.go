package apitoken_test

import (
	"strings"
	"testing"
)

// FuzzCheck: whatever a caller sends as a bearer token, Check neither panics nor accepts
// it, unless it is the tenant's own signed token untouched.
func FuzzCheck(f *testing.F) {
	s := startServer(f)
	good := s.entra.Authority.SignAccessToken(s.claims())
	parts := strings.Split(good, ".")
	for _, seed := range []string{"", ".", "..", "a.b.c", parts[0] + "." + parts[1] + ".",
		parts[0] + ".e30." + parts[2], "eyJhbGciOiJub25lIn0." + parts[1] + ".", good[:len(good)-1]} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, bearer string) {
		_, err := s.check(t, bearer)
		if err == nil && strings.TrimSpace(bearer) != good {
			t.Errorf("a bearer string other than the signed token passed: %q", bearer)
		}
	})
}
