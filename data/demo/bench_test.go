package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/internal/rawsql"
)

// BenchmarkGenerate2k generates the default-sized demo tenant (2,000 users), as the
// demo mode does at start-up.
func BenchmarkGenerate2k(b *testing.B) { benchmarkGenerate(b, 2000) }

// BenchmarkGenerate100k generates and stores a 100,000-user demo tenant into a fresh
// file per iteration and reports the size of the resulting cache.
func BenchmarkGenerate100k(b *testing.B) { benchmarkGenerate(b, 100_000) }

func benchmarkGenerate(b *testing.B, users int) {
	ctx := context.Background()
	var size int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("demo%d.db", i))
		s, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := Generate(ctx, s, Options{Users: users}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := rawsql.Exec(s.Read(ctx), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			b.Fatal(err)
		}
		size = fileSize(b, path) + fileSize(b, path+"-wal")
		s.Close()
		os.Remove(path)
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

func fileSize(b *testing.B, path string) int64 {
	fi, err := os.Stat(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}
