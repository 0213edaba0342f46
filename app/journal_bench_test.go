package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// BenchmarkJournalPage counts and reads the first page of a journal of 200,000 entries,
// whole and filtered by user, admin, kind and date (target: count and first page under
// 100 ms each), as the History view does when it opens or a filter changes.
func BenchmarkJournalPage(b *testing.B) {
	ctx := context.Background()
	org := testkit.Org(b)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	kinds := []string{"user.licences", "user.profile.add", "service.member.add", "ou.rename", "sync.user.join"}
	err := org.Store.Tx(ctx, func(q *data.Q) error {
		for i := 0; i < 200_000; i++ {
			upn := fmt.Sprintf("user%d@contoso.example", i%5000)
			e := data.JournalEntry{At: data.Timestamp(start.Add(time.Duration(i) * time.Minute)),
				Actor: fmt.Sprintf("admin%d@contoso.example", i%20), Action: kinds[i%len(kinds)],
				Target: upn, Old: "Contact Center", New: "Contact Center, Interact", UserUPN: upn}
			if i%1000 == 0 {
				e.Action = "config.skills.create"
			}
			if err := q.Journal(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	a := New(org.Store, testkit.OrgAdmin)
	from := start.Add(100_000 * time.Minute)
	for _, bc := range []struct {
		name string
		jq   JournalQuery
	}{
		{"all", JournalQuery{}},
		{"user", JournalQuery{User: "user42@contoso.example"}},
		{"admin", JournalQuery{Admin: "admin7@contoso.example"}},
		{"kind", JournalQuery{Kind: "user"}},
		{"rare kind", JournalQuery{Kind: "config"}},
		{"dates", JournalQuery{From: from, Before: from.Add(24 * time.Hour)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				n, err := a.JournalCount(ctx, bc.jq)
				if err != nil || n == 0 {
					b.Fatalf("count %d: %v", n, err)
				}
				page, err := a.JournalPage(ctx, bc.jq, 0, 100)
				if err != nil || len(page) == 0 {
					b.Fatalf("page of %d: %v", len(page), err)
				}
			}
		})
	}
}
