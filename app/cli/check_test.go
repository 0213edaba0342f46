package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// checkJSON runs 'check --format json' and returns its exit code and findings.
func checkJSON(t *testing.T, run func(args ...string) (int, string, string)) (int, []map[string]any) {
	t.Helper()
	code, stdout, stderr := run("check", "--format", "json")
	var findings []map[string]any
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil || findings == nil {
		t.Fatalf("check: want a JSON array, got %q (%v); stderr %s", stdout, err, stderr)
	}
	return code, findings
}

func TestCheckExitsOneWhileItFindsSomethingAndZeroOnceFixed(t *testing.T) {
	db := freshDemo(t)
	run := func(args ...string) (int, string, string) {
		return runCLI(t, db, append([]string{"--demo-users", "60"}, args...)...)
	}
	if code, findings := checkJSON(t, run); code != 0 || len(findings) != 0 {
		t.Fatalf("a fresh small demo: exit %d, findings %v", code, findings)
	}
	if code, stdout, _ := run("check"); code != 0 || !strings.Contains(stdout, "Every check passes") {
		t.Fatalf("exit %d: %q", code, stdout)
	}
	if code, _, stderr := run("services", "add", "--type", "skill", "--name", "Night desk", "--ou", "/"); code != 0 {
		t.Fatalf("services add: %s", stderr)
	}
	code, findings := checkJSON(t, run)
	if code != 1 || len(findings) != 1 {
		t.Fatalf("an ownerless Skill-based service: exit %d, findings %v", code, findings)
	}
	fd := findings[0]
	for _, k := range []string{"check", "rule", "items", "fix"} {
		if _, ok := fd[k]; !ok {
			t.Errorf("a finding has no %q: %v", k, fd)
		}
	}
	items, _ := fd["items"].([]any)
	if fd["check"] != "skill-service-without-owner" || len(items) != 1 || items[0].(map[string]any)["name"] != "Night desk" {
		t.Errorf("finding %v", fd)
	}
	if code, _, stderr := run("check"); code != 1 || !strings.Contains(stderr, "inconsistencies") {
		t.Errorf("table: exit %d, stderr %q", code, stderr)
	}
	_, stdout, _ := run("users", "--licence", "contact-center", "--format", "json")
	var users []userJSON
	if err := json.Unmarshal([]byte(stdout), &users); err != nil || len(users) == 0 {
		t.Fatalf("no Contact Center user in the demo: %v", err)
	}
	if code, _, stderr := run("services", "members", "add", "Night desk", users[0].UserPrincipalName, "--role", "owner"); code != 0 {
		t.Fatalf("members add: %s", stderr)
	}
	if code, findings := checkJSON(t, run); code != 0 || len(findings) != 0 {
		t.Fatalf("once owned: exit %d, findings %v", code, findings)
	}
}
