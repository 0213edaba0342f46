// Package servertest runs a team server for tests: a real server process (the test
// binary itself, re-executed as "nimbusadmin serve") on a throwaway PostgreSQL, behind a
// simulated Entra ID that signs real tokens, and desktops signed in with the real MSAL
// client. It is for tests only.
package servertest

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
	"nimbusadmin/data"
	"nimbusadmin/data/pg/pgtest"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// serveArgs, set in a child process of the tests, makes it run `nimbusadmin serve` with
// these arguments instead of the tests: the team server is a real process of its own.
const serveArgs = "NIMBUSADMIN_TEST_SERVE_ARGS"

// Main runs a test binary that uses Start: as the server or a replica process when the
// environment says so, else the tests, stopping the shared PostgreSQL after them. Call it
// from TestMain: func TestMain(m *testing.M) { os.Exit(servertest.Main(m)) }.
func Main(m *testing.M) int {
	if args := os.Getenv(serveArgs); args != "" {
		var list []string
		if err := json.Unmarshal([]byte(args), &list); err != nil {
			panic(err)
		}
		return cli.Run(context.Background(), list, os.Stdout, os.Stderr)
	}
	if spec := os.Getenv(ReplicaSpec); spec != "" {
		return runReplica(spec)
	}
	return pgtest.Main(m)
}

// ReplicaSpec, set in a child process of the tests, makes it a desktop catching its
// replica up once (a JSON ReplicaJob), so that a test can kill it with -9 midway.
const ReplicaSpec = "NIMBUSADMIN_TEST_REPLICA"

// ReplicaJob is what the child replica needs: the server, its trust, the replica's file
// and an access token obtained by the test's real sign-in.
type ReplicaJob struct {
	URL, Path, Token string
	Trust            []byte // PEM
}

func runReplica(spec string) int {
	var job ReplicaJob
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

// APIClientID is the server's app registration in the tests.
const APIClientID = "5f6e7d8c-0000-4000-8000-00000000a11e"

// Team is one tenant's team-mode set-up: a simulated Entra ID, a PostgreSQL database, the
// server's TLS certificate, and the server process once started.
type Team struct {
	t         testing.TB
	Entra     *testkit.Entra // the simulated Entra ID of NewTeam
	Authority *simtenant.Authority
	Graph     *simtenant.Server // the simulated tenant of NewTeamWithGraph, whose directory the server syncs
	authURL   string
	graphURL  string
	entraPEM  []byte
	postgres  string
	dir       string
	cert      string
	key       string
	Trust     *http.Client // trusts Entra ID and the server
	CertPEM   []byte       // the server's certificate
	URL       string       // the server, once started
	proc      *exec.Cmd
	logs      *os.File
}

// NewTeam makes the set-up; admin is the account the authority signs in by default (a
// device code nobody approves as someone else is approved as them).
func NewTeam(t testing.TB, admin simtenant.Account) *Team {
	t.Helper()
	tm := &Team{t: t, dir: t.TempDir(), postgres: pgtest.NewDB(t)}
	tm.Entra = testkit.StartEntra(t, authorityOptions(admin))
	tm.Authority, tm.authURL, tm.graphURL, tm.entraPEM = tm.Entra.Authority, tm.Entra.URL(), tm.Entra.GraphURL(), tm.Entra.CertificatePEM()
	tm.certificates()
	return tm
}

// syncApp and syncSecret are the server's own app registration for the directory sync.
const (
	syncApp    = "5f6e7d8c-0000-4000-8000-0000000051c0"
	syncSecret = "the sync app's secret"
)

// NewTeamWithGraph is NewTeam whose simulated tenant also serves, through Graph, the
// directory, the Teams and the security groups given; the server syncs them with its own app's credentials
// when an admin asks (no schedule).
func NewTeamWithGraph(t testing.TB, admin simtenant.Account, people []data.DirectoryUser, teams []simtenant.Team, groups []simtenant.Group) *Team {
	t.Helper()
	tm := &Team{t: t, dir: t.TempDir(), postgres: pgtest.NewDB(t)}
	tm.Authority = simtenant.NewAuthority(authorityOptions(admin))
	tm.Authority.RegisterApp(syncApp, syncSecret)
	g, err := simtenant.Start(simtenant.Options{People: people, TeamList: teams, Groups: groups, Auth: tm.Authority, CheckToken: tm.Authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	tm.Graph, tm.authURL, tm.graphURL, tm.entraPEM = g, g.URL, g.GraphURL(), g.CertificatePEM()
	tm.certificates()
	return tm
}

func authorityOptions(admin simtenant.Account) simtenant.AuthorityOptions {
	return simtenant.AuthorityOptions{UserID: admin.ID, UserPrincipalName: admin.UPN, UserName: admin.Name, AutoApprove: true}
}

// certificates makes the server's certificate and the trust of Entra ID and the server.
func (tm *Team) certificates() {
	t := tm.t
	certPEM, keyPEM := selfSigned(t)
	tm.CertPEM = certPEM
	tm.cert, tm.key = filepath.Join(tm.dir, "server.crt"), filepath.Join(tm.dir, "server.key")
	write(t, tm.cert, certPEM)
	write(t, tm.key, keyPEM)
	write(t, filepath.Join(tm.dir, "entra.crt"), tm.entraPEM)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	pool.AppendCertsFromPEM(tm.entraPEM)
	tm.Trust = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: 2 * time.Minute}
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Start runs the server process on a free port of the loopback, as the same port again
// after a stop, and waits until it listens.
func (tm *Team) Start() {
	tm.t.Helper()
	listen := "127.0.0.1:0"
	if tm.URL != "" {
		listen = strings.TrimPrefix(tm.URL, "https://")
	}
	args := []string{"serve", "--postgres", tm.postgres, "--listen", listen,
		"--tls-cert", tm.cert, "--tls-key", tm.key, "--tenant-id", tm.Authority.TenantID(),
		"--client-id", APIClientID, "--authority", tm.authURL, "--data-dir", filepath.Join(tm.dir, "server")}
	if tm.Graph != nil {
		args = append(args, "--graph-url", tm.graphURL, "--sync-every", "0", "--sync-client-id", syncApp)
	}
	argsJSON, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveArgs+"="+string(argsJSON), "SSL_CERT_FILE="+filepath.Join(tm.dir, "entra.crt"),
		"NIMBUSADMIN_SYNC_SECRET="+syncSecret)
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
	tm.t.Cleanup(func() { tm.Kill() })
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
			tm.t.Fatalf("the server did not start:\n%s", tm.Log())
		}
		tm.URL = url
	case <-time.After(60 * time.Second):
		tm.t.Fatalf("the server did not listen within a minute:\n%s", tm.Log())
	}
}

