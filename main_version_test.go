package main

import (
	"os"
	"strings"
	"testing"
)

// The binary's version is FyneApp.toml's, the file fyne package writes into the packages:
// one place to change it.
func TestVersionIsThatOfFyneAppToml(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, line := range strings.Split(string(toml), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "Version" {
			want = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	code, stdout, stderr := runMain(t, "version")
	if want == "" || code != 0 || !strings.HasPrefix(stdout, "Nimbus Admin "+want+" (commit ") {
		t.Errorf("version: exit %d, stdout %q, stderr %q; want 'Nimbus Admin %s (commit …'", code, stdout, stderr, want)
	}
}
