package app

import (
	"context"
	"slices"
	"testing"

	"nimbusadmin/data/testkit"
)

// A cache that was never synced holds only users added outside a sync (the demo
// generator's, or users added by hand from Microsoft Graph): its first full sync removes
// those the directory no longer has, as it would users an earlier sync brought.
func TestTheFirstFullSyncRemovesHandAddedUsersGoneFromTheDirectory(t *testing.T) {
	store := testkit.DemoStore(t, 16)
	a := New(store, "sync test")
	ctx := context.Background()
	src, err := directoryOf(a)
	if err != nil {
		t.Fatal(err)
	}
	keep := src.users[:0:0]
	var gone []string
	for i, u := range src.users {
		if i%5 == 3 && !slices.Contains(src.admins.Members, u.ID) {
			gone = append(gone, u.ID)
			continue
		}
		keep = append(keep, u)
	}
	src.users = keep
	if _, err := a.Sync(ctx, src, SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	q := store.Read(ctx)
	for _, id := range gone {
		if _, err := q.DirectoryUser(id); err == nil {
			t.Errorf("user %s is gone from the directory, but the first full sync kept them", id)
		}
	}
	n, err := q.CountRows("directory_users")
	if err != nil || n != len(keep) {
		t.Fatalf("the cache holds %d directory users (%v), the directory %d", n, err, len(keep))
	}
}
