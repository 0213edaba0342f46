package online

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/demo"
	"nimbusadmin/data/testkit"
)

// A demo sync cancelled before the sync itself begins (while its simulated tenant starts
// or signs in) says so in the same words as one cancelled later before it wrote, not as
// Go's "context canceled" or a failed sign-in, and leaves the cache as it was.
func TestADemoSyncCancelledBeforeItBeginsSaysTheCacheIsAsItWas(t *testing.T) {
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := demo.Generate(ctx, store, demo.Options{Users: 30}); err != nil {
		t.Fatal(err)
	}
	tenant := &Tenant{App: app.New(store, "test admin")}
	before := testkit.Digest(t, store)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = tenant.Sync(cancelled, app.SyncOptions{}, nil)
	want := "Sync cancelled; the cache is as it was before this sync (it was never synced completely)."
	if !errors.Is(err, context.Canceled) || err.Error() != want {
		t.Fatalf("a demo sync cancelled before it began: %v, want %q", err, want)
	}
	if testkit.Digest(t, store) != before {
		t.Fatal("a demo sync cancelled before it began changed the cache")
	}
}
