//go:build unix

package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
)

// TestWithoutADBusSessionTheKeyringStartsNoDaemon runs the program as a server or an SSH
// session has it: no DBUS_SESSION_BUS_ADDRESS, no DISPLAY. A verb that needs the keyring
// must not let the keyring library launch a session bus (dbus-launch) that then starts
// gnome-keyring-daemon, both left running after the program ends: it must say at once,
// in one line, that the keyring needs a D-Bus session and name both ways out,
// --no-keyring and dbus-run-session. The daemons are told apart from everyone else's by
// a marker in the environment they inherit from the program.
func TestWithoutADBusSessionTheKeyringStartsNoDaemon(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a session bus found through the environment is how Linux reaches its keyring")
	}
	if _, err := os.Stat(fmt.Sprintf("/run/user/%d/bus", os.Getuid())); err == nil {
		t.Skip("this machine has a user session bus at /run/user/UID/bus, which the keyring finds without the environment")
	}
	a := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	srv := httptest.NewTLSServer(a)
	defer srv.Close()
	home := t.TempDir()
	caFile := filepath.Join(home, "tenant-ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	marker := "NIMBUS_DAEMON_PROBE=" + rand.Text()
	t.Cleanup(func() { stopDaemonsMarked(t, marker) })
	for _, verb := range []string{"signin", "signout"} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestAuthHelperProcess$", "--", verb)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
			"XDG_DATA_HOME=" + filepath.Join(home, "data"), "SSL_CERT_FILE=" + caFile, marker,
			"NIMBUS_AUTH_HELPER=1", "NIMBUSADMIN_AUTHORITY=" + srv.URL, "NIMBUSADMIN_TENANT=" + a.TenantID()}
		start := time.Now()
		out, err := cmd.CombinedOutput()
		took := time.Since(start)
		cancel()
		time.Sleep(300 * time.Millisecond) // a bus activates its services after the client's call
		if left := daemonsMarked(marker); len(left) > 0 {
			t.Errorf("%s without a D-Bus session left daemons running: %s", verb, strings.Join(left, ", "))
		}
		msg := string(out)
		if err == nil || !strings.Contains(msg, "--no-keyring") || !strings.Contains(msg, "dbus-run-session -- nimbusadmin") ||
			!strings.Contains(msg, "D-Bus session") {
			t.Errorf("%s without a D-Bus session: %v, want it to fail naming the D-Bus session, --no-keyring and 'dbus-run-session -- nimbusadmin':\n%s", verb, err, out)
		}
		if i := strings.Index(msg, "nimbusadmin:"); i < 0 || strings.Count(strings.TrimSpace(msg[i:]), "\n") != 0 {
			t.Errorf("%s: want the failure in one line:\n%s", verb, out)
		}
		if strings.Contains(msg, "enter the code") {
			t.Errorf("%s asked for a sign-in whose tokens it could not keep:\n%s", verb, out)
		}
		if took > 5*time.Second {
			t.Errorf("%s took %v to say the keyring cannot be reached, want at once", verb, took)
		}
	}
}

// daemonsMarked lists the dbus-daemon and gnome-keyring-daemon processes whose
// environment holds marker, as "name (pid N)".
func daemonsMarked(marker string) []string {
	var found []string
	for _, pid := range markedPIDs(marker) {
		cmdline, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
		name := filepath.Base(string(bytes.SplitN(cmdline, []byte{0}, 2)[0]))
		found = append(found, fmt.Sprintf("%s (pid %d)", name, pid))
	}
	return found
}

// markedPIDs are the daemons (dbus-daemon, dbus-launch, gnome-keyring-daemon) whose
// environment holds marker: those the program under test started, and no one else's.
func markedPIDs(marker string) []int {
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		name := filepath.Base(string(bytes.SplitN(cmdline, []byte{0}, 2)[0]))
		if name != "dbus-daemon" && name != "dbus-launch" && name != "gnome-keyring-daemon" {
			continue
		}
		environ, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		for _, kv := range bytes.Split(environ, []byte{0}) {
			if string(kv) == marker {
				pids = append(pids, pid)
				break
			}
		}
	}
	return pids
}

// stopDaemonsMarked ends the daemons the program under test left behind, by their ids,
// so that a failing run does not leave them on the machine.
func stopDaemonsMarked(t *testing.T, marker string) {
	for _, pid := range markedPIDs(marker) {
		if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
			t.Logf("cannot stop pid %d: %v", pid, err)
		}
	}
}
