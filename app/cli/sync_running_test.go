package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// 'sync' while another sync holds the cache says at once that a sync is already running
// and whose it is, as a refusal (exit 1), not as a failed sync.
func TestSyncWhileASyncRunsSaysWhoseAtOnce(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "demo.db")
	globals := []string{"--demo", "--demo-users", "16", "--db", db}
	if code, _, stderr := runAuthCLI(t, globals, "ous"); code != 0 {
		t.Fatalf("demo generation: %s", stderr)
	}
	running, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	lock, err := running.LockSync()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	code, _, stderr := runAuthCLI(t, globals, "sync")
	want := fmt.Sprintf("by PID %d); wait for it to finish", os.Getpid())
	if code != 1 || !strings.Contains(stderr, "a sync is already running (started ") || !strings.Contains(stderr, want) || strings.Contains(stderr, "sync failed") {
		t.Fatalf("sync while a sync runs: exit %d\n%s", code, stderr)
	}
}
