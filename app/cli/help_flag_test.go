package cli

import (
	"strings"
	"testing"
)

// -h and --help print the help and succeed, before a verb as after it; a flag that does
// not exist is still a malformed command line.
func TestHelpFlagsPrintTheHelpAndExitZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"-help"}, {"users", "--help"}, {"user", "show", "-h"}} {
		code, stdout, stderr := runCLI(t, t.TempDir()+"/none.db", args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "nimbusadmin") {
			t.Errorf("%v: exit %d, stderr %q, stdout %.120q", args, code, stderr, stdout)
		}
	}
	if code, _, stderr := runCLI(t, t.TempDir()+"/none.db", "--no-such-flag"); code != 2 || !strings.Contains(stderr, "no-such-flag") {
		t.Errorf("an unknown flag: exit %d %q", code, stderr)
	}
}
