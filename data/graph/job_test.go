package graph_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data/simtenant"
)

func TestASyncJobReportsTimeLeftAndCanBeCancelled(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 5000})
	a := newCache(t, "")
	sync(t, a, c, false)
	before := cachedDirectory(t, a)
	mustDo(t, s.UpdateUser(s.Users()[0].ID, map[string]any{"surname": "Changed"}))
	s.SetLatency(30 * time.Millisecond)

	var job *app.SyncJob
	started := make(chan struct{})
	var sawTimeLeft bool
	job = a.StartSync(context.Background(), c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Phase != "users" {
			return
		}
		if left, ok := p.TimeLeft(); ok && p.Expected == 5000 && left > 0 {
			sawTimeLeft = true
		}
		if p.Pages == 2 {
			<-started
			job.Cancel()
		}
	}}, nil)
	close(started)
	if _, err := job.Wait(); err == nil {
		t.Fatal("a cancelled sync job reported success")
	}
	if !sawTimeLeft {
		t.Fatal("a full round over a synced cache gave no time left")
	}
	if after := cachedDirectory(t, a); !reflect.DeepEqual(before, after) {
		t.Fatal("a cancelled sync job changed the cache")
	}

	finished := make(chan app.SyncResult, 1)
	job = a.StartSync(context.Background(), c, app.SyncOptions{}, func(r app.SyncResult, err error) {
		if err != nil {
			t.Error(err)
		}
		finished <- r
	})
	if r := <-finished; r.Users != 1 {
		t.Fatalf("the second job wrote %d users, want the changed one", r.Users)
	}
	if _, err := job.Wait(); err != nil {
		t.Fatal(err)
	}
	assertSameDirectory(t, a, s)
}
