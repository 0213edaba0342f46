package graph_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data/simtenant"
)

// A full round over a synced cache says how long it has left, and a sync cancelled while
// it reads says so in words and writes nothing; the next sync catches up.
func TestASyncReportsTimeLeftAndCanBeCancelledWhileReading(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 5000})
	a := newCache(t, "")
	sync(t, a, c, false)
	before := cachedDirectory(t, a)
	mustDo(t, s.UpdateUser(s.Users()[0].ID, map[string]any{"surname": "Changed"}))
	s.SetLatency(30 * time.Millisecond)

	ctx, cancel := context.WithCancel(context.Background())
	var sawTimeLeft bool
	_, err := a.Sync(ctx, c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Phase != app.SyncReading {
			return
		}
		if left, ok := p.TimeLeft(); ok && p.Expected == 5000 && left > 0 {
			sawTimeLeft = true
		}
		if p.Pages == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "Sync cancelled; the cache is as it was at ") {
		t.Fatalf("a sync cancelled while reading: %v", err)
	}
	if !sawTimeLeft {
		t.Fatal("a full round over a synced cache gave no time left")
	}
	if after := cachedDirectory(t, a); !reflect.DeepEqual(before, after) {
		t.Fatal("a sync cancelled while reading changed the cache")
	}

	s.SetLatency(0)
	if r := sync(t, a, c, false); r.Users != 1 {
		t.Fatalf("the next sync wrote %d users, want the changed one", r.Users)
	}
	assertSameDirectory(t, a, s)
}

// A sync cancelled while it writes stops between two of its transactions, says so in
// words (not the database's), and the next sync converges: the delta link was not saved,
// so it reads the changes again.
func TestASyncCancelledWhileWritingSaysSoAndTheNextOneConverges(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 4000})
	a := newCache(t, "")
	sync(t, a, c, false)
	people := s.Users()
	for i := range 30 {
		mustDo(t, s.RemoveUser(people[i*7].ID, "deleted"))
		mustDo(t, s.UpdateUser(people[i*7+1].ID, map[string]any{"department": "Moved"}))
	}
	link := savedDeltaLink(t, a)
	ctx, cancel := context.WithCancel(context.Background())
	saving := 0
	_, err := a.Sync(ctx, c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Phase == app.SyncSaving {
			if saving++; saving == 2 {
				cancel()
			}
		}
	}})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "Sync cancelled part-way: ") || !strings.HasSuffix(err.Error(), "sync again to finish.") {
		t.Fatalf("a sync cancelled while writing: %v", err)
	}
	if strings.Contains(err.Error(), "transaction") {
		t.Fatalf("the cancellation speaks of transactions: %v", err)
	}
	if saving != 2 {
		t.Fatalf("the sync went on for %d chunks after the cancel", saving-2)
	}
	if got := savedDeltaLink(t, a); got != link {
		t.Fatal("a cancelled sync saved a delta link")
	}
	sync(t, a, c, false)
	assertSameDirectory(t, a, s)
}
