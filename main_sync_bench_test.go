package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data/graph"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/simtenant"
)

// BenchmarkSyncCommand100k times `nimbusadmin sync` as an admin runs it, end to end: the
// program starts, signs in (the device-code flow through MSAL, approved at once by the
// simulated Entra ID), reads 100,000 users and the Teams from the simulated tenant over
// loopback HTTPS, writes them into a new cache file and exits. Beside it, in the same run
// and against the same tenant, it times the floor: a plain fetch and decode of the same
// users pages by the same Graph client, writing nothing. It runs with no added latency,
// where the floor is only the two programs' work on this machine, and with 150 ms added
// to every Graph request, still less than Graph takes for a page of 999 users.
//
//	go test -tags migrated_fynedo -run '^$' -bench SyncCommand -benchtime 3x -count 3 .
//
// Its metrics are the command's users per second, the floor's, their ratio, and the CPU
// time the command took (user and system), which other work on the machine changes less
// than the wall time.
func BenchmarkSyncCommand100k(b *testing.B) {
	const users = 100_000
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	tenant, err := simtenant.Start(simtenant.Options{Users: users, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		b.Fatal(err)
	}
	defer tenant.Close()
	dir := b.TempDir()
	ca := filepath.Join(dir, "tenant-ca.pem")
	if err := os.WriteFile(ca, tenant.CACertPEM(), 0o600); err != nil {
		b.Fatal(err)
	}
	for _, latency := range []time.Duration{0, 150 * time.Millisecond} {
		b.Run(fmt.Sprintf("latency=%v", latency), func(b *testing.B) {
			tenant.SetLatency(latency)
			var command, cpu, floor time.Duration
			for i := range b.N {
				db := filepath.Join(dir, fmt.Sprintf("cache-%v-%d.db", latency, i))
				args := []string{"--no-keyring", "--authority", tenant.URL, "--graph-url", tenant.GraphURL(), "--tenant", authority.TenantID(),
					"--client-id", "bench", "--db", db, "sync"}
				cmd := exec.Command(os.Args[0])
				cmd.Env = append(os.Environ(), "NIMBUSADMIN_TEST_AS_MAIN=1", "NIMBUSADMIN_TEST_ARGS="+strings.Join(args, " "),
					"SSL_CERT_FILE="+ca, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=C.UTF-8", "LC_ALL=")
				var out strings.Builder
				cmd.Stdout, cmd.Stderr = &out, &out
				start := time.Now()
				err := cmd.Run()
				command += time.Since(start)
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				if want := fmt.Sprintf("%d users written", users); err != nil || !strings.Contains(out.String(), want) {
					b.Fatalf("sync: %v, not %q:\n%s", err, want, out.String())
				}
				floor += fetchAndDecode(b, tenant, authority, users)
				for _, f := range []string{db, db + "-wal", db + "-shm"} {
					os.Remove(f) // 100,000 users a run: the disk need not hold them all
				}
			}
			perCommand, perFloor := command.Seconds()/float64(b.N), floor.Seconds()/float64(b.N)
			b.ReportMetric(users/perCommand, "users/s")
			b.ReportMetric(users/perFloor, "floor-users/s")
			b.ReportMetric(perCommand/perFloor, "command/floor")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "command-cpu-s")
		})
	}
}

// fetchAndDecode reads every users page of a full round with the Graph client the
// command uses, on a token the simulated Entra ID issued to it, and decodes it; nothing
// is kept.
func fetchAndDecode(b *testing.B, tenant *simtenant.Server, authority *simtenant.Authority, users int) time.Duration {
	b.Helper()
	token := ""
	for _, t := range authority.IssuedTokens() {
		if authority.CheckToken(t) == nil { // an access token, not a refresh token
			token = t
		}
	}
	c, err := graph.New(tenant.GraphURL(), graph.StaticToken(token), tenant.Client())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	n := 0
	if _, err := c.UserDelta(context.Background(), "", func(p directory.UserPage) error { n += len(p.Users); return nil }); err != nil || n != users {
		b.Fatalf("fetch and decode: %d users, %v", n, err)
	}
	return time.Since(start)
}
