package graph_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/simtenant"
)

func TestThrottlingHonoursRetryAfter(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 1500})
	a := newCache(t, "")
	s.Inject(simtenant.Fault{Path: "/users/delta", Status: 429, RetryAfter: "2"})
	start := time.Now()
	sync(t, a, c, false)
	if waited := time.Since(start); waited < 2*time.Second {
		t.Fatalf("the sync finished %v after a 429 with Retry-After: 2", waited)
	}
	if s.Stats().Faults != 1 {
		t.Fatal("the fault was not met")
	}
	assertSameDirectory(t, a, s)
}

func TestServiceUnavailableAndGatewayTimeoutAreRetried(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 1500})
	a := newCache(t, "")
	s.Inject(simtenant.Fault{Path: "/users/delta", Status: 503}, simtenant.Fault{Path: "/members", Status: 504, RetryAfter: "0"})
	sync(t, a, c, false)
	if s.Stats().Faults != 2 {
		t.Fatalf("%d faults met, want 2", s.Stats().Faults)
	}
	assertSameDirectory(t, a, s)
}

func TestACutBodyIsRetriedAndNeverTakenAsWhole(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 2500})
	a := newCache(t, "")
	s.Inject(simtenant.Fault{Path: "/users/delta", Cut: true}, simtenant.Fault{Path: "/users/delta", Drop: true})
	sync(t, a, c, false)
	assertSameDirectory(t, a, s)

	// When every attempt is cut, the sync fails and the cache keeps its last state.
	before := cachedDirectory(t, a)
	mustDo(t, s.UpdateUser(s.Users()[0].ID, map[string]any{"displayName": "Changed"}))
	for range 10 {
		s.Inject(simtenant.Fault{Path: "/users/delta", Cut: true})
	}
	if _, err := a.Sync(context.Background(), c, app.SyncOptions{}); err == nil {
		t.Fatal("a sync whose every attempt was cut succeeded")
	}
	if after := cachedDirectory(t, a); !reflect.DeepEqual(before, after) {
		t.Fatal("a failed sync changed the cache")
	}
}

func TestCancellationLeavesThePreviousState(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 3000})
	a := newCache(t, "")
	sync(t, a, c, false)
	before := cachedDirectory(t, a)
	mustDo(t, s.RemoveUser(s.Users()[10].ID, "deleted"))
	s.SetLatency(20 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := a.Sync(ctx, c, app.SyncOptions{Full: true, Progress: func(p app.SyncProgress) {
		if p.Pages == 1 {
			cancel()
		}
	}})
	if err == nil {
		t.Fatal("a cancelled sync reported success")
	}
	if after := cachedDirectory(t, a); !reflect.DeepEqual(before, after) {
		t.Fatal("a cancelled sync changed the cache")
	}
	sync(t, a, c, false)
	assertSameDirectory(t, a, s)
}

func TestARefusedTokenFailsWithoutWriting(t *testing.T) {
	s, err := simtenant.Start(simtenant.Options{Users: 100, CheckToken: func(b string) error {
		if b != "good" {
			return errors.New("the token is not valid")
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := graph.New(s.GraphURL(), graph.StaticToken("bad"), s.Client())
	if err != nil {
		t.Fatal(err)
	}
	a := newCache(t, "")
	_, err = a.Sync(context.Background(), c, app.SyncOptions{})
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Status != 401 {
		t.Fatalf("err = %v; want Graph's 401", err)
	}
	if n := count(t, a, `SELECT count(*) FROM directory_users`); n != 0 {
		t.Fatalf("a refused sync cached %d users", n)
	}
}

func TestTheTokenGoesOnlyToTheGraphHost(t *testing.T) {
	if _, err := graph.New("http://graph.example/v1.0", graph.StaticToken("x"), nil); err == nil {
		t.Fatal("a plain http Graph URL was accepted")
	}
	_, c := startTenant(t, simtenant.Options{Users: 10})
	// A next link that points elsewhere must not carry the token there.
	other, err := simtenant.Start(simtenant.Options{Users: 10, CheckToken: func(string) error {
		t.Error("the token reached another host")
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, err = c.UserDelta(context.Background(), other.GraphURL()+"/users/delta()?$deltatoken=MS4yNTU", func(directory.UserPage) error { return nil })
	if err == nil {
		t.Fatal("a delta link to another host was followed")
	}
}

func TestAFailedTeamListingFailsTheWholeSync(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 1500})
	a := newCache(t, "")
	s.Inject(simtenant.Fault{Path: "/owners", Status: 403})
	_, err := a.Sync(context.Background(), c, app.SyncOptions{})
	if err == nil || !strings.Contains(err.Error(), "GroupMember.Read.All") {
		t.Fatalf("err = %v; want the permission the listing needs", err)
	}
	if n := count(t, a, `SELECT count(*) FROM directory_users`); n != 0 {
		t.Fatalf("a failed sync committed %d users", n)
	}
	sync(t, a, c, false)
	assertSameDirectory(t, a, s)
}
