package app

import (
	"context"
	"testing"

	"nimbusadmin/data/testkit"
)

// BenchmarkChecks100k runs every integrity check on a demo tenant of 100,000 users; the
// bar is one second.
func BenchmarkChecks100k(b *testing.B) {
	a := New(testkit.DemoStore(b, 100000), "bench@contoso.example")
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.Checks(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
