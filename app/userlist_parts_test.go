package app

import (
	"context"
	"slices"
	"testing"
)

// The list read in parts holds every user of the list read whole, each once.
func TestTheUserListReadInPartsHoldsEveryUserOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	whole, err := f.app.LoadUserIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := f.app.LoadUserIndexInParts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if parts.Total() != len(whole.Rows) {
		t.Fatalf("the parts expect %d users, the list holds %d", parts.Total(), len(whole.Rows))
	}
	var ids []string
	for n := 0; ; n++ {
		ix, done, err := parts.Next(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(ix.Rows) > 2*(n+1) {
			t.Fatalf("after %d parts of 2 the index holds %d users", n+1, len(ix.Rows))
		}
		if done {
			for _, r := range ix.Rows {
				ids = append(ids, r.ID)
			}
			break
		}
	}
	var want []string
	for _, r := range whole.Rows {
		want = append(want, r.ID)
	}
	slices.Sort(ids)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Fatalf("read in parts: %v\nwhole: %v", ids, want)
	}
}
