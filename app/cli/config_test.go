package cli

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// configDemo makes a small demo cache for the configuration verbs.
func configDemo(t *testing.T) func(args ...string) (int, string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	run := func(args ...string) (int, string, string) {
		return runCLI(t, db, append([]string{"--demo-users", "60"}, args...)...)
	}
	if code, _, stderr := run("ous"); code != 0 {
		t.Fatalf("demo generation failed: %s", stderr)
	}
	return run
}

func configList(t *testing.T, run func(...string) (int, string, string), kind string) []configItemJSON {
	t.Helper()
	code, stdout, stderr := run("config", kind, "list", "--format", "json")
	if code != 0 {
		t.Fatalf("config %s list: exit %d: %s", kind, code, stderr)
	}
	var items []configItemJSON
	if err := json.Unmarshal([]byte(stdout), &items); err != nil {
		t.Fatalf("config %s list: %v", kind, err)
	}
	return items
}

func configFind(items []configItemJSON, name string) (configItemJSON, bool) {
	for _, it := range items {
		if it.Name == name {
			return it, true
		}
	}
	return configItemJSON{}, false
}

func TestConfigAddListDeleteThroughTheRules(t *testing.T) {
	run := configDemo(t)
	if code, _, stderr := run("config", "na-reasons", "add", "Dentist", "--ou", "Support"); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	it, ok := configFind(configList(t, run, "na-reasons"), "Dentist")
	if !ok || it.OUPath != "Support" || len(it.UsedBy) != 0 {
		t.Fatalf("listed %+v", it)
	}
	code, _, stderr := run("config", "na-reasons", "add", "dentist", "--ou", "Support")
	if code != 1 || !strings.Contains(stderr, `already an N/A reason named "dentist"`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("duplicate: exit %d, %q", code, stderr)
	}
	code, _, stderr = run("config", "na-reasons", "update", "lunch", "--ou", "Sales")
	if code != 1 || !strings.Contains(stderr, "cannot move the N/A reason") {
		t.Errorf("move out of scope: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run("config", "na-reasons", "update", "Dentist", "--name", "Dentist visit", "--ou", "/"); code != 0 {
		t.Fatalf("update: %s", stderr)
	}
	if it, _ := configFind(configList(t, run, "na-reasons"), "Dentist visit"); it.OUPath != "Contoso Demo" {
		t.Errorf("after update %+v", it)
	}
	if code, _, stderr := run("config", "na-reasons", "delete", "Dentist visit"); code != 0 {
		t.Fatalf("delete: %s", stderr)
	}
	if _, ok := configFind(configList(t, run, "na-reasons"), "Dentist"); ok {
		t.Error("Dentist still listed after delete")
	}
	// Lunch is held by demo users: delete is refused and says by whom.
	lunch, _ := configFind(configList(t, run, "na-reasons"), "Lunch")
	if len(lunch.UsedBy) == 0 || lunch.UsedBy[0].Kind != "user" || lunch.UsedBy[0].Count == 0 {
		t.Fatalf("Lunch used by %+v", lunch.UsedBy)
	}
	code, _, stderr = run("config", "na-reasons", "delete", "lunch")
	if code != 1 || !strings.Contains(stderr, "is used by") || !strings.Contains(stderr, lunch.UsedBy[0].Names[0]) {
		t.Errorf("in-use delete: exit %d, %q", code, stderr)
	}
}

func TestConfigEveryKindAddsAndRefuses(t *testing.T) {
	run := configDemo(t)
	ok := [][]string{
		{"skill-categories", "add", "Tools", "--level", "Novice=1", "--level", "Expert=3"},
		{"skills", "add", "Jira", "--category", "Tools", "--ou", "Support"},
		{"profiles", "add", "Jira desk", "--ou", "Support", "--skill", "Jira=Expert", "--skill", "Voice=2"},
		{"domain-templates", "add", "Shop", "--origin", "https://shop.contoso.example"},
		{"system-messages", "add", "Short", "--display-name", "Contoso", "--welcome", "Hi"},
		{"call-templates", "add", "Wiki", "--url", "https://wiki.contoso.example/?q={callerName}"},
		{"custom-roles", "add", "Jira admin", "--ou", "Support", "--permissions", "users.skills=CD,users.list=R"},
	}
	for _, args := range ok {
		if code, stdout, stderr := run(append([]string{"config"}, args...)...); code != 0 || strings.TrimSpace(stdout) == "" {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	role, _ := configFind(configList(t, run, "custom-roles"), "Jira admin")
	if role.Detail != "" || role.OUPath != "Support" {
		t.Errorf("role %+v", role)
	}
	refused := [][]string{
		{"skill-categories", "add", "Bad", "--level", "A=1", "--level", "B=1"},
		{"skills", "add", "Jira2", "--category", "Tools", "--ou", "Nowhere"},
		{"profiles", "add", "Empty", "--ou", "Support"},
		{"domain-templates", "add", "Bad", "--origin", "http://shop.contoso.example/path"},
		{"system-messages", "add", "Bad", "--display-name", "Shop", "--ou", "Nowhere"},
		{"call-templates", "add", "Bad", "--url", "not a url"},
		{"custom-roles", "add", "Bad", "--permissions", "users.nothing=R"},
		{"profiles", "delete", "On Duty"},
	}
	for _, args := range refused {
		code, _, stderr := run(append([]string{"config"}, args...)...)
		if code != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	code, stdout, _ := run("config", "skills", "list", "--format", "csv")
	if code != 0 || !strings.HasPrefix(stdout, "ID,Name,Organization Unit,Details,Used by\n") || !strings.Contains(stdout, "Jira,Support,Tools") {
		t.Errorf("csv: %q", stdout)
	}
}

func TestConfigOUsAndSettings(t *testing.T) {
	run := configDemo(t)
	if code, _, stderr := run("config", "ous", "add", "Lab", "--parent", "Support"); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := run("config", "ous", "move", "Support", "--to", "Support/Lab")
	if code != 1 || !strings.Contains(stderr, "own subtree") {
		t.Errorf("cycle: exit %d %q", code, stderr)
	}
	code, _, stderr = run("config", "ous", "delete", "Support")
	if code != 1 || !strings.Contains(stderr, "still holds") {
		t.Errorf("non-empty delete: exit %d %q", code, stderr)
	}
	if code, _, stderr := run("config", "ous", "rename", "Support/Lab", "Test Lab"); code != 0 {
		t.Fatal(stderr)
	}
	if code, stdout, _ := run("config", "ous", "list", "--format", "csv"); code != 0 || !strings.Contains(stdout, "Support/Test Lab,\n") {
		t.Errorf("list after rename: %q", stdout)
	}
	if code, _, stderr := run("config", "ous", "delete", "Support/Test Lab"); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr = run("config", "settings", "set", "--snippet-template", "<script>{{widgetKey}}</script>")
	if code != 1 || !strings.Contains(stderr, "{{contactId}}") {
		t.Errorf("bad template: exit %d %q", code, stderr)
	}
	if code, _, _ := run("config", "settings", "regenerate-widget-key"); code != 2 {
		t.Errorf("regenerate without --yes: exit %d", code)
	}
	if code, _, stderr := run("config", "settings", "set", "--interact", "off", "--default-ou", "Support", "--admin-group", "Admins"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := run("config", "settings", "show", "--format", "json")
	var s configSettingsJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &s) != nil || s.InteractEnabled || s.DefaultTeamsOU != "Support" || s.AdminSecurityGroup != "Admins" {
		t.Errorf("settings %q", stdout)
	}
}

func TestConfigCustomRoleShowAndPermissions(t *testing.T) {
	run := configDemo(t)
	code, _, stderr := run("config", "custom-roles", "permissions", "Licence Manager", "--set", "users.profiles=D,users.list=R")
	if code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := run("config", "custom-roles", "show", "licence manager", "--format", "json")
	var r configRoleJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &r) != nil {
		t.Fatalf("show: %d %q", code, stdout)
	}
	if len(r.Permissions) != 2 || r.Permissions["users.profiles"] != "-R-D" || r.Permissions["users.list"] != "-R--" {
		t.Errorf("permissions %v", r.Permissions)
	}
	code, stdout, _ = run("config", "custom-roles", "show", "Licence Manager")
	if code != 0 || !strings.Contains(stdout, "-~-~   Users") || !strings.Contains(stdout, "-x-x     Profiles Tab") {
		t.Errorf("tree:\n%s", stdout)
	}
	code, _, stderr = run("config", "custom-roles", "permissions", "Licence Manager", "--set", "users.bogus=R")
	if code != 1 || !strings.Contains(stderr, `"users.bogus" is not an item`) {
		t.Errorf("bogus item: %d %q", code, stderr)
	}
}

func TestConfigCustomRoleGroupPermissionsInheritDown(t *testing.T) {
	run := configDemo(t)
	if code, _, stderr := run("config", "custom-roles", "permissions", "Licence Manager", "--set", "users=RU"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := run("config", "custom-roles", "show", "Licence Manager")
	if code != 0 {
		t.Fatalf("show: exit %d", code)
	}
	inUsers, rows := false, 0
	for _, line := range strings.Split(stdout, "\n") {
		// "  CRUD  NAME", the name indented by two spaces per level below its area
		if !strings.HasPrefix(line, "  ") || len(line) < 9 {
			inUsers = false
			continue
		}
		if name := line[8:]; !strings.HasPrefix(name, "  ") {
			inUsers = strings.TrimSpace(name) == "Users"
		}
		if inUsers {
			rows++
			if !strings.HasPrefix(line, "  -xx-  ") {
				t.Errorf("not R and U: %q", line)
			}
		}
	}
	if rows < 10 {
		t.Errorf("%d rows under Users:\n%s", rows, stdout)
	}
	code, stdout, _ = run("config", "custom-roles", "show", "Licence Manager", "--format", "json")
	var r configRoleJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &r) != nil {
		t.Fatalf("show json: %d %q", code, stdout)
	}
	if len(r.Permissions) != rows || r.Permissions["users.skills.levels"] != "-RU-" || r.Permissions["users.general.licences"] != "-RU-" {
		t.Errorf("%d rows, permissions %v", rows, r.Permissions)
	}

	// Deeper items override their group, whatever their place; Users follows Users list.
	code, _, stderr := run("config", "custom-roles", "add", "Teams desk", "--permissions",
		"services.users.list=R,services.users=CRUD,users.skills=R,users=RU")
	if code != 0 {
		t.Fatal(stderr)
	}
	_, stdout, _ = run("config", "custom-roles", "show", "Teams desk", "--format", "json")
	json.Unmarshal([]byte(stdout), &r)
	for k, want := range map[string]string{"services.users.role": "CRUD", "services.users.list": "-R--", "services.users.users": "-R--",
		"users.list": "-RU-", "users.skills": "-R--", "users.skills.levels": "-R--"} {
		if r.Permissions[k] != want {
			t.Errorf("%s: %q, want %q", k, r.Permissions[k], want)
		}
	}
	code, _, stderr = run("config", "custom-roles", "permissions", "Teams desk", "--set", "services.users.users=CRUD")
	if code != 2 || !strings.Contains(stderr, `"Users" follows "Users list"`) {
		t.Errorf("Users on its own: exit %d %q", code, stderr)
	}
}

// A custom role's description, which the window's role editor changes, can be changed
// on the command line too; its permissions stay.
func TestConfigCustomRoleDescriptionIsUpdated(t *testing.T) {
	run := configDemo(t)
	code, stdout, _ := run("config", "custom-roles", "show", "Licence Manager", "--format", "json")
	var before configRoleJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &before) != nil {
		t.Fatalf("show: %d %q", code, stdout)
	}
	if code, _, stderr := run("config", "custom-roles", "update", "Licence Manager", "--description", "Grants and revokes licences"); code != 0 {
		t.Fatalf("update: exit %d %q", code, stderr)
	}
	code, stdout, _ = run("config", "custom-roles", "show", "Licence Manager", "--format", "json")
	var after configRoleJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &after) != nil {
		t.Fatalf("show: %d %q", code, stdout)
	}
	if after.Description != "Grants and revokes licences" || after.Name != before.Name || after.OUPath != before.OUPath ||
		!maps.Equal(after.Permissions, before.Permissions) {
		t.Errorf("after the update %+v, before %+v", after, before)
	}
	if code, _, _ := run("config", "skills", "update", "1", "--description", "x"); code != 2 {
		t.Errorf("--description on a kind without descriptions: exit %d, want 2", code)
	}
}
