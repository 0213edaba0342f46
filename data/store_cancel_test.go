package data_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// A transaction whose context is cancelled after its statements ran and before its
// commit writes nothing and says it was cancelled: never "transaction has already been
// committed or rolled back", which is what database/sql says when its own rollback on
// cancel wins the race against the commit.
func TestATxCancelledBeforeItsCommitSaysCancelledAndWritesNothing(t *testing.T) {
	s := testkit.Store(t)
	for i := range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		err := s.Tx(ctx, func(q *data.Q) error {
			if _, err := q.InitTenant(data.TenantSettings{TenantID: "t", TenantName: "T"}); err != nil {
				return err
			}
			cancel()
			time.Sleep(time.Duration(i%4) * time.Millisecond) // let database/sql's watcher see the cancel
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("try %d: a transaction cancelled before its commit: %v", i, err)
		}
		if _, err := s.Read(context.Background()).TenantSettings(); !errors.Is(err, data.ErrNotFound) {
			t.Fatalf("try %d: a cancelled transaction wrote a tenant: %v", i, err)
		}
	}
}
