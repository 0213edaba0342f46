package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"nimbusadmin/app/buildinfo"
)

// withBuild makes the running build the one given for the length of a test.
func withBuild(t *testing.T, i buildinfo.Info) {
	t.Helper()
	was := buildinfo.Current()
	buildinfo.Set(i)
	t.Cleanup(func() { buildinfo.Set(was) })
}

func TestVersionPrintsVersionCommitAndDateAsALineOrJSON(t *testing.T) {
	withBuild(t, buildinfo.Info{Version: "0.1.0", Commit: "5f18b17c0ffee5f18b17c0ffee5f18b17c0ffee0", Date: "2026-12-03T18:05:02Z"})
	code, stdout, stderr := runOffline(t, "version")
	if want := "Nimbus Admin 0.1.0 (commit 5f18b17, built 2026-12-03T18:05:02Z)\n"; code != 0 || stdout != want {
		t.Errorf("version: exit %d, stdout %q, stderr %q; want 0 and %q", code, stdout, stderr, want)
	}
	code, stdout, stderr = runOffline(t, "version", "--format", "json")
	var got map[string]string
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil {
		t.Fatalf("version --format json: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	want := map[string]string{"version": "0.1.0", "commit": "5f18b17c0ffee5f18b17c0ffee5f18b17c0ffee0", "date": "2026-12-03T18:05:02Z"}
	if len(got) != len(want) || got["version"] != want["version"] || got["commit"] != want["commit"] || got["date"] != want["date"] {
		t.Errorf("version --format json gave %v, want %v", got, want)
	}
}

func TestVersionNeedsNoCacheAndTakesNoArguments(t *testing.T) {
	withBuild(t, buildinfo.Info{Version: "0.1.0"})
	var out, errb bytes.Buffer
	// no --db, no demo, nobody signed in: version still answers
	o := outside{getenv: func(string) string { return "" }, keyring: &authMemoryKeyring{m: map[string]string{}}}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if code := runWith(context.Background(), []string{"version"}, &out, &errb, o); code != 0 {
		t.Errorf("version without a cache: exit %d, stderr %q", code, errb.String())
	}
	if code, _, stderr := runOffline(t, "version", "extra"); code != 2 {
		t.Errorf("version extra: exit %d (stderr %q), want 2 for a malformed command line", code, stderr)
	}
}