// Log is what the server wrote so far.
func (tm *Team) Log() string {
	b, _ := os.ReadFile(tm.logs.Name())
	return string(b)
}

// Stop ends the server as systemd does (SIGTERM) and waits for it.
func (tm *Team) Stop() {
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
			tm.t.Errorf("the server ended with %v after SIGTERM:\n%s", err, tm.Log())
		}
	case <-time.After(40 * time.Second):
		tm.t.Errorf("the server did not stop within 40 s of SIGTERM")
		tm.proc.Process.Kill()
	}
	tm.proc = nil
}

// Kill ends the server at once, as a crash would.
func (tm *Team) Kill() {
	if tm.proc != nil {
		tm.proc.Process.Kill()
		tm.proc.Wait()
		tm.proc = nil
	}
}

// Admin is one admin's desktop: their sign-in and their replica.
type Admin struct {
	Who     simtenant.Account
	Session *auth.Session
	App     *app.App
	Client  *teamclient.Client
}

// SignInConfig is a desktop's sign-in to the team's Entra ID, as client id, trusting it
// and the server, keeping its tokens in memory: a device code it shows is approved as
// the team's default admin unless the test approves it as someone else.
func (tm *Team) SignInConfig(clientID string) auth.Config {
	return auth.Config{
		Endpoints: auth.Endpoints{Cloud: "custom", AuthorityHost: tm.authURL, GraphURL: tm.graphURL},
		ClientID:  clientID, NoKeyring: true, HTTPClient: tm.Trust,
	}
}

// Desktop signs who in with the real MSAL client (the device code approved as them) and
// opens their replica of the server, caught up.
func (tm *Team) Desktop(who simtenant.Account) *Admin {
	tm.t.Helper()
	ctx := context.Background()
	pub, err := teamclient.Discover(ctx, tm.URL, tm.Trust)
	if err != nil {
		tm.t.Fatal(err)
	}
	cfg := tm.SignInConfig("desktop-" + who.ID[:8])
	cfg.Tenant = pub.TenantID
	cfg.Prompt = func(dc auth.DeviceCode) {
		if err := tm.Authority.ApproveAs(dc.UserCode, who); err != nil {
			tm.t.Error(err)
		}
	}
	s, err := auth.NewSession(cfg)
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
	c, err := teamclient.New(tm.URL, tm.Trust, func(ctx context.Context) (string, error) { return s.TokenFor(ctx, pub.Scope) }, a)
	if err != nil {
		tm.t.Fatal(err)
	}
	a.SetRemote(c)
	if _, err := c.CatchUp(ctx, 0); err != nil {
		tm.t.Fatal(err)
	}
	return &Admin{Who: who, Session: s, App: a, Client: c}
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

// ReplicaProcess is a desktop process catching the replica at path up once, with an
// access token of a real sign-in, for a test to kill midway.
func (tm *Team) ReplicaProcess(path, token string) *exec.Cmd {
	spec, _ := json.Marshal(ReplicaJob{URL: tm.URL, Path: path, Token: token, Trust: tm.CertPEM})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), ReplicaSpec+"="+string(spec))
	return cmd
}
