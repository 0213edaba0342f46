package app

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// The stage hands a round back whole, in id order, with every property as read and the
// entries of one user in the order they were read, also when it keeps them in its file.
func TestTheSyncStageHandsARoundBackInIdOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	yes := true
	var read []data.DirectoryUserChange
	st := newSyncStage()
	defer st.close()
	for page := range 40 {
		var changes []data.DirectoryUserChange
		for i := range 999 {
			c := data.DirectoryUserChange{User: data.DirectoryUser{ID: fmt.Sprintf("%08x", r.Uint32()),
				DisplayName: fmt.Sprintf("Person Ü%d \"q\"", i), UPN: fmt.Sprintf("p%d.%d@contoso.example", page, i), Mail: strings.Repeat("m", i%200)},
				Carried: data.FieldDisplayName | data.FieldUPN, Null: data.FieldJobTitle}
			if i%3 == 0 {
				c.User.AccountEnabled = &yes
			}
			if i%50 == 0 && len(read) > 0 {
				c = data.DirectoryUserChange{User: data.DirectoryUser{ID: read[r.IntN(len(read))].User.ID}, Removed: true}
			}
			changes = append(changes, c)
		}
		read = append(read, changes...)
		if err := st.add(changes); err != nil {
			t.Fatal(err)
		}
	}
	if st.file == nil || st.count != len(read) {
		t.Fatalf("a round of %d users was not kept in the stage's file (%d staged)", len(read), st.count)
	}
	want := slices.Clone(read)
	slices.SortStableFunc(want, func(a, b data.DirectoryUserChange) int { return strings.Compare(a.User.ID, b.User.ID) })
	var got []data.DirectoryUserChange
	chunks := 0
	if err := st.each(1000, func(c []data.DirectoryUserChange) error {
		if len(c) > 1000 {
			t.Fatalf("a chunk of %d", len(c))
		}
		chunks++
		got = append(got, c...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if chunks != (len(read)+999)/1000 || !reflect.DeepEqual(got, want) {
		t.Fatalf("the stage handed back %d changes in %d chunks, not the %d read in id order", len(got), chunks, len(want))
	}
}
