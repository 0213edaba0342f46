package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Where no display is named, the window cannot open: the program says so on stderr in one
// line and exits 1, instead of a panic from the graphics library.
func TestWithoutADisplayTheWindowSaysWhyOnStderr(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Logf("a display is named in the environment only on Linux and the BSDs, not on %s", runtime.GOOS)
		return
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "NIMBUSADMIN_TEST_AS_MAIN=1", "NIMBUSADMIN_TEST_ARGS=--db "+filepath.Join(t.TempDir(), "none", "x.db"),
		"DISPLAY=", "WAYLAND_DISPLAY=", "LANG=C.UTF-8", "LC_ALL=")
	var errb strings.Builder
	cmd.Stderr = &errb
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 || strings.Contains(errb.String(), "panic") ||
		!strings.Contains(errb.String(), "nimbusadmin: no display to open the window on") {
		t.Errorf("exit %v, stderr %q", err, errb.String())
	}
}
