package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// mustRun runs a command line that must succeed and returns its stdout.
func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, stdout, stderr := runCLI(t, db, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return stdout
}

// journalNow is the newest journal entries, to prove that a refused command wrote nothing.
func journalNow(t *testing.T, db string) string {
	t.Helper()
	return mustRun(t, db, "journal", "--format", "json", "--limit", "20")
}

// refusedCLI runs a command line that must fail with the exit code and a one-line message
// containing each of want, and change neither the user's detail nor the journal.
func refusedCLI(t *testing.T, db, user string, code int, args []string, want ...string) {
	t.Helper()
	before, journal := mustRun(t, db, "user", "show", user, "--format", "json"), journalNow(t, db)
	got, stdout, stderr := runCLI(t, db, args...)
	if got != code || stdout != "" || strings.Count(stderr, "\n") != 1 {
		t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q", args, got, code, stdout, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%v: the message %q does not say %q", args, stderr, w)
		}
	}
	if after := mustRun(t, db, "user", "show", user, "--format", "json"); after != before {
		t.Errorf("%v: the refused command changed %s", args, user)
	}
	if journalNow(t, db) != journal {
		t.Errorf("%v: the refused command wrote to the journal", args)
	}
}

// roleScopes lists the scopes in which the user holds the role.
func roleScopes(d userDetailJSON, role string) []string {
	var out []string
	for _, r := range d.Roles {
		if r.Role == role {
			out = append(out, r.Scope)
		}
	}
	return out
}

func TestUsersRoleKeepsTheHoldersOfARoleInAnyScopeWithTheOtherFilters(t *testing.T) {
	db := freshDemo(t)
	admins := usersJSON(t, db, "--role", "Organization Unit Administrator")
	if len(admins) < 2 {
		t.Fatalf("the demo has %d Organization Unit Administrators", len(admins))
	}
	for _, u := range admins {
		if len(roleScopes(showJSON(t, db, u.ID), "Organization Unit Administrator")) == 0 {
			t.Errorf("%s is listed but holds no Organization Unit Administrator role", u.UserPrincipalName)
		}
	}
	if same := usersJSON(t, db, "--role", "organization unit ADMINISTRATOR"); len(same) != len(admins) {
		t.Errorf("the role name in another case lists %d, not %d", len(same), len(admins))
	}
	members := usersJSON(t, db, "--role", "Team Member")
	withCC := usersJSON(t, db, "--role", "Team Member", "--licence", "contact-center")
	if len(withCC) == 0 || len(withCC) >= len(members) {
		t.Fatalf("Team Member AND Contact Center: %d of %d", len(withCC), len(members))
	}
	for _, u := range withCC {
		if !slices.Contains(u.Licences, "contact-center") || len(roleScopes(showJSON(t, db, u.ID), "Team Member")) == 0 {
			t.Fatalf("%s does not match both filters", u.UserPrincipalName)
		}
	}
	code, stdout, stderr := runCLI(t, db, "users", "--role", "Supervisor")
	if code != 1 || stdout != "" || !strings.Contains(stderr, `no role "Supervisor" in this tenant`) {
		t.Errorf("an unknown role: exit %d, %q", code, stderr)
	}
}

// directoryOnly is a person of the directory who is no Nimbus user yet.
func directoryOnly(t *testing.T, db string) directoryUserJSON {
	t.Helper()
	var people []directoryUserJSON
	if err := json.Unmarshal([]byte(mustRun(t, db, "directory", "users", "--format", "json")), &people); err != nil {
		t.Fatal(err)
	}
	nimbus := map[string]bool{}
	for _, u := range usersJSON(t, db) {
		nimbus[u.ID] = true
	}
	for _, p := range people {
		if !nimbus[p.ID] && p.UserPrincipalName != nil {
			return p
		}
	}
	t.Fatal("everyone in the demo directory is a Nimbus user")
	return directoryUserJSON{}
}

func TestUsersAddMakesAPersonOfTheDirectoryAManualNimbusUser(t *testing.T) {
	db := freshDemo(t)
	p := directoryOnly(t, db)
	upn := *p.UserPrincipalName
	var added addedUserJSON
	out := mustRun(t, db, "users", "add", upn, "--ou", "sales/emea", "--licence", "contact-center", "--format", "json")
	if err := json.Unmarshal([]byte(out), &added); err != nil || added.ID != p.ID || added.OrganizationUnit != "Sales/EMEA" ||
		!slices.Equal(added.Licences, []string{"contact-center"}) {
		t.Fatalf("users add printed %s (%v)", out, err)
	}
	d := showJSON(t, db, p.ID)
	if d.Origin != "manual" || d.OrganizationUnit != "Sales/EMEA" || len(d.Profiles) != 2 || !d.Deletable {
		t.Fatalf("the new user: origin %q, OU %q, profiles %+v, deletable %v", d.Origin, d.OrganizationUnit, d.Profiles, d.Deletable)
	}
	refusedCLI(t, db, p.ID, 1, []string{"users", "add", p.ID, "--ou", "/"}, "is already a Nimbus user")
	if n := len(usersJSON(t, db)); n != 2001 {
		t.Errorf("%d Nimbus users after one add", n)
	}

	other := directoryOnly(t, db)
	if got := mustRun(t, db, "users", "add", other.ID, "--ou", "/"); got != *other.UserPrincipalName+"\tContoso Demo\n" {
		t.Errorf("users add without --ou printed %q, want the UPN and the root OU", got)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"users", "add", "nobody@nowhere.example", "--ou", "/"}, 1, `no directory user "nobody@nowhere.example" in this tenant`},
		{[]string{"users", "add"}, 2, "needs one person of the directory"},
		{[]string{"users", "add", upn, "--ou", "/", "--licence", "gold"}, 2, "gold"},
		{[]string{"users", "add", directoryOnly(t, db).ID, "--ou", "No/Such/OU"}, 1, `no organization unit "No/Such/OU"`},
	} {
		if code, _, stderr := runCLI(t, db, c.args...); code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
}

func TestUsersDeleteSaysWhichServicesAndRolesTheUserLost(t *testing.T) {
	db := freshDemo(t)
	var agent userDetailJSON
	for _, u := range usersJSON(t, db, "--role", "Agent") {
		if d := showJSON(t, db, u.ID); d.Deletable {
			agent = d
			break
		}
	}
	if agent.ID == "" {
		t.Fatal("the demo has no deletable agent of a Skill-based service")
	}
	var service string
	for _, s := range agent.Services {
		if s.AssignmentType == "Skill-based" {
			service = s.Name
		}
	}
	code, stdout, stderr := runCLI(t, db, "users", "delete", agent.UserPrincipalName)
	if code != 0 || stdout != "" {
		t.Fatalf("delete: exit %d, %q", code, stderr)
	}
	for _, w := range []string{"Deleted " + agent.UserPrincipalName + " from Nimbus: they left agent of the Skill-based service \"" + service + "\"",
		"lost the role", "Agent in ", "the directory and Microsoft Teams are unchanged"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("the delete does not say %q: %q", w, stderr)
		}
	}
	if code, _, _ := runCLI(t, db, "user", "show", agent.ID); code != 1 {
		t.Error("the deleted user still shows")
	}
}
