package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// runCLI executes a command line against the demo cache db and returns the exit code,
// stdout and stderr.
func runCLI(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--demo", "--db", db}, args...)
	code := Run(context.Background(), full, &out, &errb)
	return code, out.String(), errb.String()
}

// freshDemo makes a new demo cache for a test that changes it.
func freshDemo(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := runCLI(t, db, "ous"); code != 0 {
		t.Fatalf("demo generation failed: %s", stderr)
	}
	return db
}

func usersJSON(t *testing.T, db string, args ...string) []userJSON {
	t.Helper()
	code, stdout, stderr := runCLI(t, db, append([]string{"users", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("users %v: exit %d: %s", args, code, stderr)
	}
	var users []userJSON
	if err := json.Unmarshal([]byte(stdout), &users); err != nil {
		t.Fatalf("users %v: bad JSON: %v", args, err)
	}
	return users
}

func TestHelpListsEveryVerb(t *testing.T) {
	var out bytes.Buffer
	if code := Run(context.Background(), []string{"help"}, &out, &out); code != 0 {
		t.Fatalf("help exit %d", code)
	}
	for _, v := range verbs {
		if !strings.Contains(out.String(), "  "+v.name+" ") {
			t.Errorf("help does not list %q", v.name)
		}
	}
}

func TestUsersJSONListsTheTwoThousandDemoUsers(t *testing.T) {
	db := freshDemo(t)
	users := usersJSON(t, db)
	if len(users) != 2000 {
		t.Fatalf("%d users, want 2000", len(users))
	}
	code, stdout, _ := runCLI(t, db, "users", "--format", "json")
	if code != 0 {
		t.Fatal("exit", code)
	}
	var raw []map[string]any
	json.Unmarshal([]byte(stdout), &raw)
	for _, key := range []string{"id", "displayName", "organizationUnit", "organizationUnitId", "userPrincipalName",
		"department", "attendantConsole", "activeProfile", "routingServices", "licences"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("JSON user has no %q", key)
		}
	}
	cc := usersJSON(t, db, "--licence", "contact-center")
	if len(cc) == 0 || len(cc) >= len(users) {
		t.Fatalf("--licence contact-center kept %d of %d", len(cc), len(users))
	}
	for _, u := range cc {
		if !slices.Contains(u.Licences, "contact-center") {
			t.Fatalf("%s has no Contact Center licence", u.UserPrincipalName)
		}
	}
	both := usersJSON(t, db, "--licence", "contact-center", "--licence", "assistant")
	if len(both) == 0 || len(both) >= len(cc) {
		t.Errorf("two licences kept %d of %d", len(both), len(cc))
	}
}

func TestUsersSearchNarrows(t *testing.T) {
	db := freshDemo(t)
	all := usersJSON(t, db)
	target := all[len(all)/2]
	hits := usersJSON(t, db, "--search", strings.ToUpper(target.UserPrincipalName))
	if len(hits) != 1 || hits[0].ID != target.ID {
		t.Fatalf("search by UPN: %d hits", len(hits))
	}
	if hits := usersJSON(t, db, "--search", target.ID); len(hits) != 1 {
		t.Errorf("search by O365 ID: %d hits", len(hits))
	}
	first := strings.Fields(target.DisplayName)[0]
	one := usersJSON(t, db, "--search", first)
	two := usersJSON(t, db, "--search", first+" "+target.UserPrincipalName)
	if len(one) < len(two) || len(two) != 1 {
		t.Errorf("AND of words: %q gave %d, adding the UPN gave %d", first, len(one), len(two))
	}
	domain := "@" + strings.SplitN(target.UserPrincipalName, "@", 2)[1]
	byDomain := usersJSON(t, db, "--search", domain)
	if len(byDomain) == 0 || len(byDomain) >= len(all) {
		t.Errorf("@domain search (%s) gave %d of %d", domain, len(byDomain), len(all))
	}
	if hits := usersJSON(t, db, "--search", domain[:len(domain)-3]+"zzz"); len(hits) != 0 {
		t.Errorf("@domain that matches no domain found %d", len(hits))
	}
	if hits := usersJSON(t, db, "--search", "no-such-person-xyz"); len(hits) != 0 {
		t.Errorf("nonsense search found %d", len(hits))
	}
}

func TestUsersOUWithAndWithoutOUOnly(t *testing.T) {
	db := freshDemo(t)
	code, stdout, _ := runCLI(t, db, "ous", "--format", "json")
	if code != 0 {
		t.Fatal("ous failed")
	}
	var ous []ouJSON
	json.Unmarshal([]byte(stdout), &ous)
	parent := map[int64]int64{}
	for _, o := range ous {
		parent[o.ID] = o.ParentID
	}
	inSubtree := func(id, top int64) bool {
		for ; id != 0; id = parent[id] {
			if id == top {
				return true
			}
		}
		return false
	}
	// pick an OU with children and users somewhere below it
	var chosen ouJSON
	for _, o := range ous {
		if o.ParentID != 0 && parent[o.ParentID] == ous[0].ID {
			chosen = o // a second-level OU such as "Sales/EMEA"
			break
		}
	}
	if chosen.ID == 0 {
		t.Fatal("demo tree has no second level")
	}
	sub := usersJSON(t, db, "--ou", chosen.Path)
	only := usersJSON(t, db, "--ou", chosen.Path, "--ou-only")
	byID := usersJSON(t, db, "--ou", "  "+strings.ToLower(chosen.Path)+" ")
	if len(sub) == 0 || len(sub) <= len(only) || len(byID) != len(sub) {
		t.Fatalf("%s: subtree %d, only %d, lower-case path %d", chosen.Path, len(sub), len(only), len(byID))
	}
	for _, u := range sub {
		if !inSubtree(u.OrganizationUnitID, chosen.ID) {
			t.Fatalf("%s is outside %s", u.OrganizationUnit, chosen.Path)
		}
	}
	for _, u := range only {
		if u.OrganizationUnitID != chosen.ID {
			t.Fatalf("--ou-only kept %s", u.OrganizationUnit)
		}
	}
	if code, _, stderr := runCLI(t, db, "users", "--ou", "No/Such/OU"); code != 1 || !strings.Contains(stderr, "No/Such/OU") {
		t.Errorf("unknown OU: exit %d, %q", code, stderr)
	}
}

func showJSON(t *testing.T, db, user string) userDetailJSON {
	t.Helper()
	code, stdout, stderr := runCLI(t, db, "user", "show", user, "--format", "json")
	if code != 0 {
		t.Fatalf("user show: %s", stderr)
	}
	var d userDetailJSON
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestUserShowTabsFollowLicenceGrantAndRevoke(t *testing.T) {
	db := freshDemo(t)
	var target userJSON
	for _, u := range usersJSON(t, db) {
		if len(u.Licences) == 0 {
			target = u
			break
		}
	}
	d := showJSON(t, db, target.UserPrincipalName)
	if !slices.Equal(d.Tabs, []string{"General", "Services", "Roles"}) {
		t.Fatalf("unlicensed user tabs: %v", d.Tabs)
	}
	if code, _, stderr := runCLI(t, db, "user", "licence", target.ID, "--grant", "contact-center", "--grant", "interact"); code != 0 {
		t.Fatalf("grant: %s", stderr)
	}
	d = showJSON(t, db, target.ID)
	want := []string{"General", "Services", "Roles", "Skills", "Profiles", "N/A Reasons", "Interact"}
	if !slices.Equal(d.Tabs, want) || d.Interact == nil || d.Interact.ContactID == "" {
		t.Fatalf("after grant: tabs %v, interact %+v", d.Tabs, d.Interact)
	}
	if code, _, stderr := runCLI(t, db, "user", "licence", target.ID, "--revoke", "contact-center"); code != 0 {
		t.Fatalf("revoke: %s", stderr)
	}
	d = showJSON(t, db, target.ID)
	if !slices.Equal(d.Tabs, []string{"General", "Services", "Roles"}) {
		t.Fatalf("after revoke: tabs %v", d.Tabs)
	}
	if len(d.HiddenTabs) != 5 || d.HiddenTabs[0].Tab != "Skills" || !strings.Contains(d.HiddenTabs[0].Reason, "Contact Center") {
		t.Errorf("hidden tabs after revoke: %+v", d.HiddenTabs)
	}
}

func TestUsersDeleteFollowsTheRule(t *testing.T) {
	db := freshDemo(t)
	var blocked, free string
	for _, u := range usersJSON(t, db) {
		d := showJSON(t, db, u.ID)
		if !d.Deletable && blocked == "" && strings.Contains(d.DeleteBlockedReason, "MS Teams-based") {
			blocked = u.ID
		}
		if d.Deletable && free == "" {
			free = u.ID
		}
		if blocked != "" && free != "" {
			break
		}
	}
	code, _, stderr := runCLI(t, db, "users", "delete", blocked)
	if code != 1 || !strings.Contains(stderr, "MS Teams-based service") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("delete of a Teams user: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, db, "users", "delete", free); code != 0 {
		t.Fatalf("delete of a manual user: %s", stderr)
	}
	if code, _, _ := runCLI(t, db, "user", "show", free); code != 1 {
		t.Errorf("deleted user still shows")
	}
	if n := len(usersJSON(t, db)); n != 1999 {
		t.Errorf("%d users after one delete", n)
	}
}

func TestBadInputGetsOneLineAndNonZeroExit(t *testing.T) {
	db := freshDemo(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"users", "--bogus"}, 2, "bogus"},
		{[]string{"frobnicate"}, 2, "unknown verb"},
		{[]string{"users", "--format", "xml"}, 2, "xml"},
		{[]string{"users", "--licence", "gold"}, 2, "gold"},
		{[]string{"user", "show", "nobody@nowhere.example"}, 1, "nobody@nowhere.example"},
		{[]string{"user", "licence", "nobody@nowhere.example", "--grant", "assistant"}, 1, "no Nimbus user"},
		{[]string{"user", "licence", "x"}, 2, "--grant"},
		{[]string{"user", "show"}, 2, "needs one user"},
		{[]string{"--demo-users", "3", "users"}, 2, "between 16 and 1000000"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, db, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q", c.args, code, stderr, stdout)
		}
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"users"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "--demo") {
		t.Errorf("no tenant: exit %d, %q", code, errb.String())
	}
}

func TestGlobalFlagsFromEnvironment(t *testing.T) {
	env := map[string]string{"NIMBUSADMIN_DB": "/tmp/x.db", "NIMBUSADMIN_DEMO": "true", "NIMBUSADMIN_DEMO_USERS": "50"}
	g, rest, err := ParseGlobals([]string{"--demo-users", "60", "users"}, func(k string) string { return env[k] })
	if err != nil || g.DB != "/tmp/x.db" || !g.Demo || g.DemoUsers != 60 || !slices.Equal(rest, []string{"users"}) {
		t.Errorf("got %+v %v %v", g, rest, err)
	}
	env["NIMBUSADMIN_DEMO_USERS"] = "many"
	if _, _, err := ParseGlobals(nil, func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "NIMBUSADMIN_DEMO_USERS") {
		t.Errorf("bad env value: %v", err)
	}
}
