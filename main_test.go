package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nimbusadmin/app/server/servertest"
)

// TestMain lets the tests run this very binary as the nimbusadmin command.
func TestMain(m *testing.M) {
	if os.Getenv("NIMBUSADMIN_TEST_AS_MAIN") == "1" {
		os.Args = append([]string{"nimbusadmin"}, strings.Fields(os.Getenv("NIMBUSADMIN_TEST_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(servertest.Main(m)) // a team server's tests re-execute it as the server
}

func runMain(t *testing.T, args string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "NIMBUSADMIN_TEST_AS_MAIN=1", "NIMBUSADMIN_TEST_ARGS="+args, "LANG=C.UTF-8", "LC_ALL=")
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// The command line prints nothing on stderr but its own one-line message, even in the
// POSIX locale where Fyne complains while it initialises.
func TestCommandLineErrorIsOneLineWithoutFyneNoise(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, stdout, stderr := runMain(t, "--demo --demo-users 40 --db "+db+" users --bogus")
	if code != 2 || stdout != "" || stderr != "nimbusadmin: users: flag provided but not defined: -bogus (see 'nimbusadmin help')\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runMain(t, "--demo --demo-users 40 --db "+db+" users --format csv")
	if code != 0 || strings.Count(stdout, "\n") != 41 || strings.Contains(stderr, "Fyne error") {
		t.Errorf("users: exit %d, %d lines, stderr %q", code, strings.Count(stdout, "\n"), stderr)
	}
}
