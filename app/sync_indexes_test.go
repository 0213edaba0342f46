package app

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// emptyCache is a new cache holding a tenant and no directory, as before its first sync.
func emptyCache(t *testing.T) *App {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "first.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Tx(context.Background(), func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: "t", TenantName: "Contoso"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return New(s, "sync test")
}

// indexesMissing reports, at each saving step of a sync, whether the directory's indexes
// were missing then.
func indexesMissing(a *App, seen *[]bool) func(SyncProgress) {
	return func(p SyncProgress) {
		if p.Phase == SyncSaving {
			missing, _ := a.store.Read(context.Background()).DirectoryIndexesMissing()
			*seen = append(*seen, missing)
		}
	}
}

// A large first sync writes its users without the directory's indexes and builds them
// once at the end, so that it does not pay for keeping them up to date chunk by chunk; a
// small one keeps them. Either way the cache ends indexed, and a sync stopped before
// building them leaves that to the next sync.
func TestAFirstLargeSyncBuildsTheDirectoryIndexesOnceAtTheEnd(t *testing.T) {
	defer smallSyncChunks()()
	src, err := directoryOf(New(testkit.DemoStore(t, 60), "source"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	small := emptyCache(t)
	var seen []bool
	if _, err := small.Sync(ctx, src, SyncOptions{Progress: indexesMissing(small, &seen)}); err != nil {
		t.Fatal(err)
	}
	for i, missing := range seen {
		if missing {
			t.Fatalf("a first sync of %d users (fewer than %d) dropped the indexes (saving step %d)", len(src.users), syncBulkUsers, i)
		}
	}

	defer func(n int) { syncBulkUsers = n }(syncBulkUsers)
	syncBulkUsers = len(src.users) / 2
	large := emptyCache(t)
	seen = nil
	if _, err := large.Sync(ctx, src, SyncOptions{Progress: indexesMissing(large, &seen)}); err != nil {
		t.Fatal(err)
	}
	if len(seen) < 2 || !seen[0] {
		t.Fatalf("a first sync of %d users kept the indexes up to date while saving: %v", len(src.users), seen)
	}
	if missing, err := large.store.Read(ctx).DirectoryIndexesMissing(); err != nil || missing {
		t.Fatalf("after the first sync the directory's indexes are missing: %v (%v)", missing, err)
	}
	if got, want := syncedState(t, large), syncedState(t, small); got != want {
		t.Fatalf("the first large sync cached\n%s\nthe small one\n%s", got, want)
	}

	stopped := emptyCache(t)
	cctx, cancel := context.WithCancel(ctx)
	_, err = stopped.Sync(cctx, src, SyncOptions{Progress: func(p SyncProgress) {
		if p.Phase == SyncSaving {
			cancel()
		}
	}})
	cancel()
	var c *SyncCancelled
	if !errors.As(err, &c) || !c.PartWay {
		t.Fatalf("cancelled while saving: %v", err)
	}
	if missing, _ := stopped.store.Read(ctx).DirectoryIndexesMissing(); !missing {
		t.Fatal("the sync cancelled while saving had not dropped the indexes: this test no longer tests the next sync")
	}
	if _, err := stopped.Sync(ctx, src, SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if missing, err := stopped.store.Read(ctx).DirectoryIndexesMissing(); err != nil || missing {
		t.Fatalf("the sync after a stopped first sync left the indexes missing: %v (%v)", missing, err)
	}
}
