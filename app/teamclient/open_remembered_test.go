package teamclient

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Each tenant's server is remembered privately; with nobody signed in the one server
// remembered is used, and none when there are several to choose from; Forget drops the
// server named or, named none, every one.
func TestRememberedServersPerTenant(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", config)
	if err := Remember("tenant-a", "https://nimbus.contoso.com/"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(config, "nimbusadmin", "servers.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the file: %v, %v", fi, err)
	}
	if got, _ := RememberedServer(""); got != "https://nimbus.contoso.com" {
		t.Errorf("nobody signed in, one server remembered: %q", got)
	}
	if err := Remember("tenant-b", "https://nimbus.fabrikam.com"); err != nil {
		t.Fatal(err)
	}
	if got, _ := RememberedServer(""); got != "" {
		t.Errorf("nobody signed in, two servers remembered: %q, want none", got)
	}
	if got, _ := RememberedServer("tenant-b"); got != "https://nimbus.fabrikam.com" {
		t.Errorf("tenant-b: %q", got)
	}
	if err := Remember("tenant-c", "http://nimbus.fabrikam.com"); err == nil {
		t.Error("a plain-http server on another machine was remembered")
	}
	if gone, err := Forget("https://nimbus.contoso.com"); err != nil || !slices.Equal(gone, []string{"https://nimbus.contoso.com"}) {
		t.Errorf("Forget: %v, %v", gone, err)
	}
	if got, _ := RememberedServer("tenant-a"); got != "" {
		t.Errorf("tenant-a still remembers %q", got)
	}
	if gone, _ := Forget(""); !slices.Equal(gone, []string{"https://nimbus.fabrikam.com"}) {
		t.Errorf("Forget every server: %v", gone)
	}
	if got, _ := RememberedServer("tenant-b"); got != "" {
		t.Errorf("tenant-b still remembers %q", got)
	}
}
