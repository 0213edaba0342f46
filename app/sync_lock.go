package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/data"
)

// SyncRunning refuses a sync of a cache another sync is writing (another process, or the
// window while the command line syncs), at once and saying whose sync it is, so that the
// admin neither waits for nor races the running one.
type SyncRunning struct {
	Holder data.SyncHolder
}

// Error says that a sync is running: "a sync is already running (started 10:41 by PID 1234)".
func (e *SyncRunning) Error() string {
	return "a sync is already running (" + e.Holder.String() + "); wait for it to finish, then sync again if you need to"
}

// lockSync takes the cache's sync lock for one sync, or refuses with *SyncRunning.
func (a *App) lockSync() (*data.SyncLock, error) {
	l, err := a.store.LockSync()
	var held *data.SyncInProgress
	if errors.As(err, &held) {
		return nil, &SyncRunning{Holder: held.Holder}
	}
	return l, err
}

// lockDemoGeneration takes the cache's sync lock while the demo tenant is generated into
// it, so that a second process opening the same demo cache meanwhile waits for the whole
// demo (and says so) instead of generating a second one or failing on a busy cache.
func lockDemoGeneration(ctx context.Context, store *data.Store, o SessionOptions) (*data.SyncLock, error) {
	return store.WaitSyncLock(ctx, func(h data.SyncHolder) {
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "Another process is generating the demo tenant in %s (%s); waiting for it…\n", store.Path(), h)
		}
	})
}
