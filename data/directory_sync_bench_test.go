package data_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// BenchmarkWriteFullRound measures the store side alone: 100,000 decoded users written
// as one full round, in id order and in chunks of 2,000, each chunk committed on its own
// as a sync writes them.
func BenchmarkWriteFullRound(b *testing.B) {
	const n = 100_000
	users := make([]data.DirectoryUserChange, n)
	yes := true
	for i := range users {
		users[i] = data.DirectoryUserChange{User: data.DirectoryUser{ID: fmt.Sprintf("%08x-4a3b-4c5d-8e6f-%012x", i*2654435761%(1<<32), i),
			DisplayName: "Person Name", GivenName: "Person", Surname: "Name", UPN: fmt.Sprintf("person%d@contoso.example", i),
			Mail: fmt.Sprintf("person%d@contoso.example", i), Department: "Support", JobTitle: "Agent", AccountEnabled: &yes},
			Carried: data.FieldDisplayName | data.FieldGivenName | data.FieldSurname | data.FieldUPN | data.FieldMail |
				data.FieldDepartment | data.FieldJobTitle | data.FieldAccountEnabled}
	}
	slices.SortFunc(users, func(x, y data.DirectoryUserChange) int { return strings.Compare(x.User.ID, y.User.ID) })
	for range b.N {
		b.StopTimer()
		s := openCache(b)
		b.StartTimer()
		var round int64
		for chunk := range slices.Chunk(users, 2000) {
			err := s.Tx(context.Background(), func(q *data.Q) error {
				var err error
				if round == 0 {
					if round, _, err = q.NextSyncRound(); err != nil {
						return err
					}
				}
				_, _, err = q.WriteDirectoryUsers(chunk, round, true)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "users/s")
}
