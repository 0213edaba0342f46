//go:build unix

package data

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// unprivilegedDir and rootsDir are set in the environment of a test run again as nobody:
// the folder it works in, and the folder root prepared for it.
const (
	unprivilegedDir = "NIMBUSADMIN_TEST_UNPRIVILEGED_DIR"
	rootsDir        = "NIMBUSADMIN_TEST_ROOTS_DIR"
)

// unprivileged gives a test a folder to work in as a user who cannot write a 0400 file or
// a 0500 folder. Root can write whatever the modes say, so when the tests run as root
// the test runs again, as nobody, from a copy of the test binary (runuser), and the
// caller, seeing false, returns; the child's failures fail the test. A test that needs
// files of another user passes rootSetup, which root runs first on a folder (roots) the
// child may read; without root such a test is skipped.
func unprivileged(t *testing.T, rootSetup func(roots string)) (dir, roots string, ok bool) {
	t.Helper()
	if d := os.Getenv(unprivilegedDir); d != "" {
		return d, os.Getenv(rootsDir), true
	}
	if os.Geteuid() != 0 {
		if rootSetup != nil {
			t.Skip("this test needs files of another user, which only root can make")
		}
		return t.TempDir(), "", true
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		t.Skip("the tests run as root, who writes any file whatever its mode, and runuser is not here to run this one as nobody")
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("the tests run as root, who writes any file whatever its mode, and there is no user nobody to run this one as: %v", err)
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	base, err := os.MkdirTemp("", "nimbusadmin-unprivileged-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "data.test")
	body, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, body, 0o755); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(base, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(work, uid, gid); err != nil {
		t.Fatal(err)
	}
	prepared := filepath.Join(base, "roots")
	if err := os.Mkdir(prepared, 0o755); err != nil {
		t.Fatal(err)
	}
	if rootSetup != nil {
		rootSetup(prepared)
	}
	cmd := exec.Command(runuser, "-u", "nobody", "--", bin, "-test.run", "^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), unprivilegedDir+"="+work, rootsDir+"="+prepared)
	cmd.Dir = base
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run as nobody: %v\n%s", err, out)
	}
	t.Logf("run as nobody:\n%s", out)
	return "", "", false
}
