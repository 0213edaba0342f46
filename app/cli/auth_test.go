package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"nimbusadmin/auth"
	"nimbusadmin/data/simtenant"
)

// authMemoryKeyring stands in for the OS keyring in in-process tests; the real Secret
// Service is exercised across processes in auth_secretservice_test.go.
type authMemoryKeyring struct {
	mu sync.Mutex
	m  map[string]string
}

func (k *authMemoryKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	s, ok := k.m[service+"/"+user]
	if !ok {
		return "", auth.ErrKeyringEntryMissing
	}
	return s, nil
}

func (k *authMemoryKeyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.m[service+"/"+user] = secret
	return nil
}

func (k *authMemoryKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.m, service+"/"+user)
	return nil
}

// authTenant starts a simulated Entra ID on loopback HTTPS, points the CLI's token cache
// at a temporary config folder and its trust at the server, and returns the global flags
// that select the tenant.
func authTenant(t *testing.T, o simtenant.AuthorityOptions) (*simtenant.Authority, []string, string) {
	t.Helper()
	a := simtenant.NewAuthority(o)
	srv := httptest.NewTLSServer(a)
	t.Cleanup(srv.Close)
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	authKeyring, authHTTPClient = &authMemoryKeyring{m: map[string]string{}}, srv.Client()
	t.Cleanup(func() { authKeyring, authHTTPClient = nil, nil })
	return a, []string{"--authority", srv.URL, "--graph-url", srv.URL + "/v1.0", "--tenant", a.TenantID(), "--client-id", "cli-test"}, config
}

// authKeyring and authHTTPClient are the keyring and the TLS trust a test gives the
// command lines it runs with runAuthCLI (nil: the OS keyring, the system's trust).
var (
	authKeyring    auth.Keyring
	authHTTPClient *http.Client
)

// authOutside is what the command line reaches outside the process in these tests.
func authOutside() outside {
	return outside{getenv: os.Getenv, keyring: authKeyring, httpClient: authHTTPClient}
}

func runAuthCLI(t *testing.T, globals []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runWith(context.Background(), append(append([]string{}, globals...), args...), &out, &errb, authOutside())
	return code, out.String(), errb.String()
}

