package pg

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// fallbackTick wakes the feed's followers even when no notification arrives (a commit
// by an older server, a notification lost with a connection), so a long poll answers
// within it.
var fallbackTick = time.Second

// Changed is a channel closed when a commit may have made new rows visible: a commit's
// notification on nimbus_rows, a reconnection of the listening connection (notifications
// may have been missed), or the periodic fallback tick. Call it again after each wake
// for the next one. The first call starts the listening connection.
func (db *DB) Changed() <-chan struct{} {
	db.listenOnce.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		db.stopListen = cancel
		db.listening.Add(2)
		go db.listen(ctx)
		go db.tick(ctx)
	})
	db.changedMu.Lock()
	defer db.changedMu.Unlock()
	return db.changed
}

// wake closes the current Changed channel and opens the next.
func (db *DB) wake() {
	db.changedMu.Lock()
	defer db.changedMu.Unlock()
	close(db.changed)
	db.changed = make(chan struct{})
}

func (db *DB) tick(ctx context.Context) {
	defer db.listening.Done()
	t := time.NewTicker(fallbackTick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			db.wake()
		}
	}
}

// listen keeps a dedicated connection listening on nimbus_rows, reconnecting after a
// pause when PostgreSQL goes away, until ctx ends.
func (db *DB) listen(ctx context.Context) {
	defer db.listening.Done()
	pause := 100 * time.Millisecond
	for ctx.Err() == nil {
		if db.listenUntilDropped(ctx) {
			pause = 100 * time.Millisecond
		}
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// listenUntilDropped connects, listens and wakes the followers on each notification until the
// connection fails; it tells whether it got as far as listening.
func (db *DB) listenUntilDropped(ctx context.Context) (listened bool) {
	conn, err := pgx.ConnectConfig(ctx, db.pool.Config().ConnConfig.Copy())
	if err != nil {
		return false
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		return false
	}
	db.wake() // what committed while nobody listened
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return true
		}
		db.wake()
	}
}
