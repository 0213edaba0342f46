package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// BenchmarkEditDuringSync100k: the first sync of 100,000 users into a cache where an
// admin already added 200 of them by hand, while the admin changes their licences through
// the app (one change every 20 ms, granting or revoking Attendant Console): how long each
// change takes, waiting for the cache included. The sync writes in short transactions, so
// no change waits for more than one of them.
func BenchmarkEditDuringSync100k(b *testing.B) {
	ctx := context.Background()
	s, c := startTenant(b, simtenant.Options{Users: benchUsers})
	people := s.Users()
	var edits []time.Duration
	var writing atomic.Bool
	whileWriting := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		a := newCache(b, filepath.Join(b.TempDir(), fmt.Sprintf("edit-%d.db", time.Now().UnixNano())))
		root := rootOU(b, a)
		var users []string
		for i := 0; i < len(people) && len(users) < 200; i += 499 {
			mustDo(b, a.AddUserFromDirectory(ctx, people[i], root, data.ContactCenter))
			users = append(users, people[i].ID)
		}
		b.StartTimer()
		done := make(chan error, 1)
		go func() {
			res, err := a.Sync(ctx, c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
				writing.Store(p.Phase != app.SyncReading && p.Phase != app.SyncTeams)
			}})
			if err == nil && res.Users != benchUsers {
				b.Errorf("synced %d users", res.Users)
			}
			done <- err
		}()
		tick := time.NewTicker(20 * time.Millisecond)
		for running, k := true, 0; running; k++ {
			select {
			case err := <-done:
				mustDo(b, err)
				running = false
			case <-tick.C:
				user := users[k%len(users)]
				start := time.Now()
				var err error
				if (k/len(users))%2 == 0 {
					err = a.GrantLicence(ctx, user, data.AttendantConsole)
				} else {
					err = a.RevokeLicence(ctx, user, data.AttendantConsole)
				}
				edits = append(edits, time.Since(start))
				if writing.Load() {
					whileWriting++
				}
				mustDo(b, err)
			}
		}
		tick.Stop()
		b.StopTimer()
		a.Store().Close()
		b.StartTimer()
	}
	b.StopTimer()
	if len(edits) == 0 {
		b.Fatal("no edit was made while the sync ran")
	}
	slices.Sort(edits)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(edits[(len(edits)*95+99)/100-1]), "p95-edit-ms")
	b.ReportMetric(ms(edits[len(edits)-1]), "max-edit-ms")
	b.ReportMetric(float64(len(edits))/float64(b.N), "edits")
	b.ReportMetric(float64(whileWriting)/float64(b.N), "edits-while-writing")
}