func TestSignInStatusSignOutRoundTrip(t *testing.T) {
	a, globals, _ := authTenant(t, simtenant.AuthorityOptions{AutoApprove: true})
	code, stdout, stderr := runAuthCLI(t, globals, "signin")
	if code != 0 || !strings.Contains(stderr, "enter the code") || !strings.Contains(stdout, "Signed in as "+a.UserPrincipalName()) {
		t.Fatalf("signin: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	code, stdout, stderr = runAuthCLI(t, globals, "signin")
	if code != 0 || !strings.Contains(stdout, "Already signed in") || strings.Contains(stderr, "enter the code") {
		t.Fatalf("second signin was not silent: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if st := a.Stats(); st.DeviceCodes != 1 {
		t.Errorf("device codes asked: %d, want 1", st.DeviceCodes)
	}
	// signed in but never synced: the verbs say what to do instead of opening nothing
	if code, _, stderr := runAuthCLI(t, globals, "users"); code != 1 || !strings.Contains(stderr, "run 'nimbusadmin sync' first") {
		t.Errorf("users before any sync: exit %d, %q", code, stderr)
	}

	code, stdout, _ = runAuthCLI(t, globals, "status", "--format", "json")
	var st authStatusJSON
	if err := json.Unmarshal([]byte(stdout), &st); code != 0 || err != nil {
		t.Fatalf("status: exit %d, %v: %s", code, err, stdout)
	}
	if !st.SignedIn || st.Account.Username != a.UserPrincipalName() || st.Cloud != "custom" || !strings.Contains(st.TokenCache, "encrypted") {
		t.Errorf("status after signin: %+v", st)
	}

	code, stdout, _ = runAuthCLI(t, globals, "signout")
	if code != 0 || !strings.Contains(stdout, "Signed out "+a.UserPrincipalName()) {
		t.Fatalf("signout: exit %d: %s", code, stdout)
	}
	_, stdout, _ = runAuthCLI(t, globals, "status")
	if !strings.Contains(stdout, "nobody") {
		t.Errorf("status after signout: %s", stdout)
	}
	code, _, stderr = runAuthCLI(t, globals, "signin")
	if code != 0 || !strings.Contains(stderr, "enter the code") || a.Stats().DeviceCodes != 2 {
		t.Errorf("after signout, signin did not ask for a new code: exit %d, %s", code, stderr)
	}
}

func TestDeclinedSignInEndsWithOneClearLine(t *testing.T) {
	a, globals, config := authTenant(t, simtenant.AuthorityOptions{})
	var out, errb authLockedBuffer
	done := make(chan int)
	o := authOutside()
	go func() { done <- runWith(context.Background(), append(globals, "signin"), &out, &errb, o) }()
	// The code is shown on stderr; decline it the way an admin would in the browser.
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(errb.String(), "enter the code ") {
		if time.Now().After(deadline) {
			t.Fatalf("no code shown: %s", errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	code := strings.Fields(strings.SplitAfter(errb.String(), "enter the code ")[1])[0]
	if err := a.Decline(code); err != nil {
		t.Fatal(err)
	}
	if exit := <-done; exit != 1 || !strings.Contains(errb.String(), "declined") {
		t.Fatalf("declined signin: exit %d, %s", exit, errb.String())
	}
	if files := authFilesUnder(t, config); len(files) != 0 {
		t.Errorf("a declined sign-in left files: %v", files)
	}
}

// TestNoIssuedTokenInConfigCacheOrLogs signs in, syncs, refreshes and reports status,
// then searches the config folder (token cache, tenant cache), the cache database and
// everything the program wrote or logged for the tokens the tenant issued.
func TestNoIssuedTokenInConfigCacheOrLogs(t *testing.T) {
	// One-minute access tokens: MSAL refreshes them at once, so refresh tokens rotate too.
	a := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true, AccessTokenLifetime: time.Minute})
	tenant, err := simtenant.Start(simtenant.Options{Users: 50, Auth: a, CheckToken: a.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	defer tenant.Close()
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	authKeyring, authHTTPClient = &authMemoryKeyring{m: map[string]string{}}, tenant.Client()
	t.Cleanup(func() { authKeyring, authHTTPClient = nil, nil })
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	globals := []string{"--authority", tenant.URL, "--graph-url", tenant.GraphURL(), "--tenant", a.TenantID(), "--client-id", "leak-test"}
	db := filepath.Join(t.TempDir(), "tenant.db")
	var output strings.Builder
	for _, args := range [][]string{{"signin"}, {"--db", db, "sync"}, {"--db", db, "sync"}, {"status"}, {"--db", db, "status", "--format", "json"}} {
		code, stdout, stderr := runAuthCLI(t, globals, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		output.WriteString(stdout + stderr)
	}
	tokens := a.IssuedTokens()
	if st := a.Stats(); len(tokens) < 4 || st.RefreshGrant == 0 {
		t.Fatalf("the tenant issued %d tokens with %+v; the test needs refreshed access and refresh tokens", len(tokens), st)
	}
	places := map[string][]byte{"the program's output": []byte(output.String()), "the log": logged.Bytes()}
	for _, dir := range []string{config, filepath.Dir(db)} {
		for _, f := range authFilesUnder(t, dir) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			places[f] = b
		}
	}
	for _, want := range []string{db, ".tokens.enc"} {
		found := false
		for where := range places {
			found = found || strings.HasSuffix(where, want)
		}
		if !found {
			t.Fatalf("%s is not among the places searched: the test would prove nothing", want)
		}
	}
	for where, content := range places {
		for _, tok := range tokens {
			if bytes.Contains(content, []byte(tok)) {
				t.Errorf("an issued token is readable in %s", where)
			}
		}
	}
}

// authLockedBuffer is a buffer one goroutine writes while another reads.
type authLockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *authLockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *authLockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func authFilesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
