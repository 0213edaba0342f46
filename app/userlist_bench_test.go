package app

import (
	"context"
	"runtime"
	"testing"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// BenchmarkOpenCache100k opens a 100,000-user demo cache and loads the user index the
// window paints first (target: under 1 s), and reports the heap the index holds.
func BenchmarkOpenCache100k(b *testing.B) {
	ctx := context.Background()
	s := testkit.DemoStore(b, 100_000)
	path := s.Path()
	s.Close() // each round opens the file anew
	var ix *userlist.Index
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		store, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		ix, err = New(store, "bench").LoadUserIndex(ctx)
		if err != nil {
			b.Fatal(err)
		}
		userlist.NewView(ix).Apply(userlist.Filter{})
		b.StopTimer()
		store.Close()
		b.StartTimer()
	}
	b.StopTimer()
	if len(ix.Rows) != 100_000 {
		b.Fatalf("loaded %d users", len(ix.Rows))
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(ix)
}
