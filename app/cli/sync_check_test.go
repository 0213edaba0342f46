package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// untouchable is a keyring and a network that fail the test when anything reaches them.
type untouchable struct{ t *testing.T }

func (u untouchable) Get(service, user string) (string, error) {
	u.t.Errorf("the keyring was read (%s)", service)
	return "", errors.New("no keyring in this test")
}

func (u untouchable) Set(service, user, secret string) error {
	u.t.Errorf("the keyring was written (%s)", service)
	return errors.New("no keyring in this test")
}

func (u untouchable) Delete(service, user string) error {
	u.t.Errorf("the keyring was changed (%s)", service)
	return errors.New("no keyring in this test")
}

func (u untouchable) RoundTrip(r *http.Request) (*http.Response, error) {
	u.t.Errorf("the network was used: %s %s", r.Method, r.URL)
	return nil, errors.New("no network in this test")
}

// TestSyncRefusesTheDemoCacheOrAFileThatIsNoCacheBeforeSigningIn: 'sync' on a --db that
// holds the demo tenant, that is not a cache, or that is a folder is refused at once,
// without the network or the keyring, and leaves the file as it was.
func TestSyncRefusesTheDemoCacheOrAFileThatIsNoCacheBeforeSigningIn(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("meeting at ten\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	u := untouchable{t}
	o := outside{getenv: func(string) string { return "" }, keyring: u, httpClient: &http.Client{Transport: u}}
	for _, c := range []struct{ db, want string }{
		{freshDemo(t), "holds the demo tenant"},
		{notes, "is not a Nimbus Admin cache"},
		{dir, "is a folder"},
	} {
		before, _ := os.ReadFile(c.db)
		var out, errb bytes.Buffer
		code := runWith(context.Background(), []string{"--db", c.db, "sync"}, &out, &errb, o)
		if code != 1 || !strings.Contains(errb.String(), c.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("sync on %s: exit %d, %q (want %q)", filepath.Base(c.db), code, errb.String(), c.want)
		}
		if after, _ := os.ReadFile(c.db); !bytes.Equal(before, after) {
			t.Errorf("sync on %s changed the file", filepath.Base(c.db))
		}
	}
}
