package auth

import (
	"context"
	"testing"

	"nimbusadmin/data/simtenant"
)

// BenchmarkSilentToken measures what each Graph request pays for its token once signed
// in: MSAL's cache lookup plus reading and checking the encrypted file, no keyring call.
func BenchmarkSilentToken(b *testing.B) {
	tn := startTenant(b, simtenant.AuthorityOptions{AutoApprove: true})
	dir, keys := b.TempDir(), newFakeKeyring(windowsEntryLimit)
	s, err := NewSession(tn.config(dir, keys, func(DeviceCode) {}))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Token(context.Background()); err != nil {
		b.Fatal(err)
	}
	_, before := keys.snapshot()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Token(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if _, after := keys.snapshot(); after != before {
		b.Fatalf("%d keyring calls during silent token requests", after-before)
	}
}
