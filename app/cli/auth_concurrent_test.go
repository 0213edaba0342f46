package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
)

// TestConcurrentFirstSignInProcessesLeaveOneSignedIn starts several 'signin' processes
// at the same moment on an empty token cache with a real gnome-keyring on a private D-Bus
// session, round after round (each round a client id of its own, so a cache and a key of
// its own): every one must say it signed in (or, started after another finished, that the
// admin already was), and a later process must find the admin signed in and get a token
// without a code.
func TestConcurrentFirstSignInProcessesLeaveOneSignedIn(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Secret Service is the keyring of Linux; the lock itself is tested in auth on every system")
	}
	needSecretServiceTools(t)
	const rounds, signIns = 12, 4
	a := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	tenant, err := simtenant.Start(simtenant.Options{Users: 10, Auth: a, CheckToken: a.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer tenant.Close()
	home := t.TempDir()
	caFile := filepath.Join(home, "tenant-ca.pem")
	if err := os.WriteFile(caFile, tenant.CACertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf(`printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
	org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
	i=$((i+1)); [ $i -gt 600 ] && { echo "the Secret Service did not come up"; exit 98; }; sleep 0.05
done
run() { "$0" -test.run='^TestAuthHelperProcess$' -- "$@" 2>&1; }
for r in $(seq %d); do
	export NIMBUSADMIN_CLIENT_ID=race-$r
	for s in $(seq %d); do run signin >"$HOME/round-$r-$s" & done
	wait
	echo "== round $r"; cat "$HOME"/round-$r-*; echo "-- after"; run signin
done`, rounds, signIns)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--", "sh", "-c", script, os.Args[0])
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "LANG=C.UTF-8",
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "SSL_CERT_FILE=" + caFile,
		"NIMBUS_AUTH_HELPER=1", "NIMBUSADMIN_AUTHORITY=" + tenant.URL, "NIMBUSADMIN_GRAPH_URL=" + tenant.GraphURL(),
		"NIMBUSADMIN_TENANT=" + a.TenantID(),
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sign-in processes on a real Secret Service: %v\n%s", err, out)
	}
	results := strings.Split(string(out), "== round ")[1:]
	if len(results) != rounds {
		t.Fatalf("want %d rounds:\n%s", rounds, out)
	}
	failed := 0
	for _, res := range results {
		during, after, _ := strings.Cut(res, "-- after")
		said := strings.Count(during, "Signed in as "+a.UserPrincipalName()) + strings.Count(during, "Already signed in as "+a.UserPrincipalName())
		if said != signIns ||
			!strings.Contains(after, "Already signed in as "+a.UserPrincipalName()) || strings.Contains(after, "enter the code") {
			failed++
			t.Errorf("round %s", res)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d rounds of %d concurrent first sign-ins left nobody signed in", failed, rounds, signIns)
	}
}
