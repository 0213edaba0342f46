package server_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/teamclient"
)

func TestFiftyAdminsConnectedAndTwentyWritingLoseNoUpdate(t *testing.T) {
	ctx := context.Background()
	tm, ta, a := importedTeam(t, 200)
	parent := root(t, a.App)
	const admins, writers, each = 50, 20, 10
	replicas := make([]*app.App, admins)
	clients := make([]*teamclient.Client, admins)
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	for i := range admins {
		r, err := app.OpenReplica(filepath.Join(t.TempDir(), fmt.Sprintf("admin-%d.db", i)), ta.UPN)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		replicas[i], clients[i] = r, a.Client.With(r)
		r.SetRemote(clients[i])
		if _, err := clients[i].CatchUp(ctx, 0); err != nil {
			t.Fatal(err)
		}
		if i >= writers { // the others follow the feed, as open windows do
			go clients[i].Follow(fctx, nil)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if _, err := replicas[w].Do(ctx, app.CreateOU{Parent: parent, Name: fmt.Sprintf("Writer %d change %d", w, i)}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a writer's change: %v", err)
	}
	// Every replica, writer or follower, ends with every change.
	deadline := time.Now().Add(10 * time.Second)
	for i, r := range replicas {
		for {
			if i < writers {
				clients[i].CatchUp(ctx, 0)
			}
			tree, err := r.OUTree(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, id := range tree.Children(parent) {
				if strings.HasPrefix(tree.Name(id), "Writer ") {
					n++
				}
			}
			if n == writers*each {
				break
			} else if time.Now().After(deadline) {
				t.Fatalf("admin %d's replica holds %d of the %d OUs written", i, n, writers*each)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	stop()
	tm.Stop()
}
