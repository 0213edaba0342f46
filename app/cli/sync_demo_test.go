package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoSyncRunsTheRealPathAndChangesNothing: the demo cache is consistent with the
// directory it was generated from, so syncing it through the simulated tenant (real
// MSAL sign-in, real Graph client) must leave the Nimbus side exactly as it was.
func TestDemoSyncRunsTheRealPathAndChangesNothing(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	globals := []string{"--demo", "--demo-users", "120", "--db", filepath.Join(t.TempDir(), "demo.db")}
	_, before, _ := runAuthCLI(t, globals, "users", "--format", "json")
	_, dirBefore, _ := runAuthCLI(t, globals, "directory", "users", "--format", "json")
	code, _, stderr := runAuthCLI(t, globals, "sync")
	if code != 0 || !strings.Contains(stderr, "approves the code by itself") || !strings.Contains(stderr, "0 joined Nimbus, 0 left") {
		t.Fatalf("demo sync: exit %d\n%s", code, stderr)
	}
	_, after, _ := runAuthCLI(t, globals, "users", "--format", "json")
	_, dirAfter, _ := runAuthCLI(t, globals, "directory", "users", "--format", "json")
	if before != after || dirBefore != dirAfter || len(before) < 100 {
		t.Fatal("the demo sync changed the demo tenant")
	}
}
