package pgtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A test binary killed before it stopped its cluster leaves it running; the next cluster
// started stops and removes it, and leaves the clusters of running tests alone.
func TestAClusterLeftByAKilledTestIsRemovedByTheNextStart(t *testing.T) {
	live := Start(t)
	left := Start(t)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	pid := strconv.Itoa(dead.Process.Pid)
	if err := os.WriteFile(filepath.Join(left.dir, ownerFile), []byte(pid), 0o644); err != nil {
		t.Fatal(err)
	}
	Start(t)
	if _, err := os.Stat(left.dir); !os.IsNotExist(err) {
		t.Fatalf("the cluster of a process that ended is still in %s (%v)", left.dir, err)
	}
	conn, err := pgx.Connect(t.Context(), live.URL("postgres"))
	if err != nil {
		t.Fatalf("the cluster of the running test was stopped: %v", err)
	}
	conn.Close(t.Context())
}
