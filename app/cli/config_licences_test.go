package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// configTotals reads the licence totals of `config settings show`.
func configTotals(t *testing.T, run func(...string) (int, string, string)) map[string]licenceTotalJSON {
	t.Helper()
	code, stdout, stderr := run("config", "settings", "show", "--format", "json")
	var s configSettingsJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &s) != nil {
		t.Fatalf("settings show: exit %d %s %s", code, stdout, stderr)
	}
	out := map[string]licenceTotalJSON{}
	for _, l := range s.Licences {
		out[l.Licence] = l
	}
	return out
}

func TestConfigSettingsContingents(t *testing.T) {
	run := configDemo(t)
	totals := configTotals(t, run)
	cc := totals["contact-center"]
	if len(totals) != 4 || cc.Name != "Contact Center" || cc.InUse == 0 || cc.Contingent == nil || *cc.Contingent <= cc.InUse {
		t.Fatalf("demo totals %+v", totals)
	}
	code, stdout, _ := run("config", "settings", "show")
	if want := fmt.Sprintf("Contact Center:        %d / %d", cc.InUse, *cc.Contingent); code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("show does not list %q:\n%s", want, stdout)
	}

	code, _, stderr := run("config", "settings", "set", "--contingent", fmt.Sprintf("contact-center=%d", cc.InUse-1))
	if code != 1 || !strings.Contains(stderr, fmt.Sprintf("%d users hold the licence", cc.InUse)) {
		t.Errorf("below use: exit %d %q", code, stderr)
	}
	if code, _, stderr := run("config", "settings", "set", "--contingent", fmt.Sprintf("contact-center=%d", cc.InUse),
		"--contingent", "Assistant=unlimited"); code != 0 {
		t.Fatal(stderr)
	}
	totals = configTotals(t, run)
	if c := totals["contact-center"].Contingent; c == nil || *c != cc.InUse || totals["assistant"].Contingent != nil {
		t.Errorf("after set: %+v", totals)
	}
	// Every Contact Center licence is in use now: the next grant is refused.
	code, stdout, _ = run("users", "--format", "json")
	var users []userJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &users) != nil {
		t.Fatalf("users: exit %d", code)
	}
	var without string
	for _, u := range users {
		if !strings.Contains(strings.Join(u.Licences, ","), "contact-center") {
			without = u.UserPrincipalName
			break
		}
	}
	code, _, stderr = run("user", "licence", without, "--grant", "contact-center")
	if code != 1 || !strings.Contains(stderr, fmt.Sprintf("Contact Center: all %d licences of the tenant are in use", cc.InUse)) {
		t.Errorf("grant past the contingent: exit %d %q", code, stderr)
	}
	for _, bad := range []string{"contact-center", "cc=5", "interact=many"} {
		if code, _, _ := run("config", "settings", "set", "--contingent", bad); code != 2 {
			t.Errorf("--contingent %s: exit %d, want 2", bad, code)
		}
	}
}

func TestStatusListsLicencesInUseAndContingent(t *testing.T) {
	run := configDemo(t)
	totals := configTotals(t, run)
	code, stdout, stderr := run("--no-keyring", "status", "--format", "json")
	var st authStatusJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &st) != nil {
		t.Fatalf("status: exit %d %s %s", code, stdout, stderr)
	}
	if len(st.Licences) != 4 {
		t.Fatalf("status licences %+v", st.Licences)
	}
	for _, l := range st.Licences {
		want := totals[l.Licence]
		if l.Name != want.Name || l.InUse != want.InUse || l.Contingent == nil || *l.Contingent != *want.Contingent {
			t.Errorf("status says %+v, settings %+v", l, want)
		}
	}
	code, stdout, _ = run("--no-keyring", "status")
	cc := totals["contact-center"]
	if want := fmt.Sprintf("\nLicence            In use / contingent\nContact Center     %d / %d\n", cc.InUse, *cc.Contingent); code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("status does not print %q:\n%s", want, stdout)
	}
}
