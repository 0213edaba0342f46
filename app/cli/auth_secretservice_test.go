package cli

import (
	"bytes"
	"context"
	"encoding/pem"
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data/simtenant"
)

// needSecretServiceTools skips a test of the real Secret Service where its programs are
// missing, naming the packages that bring them.
func needSecretServiceTools(t *testing.T) {
	t.Helper()
	for _, bin := range []string{"dbus-run-session", "dbus-send", "gnome-keyring-daemon"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s is not installed: 'make test' installs the packages dbus and gnome-keyring", bin)
		}
	}
}

// TestSecondProcessSignsInSilentlyThroughTheSecretService runs the real program in
// separate processes on a private D-Bus session with a real gnome-keyring: 'signin' asks
// for a device code; 'signin' and 'sync' in later processes find the key in the Secret
// Service and go on silently; after 'signout' a sync asks for a code again. Trust in the
// loopback tenant comes from SSL_CERT_FILE, as an admin's would.
func TestSecondProcessSignsInSilentlyThroughTheSecretService(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Secret Service is the keyring of Linux; Windows and macOS keyrings are covered by the size-limited fake")
	}
	needSecretServiceTools(t)
	a := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	tenant, err := simtenant.Start(simtenant.Options{Users: 300, Auth: a, CheckToken: a.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer tenant.Close()
	home := t.TempDir()
	caFile := filepath.Join(home, "tenant-ca.pem")
	if err := os.WriteFile(caFile, tenant.CACertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	// Each step is its own process; the stage markers let the test tell their output apart.
	// The unlocked daemon must own the Secret Service name before the first client asks,
	// or D-Bus would start a second, locked daemon for it.
	const script = `printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
	org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
	i=$((i+1)); [ $i -gt 600 ] && { echo "the Secret Service did not come up"; exit 98; }; sleep 0.05
done
run() { echo "== $*"; "$0" -test.run='^TestAuthHelperProcess$' -- "$@" 2>&1 || exit $?; }
run signin
run signin
run sync
run status
run signout
run sync`
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--", "sh", "-c", script, os.Args[0])
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "LANG=C.UTF-8",
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "SSL_CERT_FILE=" + caFile,
		"NIMBUS_AUTH_HELPER=1", "NIMBUSADMIN_AUTHORITY=" + tenant.URL, "NIMBUSADMIN_GRAPH_URL=" + tenant.GraphURL(),
		"NIMBUSADMIN_TENANT=" + a.TenantID(), "NIMBUSADMIN_CLIENT_ID=secret-service-test",
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("processes on a real Secret Service: %v\n%s", err, out)
	}
	stages := strings.Split(string(out), "== ")[1:]
	if len(stages) != 6 {
		t.Fatalf("want six steps:\n%s", out)
	}
	asked := func(i int) bool { return strings.Contains(stages[i], "enter the code") }
	want := []struct {
		asks bool
		says string
	}{
		{true, "Signed in as " + a.UserPrincipalName()},
		{false, "Already signed in as " + a.UserPrincipalName()},
		{false, "Synced (full)"},
		{false, "Directory users  300"},
		{false, "Signed out " + a.UserPrincipalName()},
		{true, "Synced (incremental)"},
	}
	for i, w := range want {
		if asked(i) != w.asks || !strings.Contains(stages[i], w.says) {
			t.Errorf("step %q: asked for a code %v (want %v), want it to say %q", stages[i], asked(i), w.asks, w.says)
		}
	}
	if st := a.Stats(); st.DeviceCodes != 2 || st.DeviceCodeGrant != 2 {
		t.Errorf("authority stats %+v: want exactly two device codes (first sign-in, after sign-out)", st)
	}
	keyrings, _ := filepath.Glob(filepath.Join(home, "data", "keyrings", "*.keyring"))
	caches, _ := filepath.Glob(filepath.Join(home, "config", "nimbusadmin", "*.tokens.enc"))
	if len(keyrings) == 0 || len(caches) != 1 {
		t.Errorf("want the key in gnome-keyring's store and one encrypted cache; found %v and %v", keyrings, caches)
	}
	for _, f := range append(authFilesUnder(t, home), "output") {
		b := out
		if f != "output" {
			b, _ = os.ReadFile(f)
		}
		for _, tok := range a.IssuedTokens() {
			if bytes.Contains(b, []byte(tok)) {
				t.Errorf("an issued token is readable in %s", f)
			}
		}
	}
}

// TestAuthHelperProcess is the program itself when the Secret Service test starts it:
// the verb and its arguments follow "--".
func TestAuthHelperProcess(t *testing.T) {
	if os.Getenv("NIMBUS_AUTH_HELPER") != "1" {
		t.Skip("runs only as the child process of the Secret Service test")
	}
	os.Exit(Run(context.Background(), flag.Args(), os.Stdout, os.Stderr))
}

// TestSignInWithoutSecretServiceSaysWhatIsMissing runs the program on a host with no
// D-Bus session (a headless server): the sign-in must end quickly with one line that
// names the missing keyring and --no-keyring, before any device code is shown, and leave
// no token cache behind; with
// --no-keyring the same sign-in succeeds and writes nothing.
func TestSignInWithoutSecretServiceSaysWhatIsMissing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a missing Secret Service is a Linux situation")
	}
	a := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	srv := httptest.NewTLSServer(a)
	defer srv.Close()
	home := t.TempDir()
	caFile := filepath.Join(home, "tenant-ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^TestAuthHelperProcess$", "--"}, args...)...)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
			"DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(home, "no-bus"), "SSL_CERT_FILE=" + caFile,
			"NIMBUS_AUTH_HELPER=1", "NIMBUSADMIN_AUTHORITY=" + srv.URL, "NIMBUSADMIN_TENANT=" + a.TenantID()}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run("signin")
	if err == nil || !strings.Contains(out, "keyring is not available") || !strings.Contains(out, "--no-keyring") || strings.Contains(out, "enter the code") {
		t.Fatalf("signin without a Secret Service: %v\n%s", err, out)
	}
	if lines := strings.Split(strings.TrimSpace(out[strings.Index(out, "nimbusadmin:"):]), "\n"); len(lines) != 1 {
		t.Errorf("the failure takes %d lines, want one:\n%s", len(lines), out)
	}
	if caches, _ := filepath.Glob(filepath.Join(home, "config", "nimbusadmin", "*")); len(caches) != 0 {
		t.Errorf("a failed keyring left files: %v", caches)
	}
	out, err = run("--no-keyring", "signin")
	if err != nil || !strings.Contains(out, "Signed in as "+a.UserPrincipalName()) {
		t.Fatalf("signin --no-keyring: %v\n%s", err, out)
	}
	if files, _ := filepath.Glob(filepath.Join(home, "config", "nimbusadmin", "*")); len(files) != 0 {
		t.Errorf("--no-keyring wrote %v", files)
	}
}
