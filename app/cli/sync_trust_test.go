package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nimbusadmin/data/simtenant"
)

// TestSyncTrustsACustomHostThroughSSLCertFile runs 'sync' in a child process whose only
// trust in the simulated tenant's certificate is SSL_CERT_FILE, as an admin behind a
// TLS-inspecting proxy or with a private Graph endpoint would set it up.
func TestSyncTrustsACustomHostThroughSSLCertFile(t *testing.T) {
	if args := os.Getenv("NIMBUSADMIN_TEST_CLI_ARGS"); args != "" {
		os.Exit(Run(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	s, err := simtenant.Start(simtenant.Options{Users: 300, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(ca, s.CACertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"--no-keyring", "--authority", s.URL, "--graph-url", s.GraphURL(), "--tenant", authority.TenantID(),
		"--client-id", "cli-test", "--db", filepath.Join(dir, "tenant.db"), "sync"}
	run := func(env ...string) (string, error) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncTrustsACustomHostThroughSSLCertFile$")
		cmd.Env = append(os.Environ(), append(env, "XDG_CONFIG_HOME="+dir, "NIMBUSADMIN_TEST_CLI_ARGS="+strings.Join(args, "\x1f"))...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("SSL_CERT_FILE=" + ca); err != nil || !strings.Contains(out, "Synced (full): 1 pages, 300 users written") {
		t.Fatalf("sync trusting SSL_CERT_FILE: %v\n%s", err, out)
	}
	if out, err := run("SSL_CERT_FILE=" + filepath.Join(dir, "missing.pem")); err == nil || !strings.Contains(out, "certificate") {
		t.Fatalf("sync succeeded without trusting the tenant's certificate:\n%s", out)
	}
}
