package app

import (
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// benchmarkConfigItems measures what a kind's screen costs to open in a demo tenant
// of the given size: every item with its OU and where it is used.
func benchmarkConfigItems(b *testing.B, users int, k data.ConfigKind) {
	a := New(testkit.DemoStore(b, users), "bench")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := a.ConfigItems(ctx, k)
		if err != nil || len(items) == 0 {
			b.Fatal(len(items), err)
		}
	}
}

// BenchmarkConfigSkills100k opens the skills list (23 skills, held by users and
// profiles) in a 100,000-user tenant.
func BenchmarkConfigSkills100k(b *testing.B) {
	benchmarkConfigItems(b, 100_000, data.ConfigSkills)
}

// BenchmarkConfigNAReasons100k opens the N/A reasons list in a 100,000-user tenant.
func BenchmarkConfigNAReasons100k(b *testing.B) {
	benchmarkConfigItems(b, 100_000, data.ConfigNAReasons)
}
