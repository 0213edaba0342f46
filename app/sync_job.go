package app

import (
	"context"
	"time"
)

// SyncJob is one sync running off the caller's goroutine, for the window: it can be
// cancelled (the cache then keeps its previous state) and waited for.
type SyncJob struct {
	cancel context.CancelFunc
	done   chan struct{}
	res    SyncResult
	err    error
}

// StartSync starts a sync in its own goroutine and returns at once. o.Progress and
// finished are called from that goroutine (the window hands them to its UI goroutine);
// finished may be nil.
func (a *App) StartSync(ctx context.Context, src DirectorySource, o SyncOptions, finished func(SyncResult, error)) *SyncJob {
	ctx, cancel := context.WithCancel(ctx)
	j := &SyncJob{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		defer cancel()
		j.res, j.err = a.Sync(ctx, src, o)
		if finished != nil {
			finished(j.res, j.err)
		}
	}()
	return j
}

// Cancel stops the sync; nothing it read is committed.
func (j *SyncJob) Cancel() { j.cancel() }

// Wait blocks until the sync ended and returns its outcome.
func (j *SyncJob) Wait() (SyncResult, error) {
	<-j.done
	return j.res, j.err
}

// TimeLeft estimates the rest of the users phase from the pace so far, when the number
// of users to expect is known (a full round over a cache that was synced before);
// ok is false when it is not.
func (p SyncProgress) TimeLeft() (left time.Duration, ok bool) {
	if p.Expected <= 0 || p.Users <= 0 || p.Phase != "users" {
		return 0, false
	}
	remaining := max(0, p.Expected-p.Users)
	return time.Duration(float64(p.Elapsed) / float64(p.Users) * float64(remaining)), true
}
