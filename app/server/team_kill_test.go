package server_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server/servertest"
)

func TestAReplicaKilledMidCatchUpConvergesOnTheNextStart(t *testing.T) {
	ctx := context.Background()
	tm, ta, a := importedTeam(t, 3000)
	want := rowsDigest(t, a.App)
	token, err := a.Session.TokenFor(ctx, "api://"+servertest.APIClientID+"/Nimbus.Admin")
	if err != nil {
		t.Fatal(err)
	}
	// How long a whole catch-up takes, to kill the next ones at points spread over it.
	whole := time.Now()
	path := filepath.Join(t.TempDir(), "timed.db")
	if err := tm.ReplicaProcess(path, token).Run(); err != nil {
		t.Fatalf("a catch-up in a process of its own: %v", err)
	}
	took := time.Since(whole)
	for i, at := range []float64{0.2, 0.4, 0.6, 0.75, 0.9} {
		path := filepath.Join(t.TempDir(), "replica.db")
		cmd := tm.ReplicaProcess(path, token)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(at * float64(took)))
		cmd.Process.Kill() // SIGKILL: no deferred function, no rollback of its own
		state, _ := cmd.Process.Wait()
		if state.Success() {
			t.Logf("round %d: the catch-up finished before the kill", i)
		}
		replica, err := app.OpenReplica(path, ta.UPN)
		if err != nil {
			t.Fatalf("round %d: the killed replica does not open: %v", i, err)
		}
		c := a.Client.With(replica)
		if _, err := c.CatchUp(ctx, 0); err != nil {
			t.Fatalf("round %d: catching up after the kill: %v", i, err)
		}
		if got := rowsDigest(t, replica); got != want {
			t.Fatalf("round %d (killed after %.0f%%): the replica holds %s, the server %s", i, at*100, got, want)
		}
		replica.Close()
	}
	tm.Stop()
}
