package online

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// appOnlyTenant is a simulated tenant of three people with a Team, whose authority
// knows the confidential app "sync-app", and an empty cache of it to sync into.
func appOnlyTenant(t *testing.T) (*simtenant.Authority, *simtenant.Server, *app.App, []data.DirectoryUser) {
	t.Helper()
	people := []data.DirectoryUser{setupPerson(1, "Ada Byron", "ada@fabrikam.example"),
		setupPerson(2, "Alan Turing", "alan@fabrikam.example"), setupPerson(3, "Grace Hopper", "grace@fabrikam.example")}
	teams := []simtenant.Team{{ID: "team-1", DisplayName: "Support Desk", Members: []string{people[0].ID, people[1].ID}}}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{})
	s, err := simtenant.Start(simtenant.Options{People: people, TeamList: teams, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	store, err := data.Open(filepath.Join(t.TempDir(), "working-copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	err = store.Tx(context.Background(), func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: authority.TenantID(), TenantName: "Fabrikam", AdminSecurityGroup: "Fabrikam Admins"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return authority, s, app.New(store, "Nimbus Admin server"), people
}

func appOnlyConfig(a *simtenant.Authority, s *simtenant.Server) AppOnlyConfig {
	return AppOnlyConfig{Endpoints: auth.Endpoints{Cloud: "custom", AuthorityHost: s.URL, GraphURL: s.GraphURL()},
		TenantID: a.TenantID(), ClientID: "sync-app", HTTPClient: s.Client()}
}

// TestServerSyncsWithAppOnlyTokens syncs a cache from the directory as the team server
// does, signed in as its own app with a client secret read from a file: every person
// and Team arrives, and the whole sync asks Entra ID for one token.
func TestServerSyncsWithAppOnlyTokens(t *testing.T) {
	authority, s, a, people := appOnlyTenant(t)
	authority.RegisterApp("sync-app", "app-secret-value")
	cfg := appOnlyConfig(authority, s)
	cfg.SecretFile = filepath.Join(t.TempDir(), "sync-secret")
	if err := os.WriteFile(cfg.SecretFile, []byte("app-secret-value\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	src, err := AppOnly(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Sync(context.Background(), src, app.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Users != len(people) || res.Teams != 1 {
		t.Errorf("the app-only sync read %d users and %d Teams; want %d and 1", res.Users, res.Teams, len(people))
	}
	if n := authority.AppGrants(); n != 1 {
		t.Errorf("the sync asked for %d app-only tokens; want 1, kept for the whole sync", n)
	}
}

// TestAWrongSecretStopsTheSyncBeforeItWrites: Entra ID's refusal reaches the error
// (so the person who runs the server knows which secret to fix), the secret does not,
// and the cache is as it was.
func TestAWrongSecretStopsTheSyncBeforeItWrites(t *testing.T) {
	authority, s, a, _ := appOnlyTenant(t)
	authority.RegisterApp("sync-app", "the-right-one")
	cfg := appOnlyConfig(authority, s)
	cfg.Secret = "a-stale-secret-value"
	src, err := AppOnly(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sync(context.Background(), src, app.SyncOptions{})
	if err == nil || !strings.Contains(err.Error(), "AADSTS7000215") || !strings.Contains(err.Error(), "sync-app") {
		t.Fatalf("a wrong secret: %v; want Entra ID's AADSTS7000215 and the app's id", err)
	}
	if strings.Contains(err.Error(), cfg.Secret) {
		t.Errorf("the error shows the secret: %v", err)
	}
	if n, _ := a.Store().Read(context.Background()).CountRows("directory_users"); n != 0 {
		t.Errorf("a sync that could not sign in wrote %d users", n)
	}
}

// TestServerSyncsWithACertificate signs in with a certificate and its key in two PEM
// files, as an app registration with an uploaded certificate does.
func TestServerSyncsWithACertificate(t *testing.T) {
	authority, s, a, people := appOnlyTenant(t)
	cert, certFile, keyFile := writeCertificate(t)
	authority.RegisterAppCertificate("sync-app", cert)
	cfg := appOnlyConfig(authority, s)
	cfg.CertFile, cfg.KeyFile = certFile, keyFile
	src, err := AppOnly(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Sync(context.Background(), src, app.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Users != len(people) {
		t.Errorf("the sync with a certificate read %d users; want %d", res.Users, len(people))
	}
}

// TestAppOnlyNeedsOneCredential: no credential, or both a secret and a certificate, is
// refused before anything reaches the network.
func TestAppOnlyNeedsOneCredential(t *testing.T) {
	base := AppOnlyConfig{Endpoints: auth.Endpoints{AuthorityHost: "https://login.example", GraphURL: "https://graph.example/v1.0"},
		TenantID: "t", ClientID: "c"}
	both := base
	both.Secret, both.CertFile = "s", "cert.pem"
	for name, cfg := range map[string]AppOnlyConfig{"none": base, "both": both} {
		if _, err := AppOnly(cfg); err == nil {
			t.Errorf("%s: AppOnly accepted it", name)
		}
	}
}

// writeCertificate makes a self-signed certificate and writes it and its key as PEM.
func writeCertificate(t *testing.T) (*x509.Certificate, string, string) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "nimbus sync"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "sync.crt"), filepath.Join(dir, "sync.key")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}), 0o600)
	return cert, certFile, keyFile
}
