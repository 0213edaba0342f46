package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// changingVerbs are the verbs that may change the cache; with readsOnly they name every
// verb, so that a new verb is classified on purpose.
var changingVerbs = []string{
	"users add", "users delete", "user licence", "user move", "user role add", "user role remove",
	"user role scope", "user skill add", "user skill remove", "user profile add", "user profile remove",
	"user profile activate", "user na-reasons", "user interact", "user assistant",
	"services add-team", "services add", "services rename", "services delete", "services licence",
	"services members add", "services members remove", "services members active", "services members owner-role",
	"sync", "signin", "signout", "help", "serve", "server import", "server connect",
}

func TestEveryVerbIsClassifiedAsReadingOrChanging(t *testing.T) {
	known := map[string]bool{}
	for _, v := range verbs {
		known[v.name] = true
		_, reads := readsOnly[v.name]
		changes := false
		for _, c := range changingVerbs {
			changes = changes || c == v.name
		}
		if reads == changes && !strings.HasPrefix(v.name, "config ") {
			t.Errorf("verb %q: say whether it only reads (readsOnly) or changes the cache (changingVerbs)", v.name)
		}
	}
	for name := range readsOnly {
		if !known[name] {
			t.Errorf("readsOnly names %q, which is no verb", name)
		}
	}
}

// runOffline runs a command line on a cache file without the demo and without a keyring.
func runOffline(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var out, errb bytes.Buffer
	o := outside{getenv: func(string) string { return "" }, keyring: &authMemoryKeyring{m: map[string]string{}}}
	code := runWith(context.Background(), append([]string{"--no-keyring"}, args...), &out, &errb, o)
	return code, out.String(), errb.String()
}

// readingCommandLines are command lines of every verb that only reads, on the demo.
func readingCommandLines(t *testing.T, db string) [][]string {
	t.Helper()
	users := usersJSON(t, db, "--licence", "interact")
	code, stdout, stderr := runCLI(t, db, "services", "--format", "json")
	var services []serviceJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &services) != nil || len(users) == 0 || len(services) == 0 {
		t.Fatalf("services: exit %d: %s", code, stderr)
	}
	upn, service := users[0].UserPrincipalName, services[0].Name
	return [][]string{
		{"users"}, {"user", "show", upn}, {"user", "snippet", upn}, {"services"},
		{"services", "members", service}, {"services", "settings", service},
		{"ous"}, {"config", "ous", "list"}, {"config", "settings", "show"},
		{"config", "skills", "list"}, {"config", "custom-roles", "list"}, {"config", "skill-categories", "list"},
		{"directory", "users"}, {"directory", "teams"}, {"status"}, {"journal"},
	}
}

func TestReadingVerbsOnAMistypedCacheCreateNothing(t *testing.T) {
	db := freshDemo(t)
	dir := t.TempDir()
	typo := filepath.Join(dir, "tenantt.db")
	for _, args := range readingCommandLines(t, db) {
		code, _, stderr := runOffline(t, append([]string{"--db", typo}, args...)...)
		if code != 1 || !strings.Contains(stderr, "no cache at "+typo+" — run sync first") {
			t.Errorf("%v on a missing cache: exit %d, stderr %q; want 1 and 'no cache at %s — run sync first'", args, code, stderr, typo)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("%v on a missing cache created %v", args, entries)
		}
	}
}

// A verb classified as reading opens the cache for reading only; one that wrote would
// be refused, so each runs here, and the cache is the same afterwards.
func TestReadingVerbsRunOnACacheOpenedForReadingAndChangeNothing(t *testing.T) {
	db := freshDemo(t)
	before, _ := os.ReadFile(db)
	for _, args := range readingCommandLines(t, db) {
		if code, _, stderr := runOffline(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("reading verbs changed the cache file")
	}
	if code, _, stderr := runCLI(t, db, "config", "ous", "add", "Marketing", "--parent", "/"); code != 0 {
		t.Errorf("config ous add after the reads: exit %d: %s", code, stderr)
	}
}

func TestAFolderOthersCanWriteIsReportedOnStderr(t *testing.T) {
	db := freshDemo(t)
	shared := filepath.Join(t.TempDir(), "shared")
	os.Mkdir(shared, 0o700)
	os.Chmod(shared, 0o777)
	moved := filepath.Join(shared, "tenant.db")
	if err := os.Rename(db, moved); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runOffline(t, "--db", moved, "ous")
	if code != 0 || !strings.Contains(stderr, "nimbusadmin: the folder "+shared+" can be written by other users") ||
		strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want one line saying others can write the folder", code, stderr)
	}
}

func TestAVerbThatShowsAndChangesReadsOnlyWhenNothingChanges(t *testing.T) {
	for _, c := range []struct {
		line  string
		reads bool
	}{
		{"services settings Hotline", true},
		{"services settings Hotline --format json", true},
		{"services settings Hotline --default-owner-role=full", false},
		{"services settings --members-can-change-active off Hotline", false},
		{"config skill-categories levels Languages", true},
		{"config skill-categories levels Languages --add Native=3", false},
		{"config skill-categories levels Languages -order A,B", false},
		{"config custom-roles show Auditor", true},
		{"config custom-roles permissions Auditor --set users=R", false},
		{"config ous list", true},
		{"config ous add Marketing --parent /", false},
		{"config settings show", true},
		{"config settings set --interact on", false},
		{"config skills list", true},
		{"config skills delete Spanish", false},
		{"user show anna", true},
		{"user move anna --ou Sales", false},
	} {
		args := strings.Fields(c.line)
		v, ok := findVerb(args)
		if !ok {
			t.Fatalf("%q: no verb", c.line)
		}
		if got := onlyReads(v, args[len(strings.Fields(v.name)):]); got != c.reads {
			t.Errorf("%q only reads: %v, want %v", c.line, got, c.reads)
		}
	}
}
