package graph_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// BenchmarkEditDuringSync100k: a full sync of 100,000 users over a synced cache while an
// admin changes licences through the app (one change every 20 ms, granting or revoking
// Attendant Console of existing Nimbus users): how long each change takes, queueing for
// the cache included. The sync writes in short transactions, so no change waits for more
// than one of them.
func BenchmarkEditDuringSync100k(b *testing.B) {
	ctx := context.Background()
	s, c := startTenant(b, simtenant.Options{Users: benchUsers})
	a := newCache(b, "")
	sync(b, a, c, false)
	root := rootOU(b, a)
	people := s.Users()
	var users []string
	for i := 0; i < len(people) && len(users) < 200; i += 499 {
		mustDo(b, a.AddUser(ctx, people[i].ID, root, data.ContactCenter))
		users = append(users, people[i].ID)
	}
	var edits []time.Duration
	b.ResetTimer()
	for range b.N {
		done := make(chan error, 1)
		go func() {
			res, err := a.Sync(ctx, c, app.SyncOptions{Full: true})
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
				mustDo(b, err)
			}
		}
		tick.Stop()
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
}
