package teamclient

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/app/server"
)

// TestSyncAsksTheServerAndCatchesUp: the client sends the trigger with the admin's
// token, returns the sync's summary only once the replica passed the sync's position in
// the feed, and a refusal comes back as the rule's error.
func TestSyncAsksTheServerAndCatchesUp(t *testing.T) {
	want := app.SyncResult{Full: true, Users: 7, Teams: 2, Joined: 3}
	refuse := false
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/sync", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer admin-token" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if refuse {
			w.WriteHeader(http.StatusForbidden)
			json.NewEncoder(w).Encode(map[string]string{"rule": "sync.read_only", "message": "only an admin may"})
			return
		}
		json.NewEncoder(w).Encode(server.SyncAnswer{Result: want, Xid: 41})
	})
	mux.HandleFunc("GET /v1/feed", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(server.FeedEnd{Next: 42}) // the feed up to the sync's commit, nothing in it
	})
	hs := httptest.NewServer(mux)
	defer hs.Close()
	replica := apptest.Demo(t, 16)
	c, err := New(hs.URL, hs.Client(), func(context.Context) (string, error) { return "admin-token", nil }, replica)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := c.Sync(ctx)
	if err != nil || got != want {
		t.Fatalf("Sync: %+v, %v; want %+v", got, err, want)
	}
	if cur, _ := replica.ReplicaCursor(ctx); cur != 42 {
		t.Errorf("the replica's cursor is %d after the sync; want past the sync's 41", cur)
	}
	refuse = true
	var re *app.RuleError
	if _, err := c.Sync(ctx); !errors.As(err, &re) || re.Rule != "sync.read_only" {
		t.Errorf("a refused sync: %v; want the rule's error", err)
	}
}
