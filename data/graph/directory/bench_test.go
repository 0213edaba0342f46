package directory

import (
	"context"
	"fmt"
	"testing"

	"nimbusadmin/data"
)

// BenchmarkWriteFullRound measures the store side alone: 100,000 decoded users written
// as one full round (in pages of 999) and committed.
func BenchmarkWriteFullRound(b *testing.B) {
	const n = 100_000
	users := make([]User, n)
	for i := range users {
		str := func(s string) Field[string] { return Field[string]{Set: true, Value: s} }
		users[i] = User{ID: fmt.Sprintf("%08x-4a3b-4c5d-8e6f-%012x", i*2654435761%(1<<32), i), DisplayName: str("Person Name"),
			GivenName: str("Person"), Surname: str("Name"), UserPrincipalName: str(fmt.Sprintf("person%d@contoso.example", i)),
			Mail: str(fmt.Sprintf("person%d@contoso.example", i)), Department: str("Support"), JobTitle: str("Agent"),
			AccountEnabled: Field[bool]{Set: true, Value: true}}
	}
	for range b.N {
		b.StopTimer()
		s := openCache(b)
		b.StartTimer()
		err := s.Tx(context.Background(), func(q *data.Q) error {
			q.Exec(`PRAGMA cache_size = -98304`)
			w, err := NewWriter(q, true)
			if err != nil {
				return err
			}
			defer w.Close()
			for start := 0; start < n; start += 999 {
				if err := w.WriteUsers(users[start:min(n, start+999)]); err != nil {
					return err
				}
			}
			return w.Sweep()
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "users/s")
}
