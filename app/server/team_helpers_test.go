package server_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/cli"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/auth"
	"nimbusadmin/data/pg/pgtest"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// serveArgs, set in a child process of the tests, makes it run `nimbusadmin serve` with
// these arguments instead of the tests: the team server is a real process of its own.
const serveArgs = "NIMBUSADMIN_TEST_SERVE_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(serveArgs); args != "" {
		var list []string
		if err := json.Unmarshal([]byte(args), &list); err != nil {
			panic(err)
		}
		os.Exit(cli.Run(context.Background(), list, os.Stdout, os.Stderr))
	}
	if spec := os.Getenv(replicaSpec); spec != "" {
		os.Exit(runReplica(spec))
	}
	os.Exit(pgtest.Main(m))
}

// replicaSpec, set in a child process of the tests, makes it a desktop catching its
// replica up once (a JSON replicaJob), so that a test can kill it with -9 midway.
const replicaSpec = "NIMBUSADMIN_TEST_REPLICA"

// replicaJob is what the child replica needs: the server, its trust, the replica's file
// and an access token obtained by the test's real sign-in.
type replicaJob struct {
	URL, Path, Token string
	Trust            []byte // PEM
}

func runReplica(spec string) int {
	var job replicaJob
	if err := json.Unmarshal([]byte(spec), &job); err != nil {
		return 3
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(job.Trust)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	a, err := app.OpenReplica(job.Path, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer a.Close()
	c, err := teamclient.New(job.URL, hc, func(context.Context) (string, error) { return job.Token, nil }, a)
	if err == nil {
		_, err = c.CatchUp(context.Background(), 0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// apiClientID is the server's app registration in the tests.
const apiClientID = "5f6e7d8c-0000-4000-8000-00000000a11e"

// team is one tenant's team-mode set-up: a simulated Entra ID, a PostgreSQL database, the
// server's TLS certificate, and the server process once started.
type team struct {
	t        testing.TB
	entra    *testkit.Entra
	postgres string
	dir      string
	cert     string
	key      string
	trust    *http.Client // trusts Entra ID and the server
	certPEM  []byte       // the server's certificate
	url      string
	proc     *exec.Cmd
	logs     *os.File
}

// newTeam makes the set-up; admin is the account the authority signs in by default.
func newTeam(t testing.TB, admin simtenant.Account) *team {
	t.Helper()
	tm := &team{t: t, dir: t.TempDir(), postgres: pgtest.NewDB(t)}
	tm.entra = testkit.StartEntra(t, simtenant.AuthorityOptions{UserID: admin.ID, UserPrincipalName: admin.UPN, UserName: admin.Name})
	certPEM, keyPEM := selfSigned(t)
	tm.certPEM = certPEM
	tm.cert, tm.key = filepath.Join(tm.dir, "server.crt"), filepath.Join(tm.dir, "server.key")
	write(t, tm.cert, certPEM)
	write(t, tm.key, keyPEM)
	write(t, filepath.Join(tm.dir, "entra.crt"), tm.entra.CertificatePEM())
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	pool.AppendCertsFromPEM(tm.entra.CertificatePEM())
	tm.trust = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: 2 * time.Minute}
	return tm
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// start runs the server process on a free port of the loopback, as the same port again
// after a stop, and waits until it listens.
func (tm *team) start() {
	tm.t.Helper()
	listen := "127.0.0.1:0"
	if tm.url != "" {
		listen = strings.TrimPrefix(tm.url, "https://")
	}
	args, _ := json.Marshal([]string{"serve", "--postgres", tm.postgres, "--listen", listen,
		"--tls-cert", tm.cert, "--tls-key", tm.key, "--tenant-id", tm.entra.Authority.TenantID(),
		"--client-id", apiClientID, "--authority", tm.entra.URL(), "--data-dir", filepath.Join(tm.dir, "server")})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveArgs+"="+string(args), "SSL_CERT_FILE="+filepath.Join(tm.dir, "entra.crt"))
	logs, err := os.CreateTemp(tm.dir, "server-*.log")
	if err != nil {
		tm.t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tm.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tm.t.Fatal(err)
	}
	tm.proc, tm.logs = cmd, logs
	tm.t.Cleanup(func() { tm.kill() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			fmt.Fprintln(logs, sc.Text())
			var line struct{ Msg, URL string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
				found <- line.URL
			}
		}
		close(found)
	}()
	select {
	case url, ok := <-found:
		if !ok {
			cmd.Wait()
			tm.t.Fatalf("the server did not start:\n%s", tm.log())
		}
		tm.url = url
	case <-time.After(60 * time.Second):
		tm.t.Fatalf("the server did not listen within a minute:\n%s", tm.log())
	}
}

// log is what the server wrote so far.
func (tm *team) log() string {
	b, _ := os.ReadFile(tm.logs.Name())
	return string(b)
}

// stop ends the server as systemd does (SIGTERM) and waits for it.
func (tm *team) stop() {
	tm.t.Helper()
	if tm.proc == nil {
		return
	}
	tm.proc.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- tm.proc.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			tm.t.Errorf("the server ended with %v after SIGTERM:\n%s", err, tm.log())
		}
	case <-time.After(40 * time.Second):
		tm.t.Errorf("the server did not stop within 40 s of SIGTERM")
		tm.proc.Process.Kill()
	}
	tm.proc = nil
}

func (tm *team) kill() {
	if tm.proc != nil {
		tm.proc.Process.Kill()
		tm.proc.Wait()
		tm.proc = nil
	}
}

// admin is one admin's desktop: their sign-in and their replica.
type admin struct {
	who     simtenant.Account
	session *auth.Session
	app     *app.App
	client  *teamclient.Client
}

// desktop signs who in with the real MSAL client (the device code approved as them) and
// opens their replica of the server, caught up.
func (tm *team) desktop(who simtenant.Account) *admin {
	tm.t.Helper()
	ctx := context.Background()
	pub, err := teamclient.Discover(ctx, tm.url, tm.trust)
	if err != nil {
		tm.t.Fatal(err)
	}
	s, err := auth.NewSession(auth.Config{
		Endpoints: auth.Endpoints{Cloud: "custom", AuthorityHost: tm.entra.URL(), GraphURL: tm.entra.GraphURL()},
		Tenant:    pub.TenantID, ClientID: "desktop-" + who.ID[:8], NoKeyring: true, HTTPClient: tm.trust,
		Prompt: func(dc auth.DeviceCode) {
			if err := tm.entra.Authority.ApproveAs(dc.UserCode, who); err != nil {
				tm.t.Error(err)
			}
		},
	})
	if err != nil {
		tm.t.Fatal(err)
	}
	if _, err := s.SignIn(ctx); err != nil {
		tm.t.Fatal(err)
	}
	a, err := app.OpenReplica(filepath.Join(tm.t.TempDir(), "replica.db"), who.UPN)
	if err != nil {
		tm.t.Fatal(err)
	}
	tm.t.Cleanup(func() { a.Close() })
	c, err := teamclient.New(tm.url, tm.trust, func(ctx context.Context) (string, error) { return s.TokenFor(ctx, pub.Scope) }, a)
	if err != nil {
		tm.t.Fatal(err)
	}
	a.SetRemote(c)
	if _, err := c.CatchUp(ctx, 0); err != nil {
		tm.t.Fatal(err)
	}
	return &admin{who: who, session: s, app: a, client: c}
}

// selfSigned makes the server's TLS certificate for 127.0.0.1.
func selfSigned(t testing.TB) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "nimbus test server"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})
}
