package data_test

import (
	"context"
	"testing"

	"nimbusadmin/data/testkit"
)

// Releasing the idle connections' memory leaves the cache as readable as before.
func TestTheCacheReadsOnAfterItsMemoryIsReleased(t *testing.T) {
	s := testkit.DemoStore(t, 50)
	q := s.Read(context.Background())
	before, err := q.UserListRows()
	if err != nil {
		t.Fatal(err)
	}
	s.ReleaseMemory()
	after, err := q.UserListRows()
	if err != nil || len(after) != len(before) {
		t.Fatalf("after releasing memory the list reads %d users (%v), before %d", len(after), err, len(before))
	}
}
