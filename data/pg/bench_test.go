package pg

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// users100k is 100,000 rows of about 300 bytes, the size of a large tenant's users.
func users100k() []Row {
	rows := make([]Row, 100_000)
	filler := strings.Repeat("x", 200)
	for i := range rows {
		rows[i] = Row{
			Table: "nimbus_users",
			Key:   json.RawMessage(fmt.Sprintf(`["%08d-0000-4000-8000-000000000000"]`, i)),
			Data:  json.RawMessage(fmt.Sprintf(`{"display_name":"User %d","upn":"user%d@contoso.example","notes":%q}`, i, i, filler)),
		}
	}
	return rows
}

// Writing a whole tenant in one transaction (server import, a first sync).
func BenchmarkPut100k(b *testing.B) {
	db := open(b)
	rows := users100k()
	b.SetBytes(int64(len(rows)) * 300)
	b.ResetTimer()
	for b.Loop() {
		if err := db.Write(context.Background(), func(tx *Tx) error { return tx.Put(rows) }); err != nil {
			b.Fatal(err)
		}
	}
}

// Reading a whole tenant from cursor 0: the snapshot of a new replica.
func BenchmarkFeed100k(b *testing.B) {
	db := open(b)
	put(b, db, users100k()...)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		if _, err := db.Feed(context.Background(), 0, func(Row) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != 100_000 {
			b.Fatalf("the feed gave %d rows", n)
		}
	}
}
