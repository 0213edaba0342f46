package pg

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"nimbusadmin/data/pg/pgtest"
)

// Two servers each bring their copy up to date (Since) and write: under SERIALIZABLE the
// second to commit must run again and then see the first one's row, so neither change is
// lost nor made on a stale copy.
func TestWritersThatReadSinceConflictAndOneRunsAgainSeeingTheOther(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	var bothRead sync.WaitGroup
	bothRead.Add(2)
	var attempts atomic.Int32
	seen := make([][]Row, 2) // what each writer's last attempt read
	write := func(i int, id string) error {
		first := true
		return db.Write(ctx, func(tx *Tx) error {
			attempts.Add(1)
			rows, err := tx.Since(0)
			if err != nil {
				return err
			}
			seen[i] = rows
			if first { // both read before either writes
				first = false
				bothRead.Done()
				bothRead.Wait()
			}
			return tx.Put([]Row{row(id, `{}`)})
		})
	}
	errs := make(chan error, 2)
	go func() { errs <- write(0, "a") }()
	go func() { errs <- write(1, "b") }()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := attempts.Load(); n < 3 {
		t.Fatalf("the two transactions ran %d times: the one that read a stale copy was not run again", n)
	}
	if len(seen[0])+len(seen[1]) != 1 {
		t.Fatalf("the writers' last attempts read %d and %d rows: the one that ran again must see the other's row", len(seen[0]), len(seen[1]))
	}
	got, _ := feed(t, db, 0)
	if len(got) != 2 {
		t.Fatalf("after both writes the store holds\n%s", text(got))
	}
}

// A transaction with a lower id that commits after one with a higher id: a follower
// polling the feed in between must not move its cursor past the late one, and gets both.
func TestTheFeedNeverSkipsATransactionThatCommitsLate(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	put(t, db, row("before", `{}`))
	_, cursor := feed(t, db, 0)

	holding, release := make(chan struct{}), make(chan struct{})
	var released sync.Once
	let := func() { released.Do(func() { close(release) }) }
	t.Cleanup(let) // a failing test lets the transaction end, or closing the DB would wait for it
	lateDone := make(chan error, 1)
	go func() {
		lateDone <- db.Write(ctx, func(tx *Tx) error {
			if err := tx.Put([]Row{row("late", `{}`)}); err != nil { // takes its id now
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	put(t, db, row("early", `{}`)) // a higher id, committed first

	got, next := feed(t, db, cursor)
	if len(got) != 0 {
		t.Fatalf("while the late transaction runs the feed gives\n%s\nbeyond its id: the late one would be skipped", text(got))
	}
	let()
	if err := <-lateDone; err != nil {
		t.Fatal(err)
	}
	var all []Row
	for range 10 {
		got, next = feed(t, db, next)
		all = append(all, got...)
		if len(all) >= 2 {
			break
		}
	}
	if want := []Row{row("late", `{}`), row("early", `{}`)}; text(all) != text(want) {
		t.Fatalf("after the late commit the feed gives\n%s\nwant, in transaction order\n%s", text(all), text(want))
	}
}

// Reading the feed again from an old cursor (a replica that crashed before saving the
// next one) gives the rows again, at their latest version.
func TestReadingTheFeedAgainFromTheSameCursorIsHarmless(t *testing.T) {
	db := open(t)
	put(t, db, row("a", `{"v":1}`), row("b", `{"v":1}`))
	first, next := feed(t, db, 0)
	again, nextAgain := feed(t, db, 0)
	if text(first) != text(again) || next != nextAgain {
		t.Fatalf("the same cursor gave\n%s(next %d) then\n%s(next %d)", text(first), next, text(again), nextAgain)
	}
	put(t, db, row("a", `{"v":2}`))
	got, _ := feed(t, db, 0)
	if want := []Row{row("b", `{"v":1}`), row("a", `{"v":2}`)}; text(got) != text(want) {
		t.Fatalf("got\n%s\nwant\n%s", text(got), text(want))
	}
}

func TestACommitWakesTheFollowersAtOnce(t *testing.T) {
	saved := fallbackTick
	fallbackTick = time.Hour // only the notification can wake them
	t.Cleanup(func() { fallbackTick = saved })
	url := pgtest.NewDB(t)
	writer, follower := openURL(t, url), openURL(t, url)
	<-follower.Changed() // listening: the first wake says so
	changed := follower.Changed()
	start := time.Now()
	put(t, writer, row("a", `{}`))
	select {
	case <-changed:
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Fatalf("woken after %v", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a commit on another connection did not wake the follower")
	}
}

func TestTheFallbackTickWakesTheFollowersWithoutANotification(t *testing.T) {
	saved := fallbackTick
	fallbackTick = 50 * time.Millisecond
	t.Cleanup(func() { fallbackTick = saved })
	db := open(t)
	for range 3 {
		select {
		case <-db.Changed():
		case <-time.After(5 * time.Second):
			t.Fatal("no wake")
		}
	}
}

func TestAnErrorOfTheChangeIsReturnedAsItIsAndWritesNothing(t *testing.T) {
	db := open(t)
	refused := context.Canceled // any error of fn's own
	runs := 0
	err := db.Write(context.Background(), func(tx *Tx) error {
		runs++
		if err := tx.Put([]Row{row("a", `{}`)}); err != nil {
			return err
		}
		return refused
	})
	if err != refused || runs != 1 {
		t.Fatalf("got %v after %d runs, want the change's own error after one", err, runs)
	}
	if got, _ := feed(t, db, 0); len(got) != 0 {
		t.Fatalf("a refused change wrote\n%s", text(got))
	}
}
