package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// servicesDemo makes a small demo cache for the services verbs and returns how to run a
// command line against it.
func servicesDemo(t *testing.T) func(args ...string) (int, string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	run := func(args ...string) (int, string, string) {
		return runCLI(t, db, append([]string{"--demo-users", "60"}, args...)...)
	}
	if code, _, stderr := run("services"); code != 0 {
		t.Fatalf("demo generation failed: %s", stderr)
	}
	return run
}

// servicesJSON runs a verb that prints JSON and decodes it into out.
func servicesJSON(t *testing.T, run func(...string) (int, string, string), out any, args ...string) {
	t.Helper()
	code, stdout, stderr := run(append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), out); err != nil {
		t.Fatalf("%v: bad JSON: %v\n%s", args, err, stdout)
	}
}

func servicesList(t *testing.T, run func(...string) (int, string, string)) []serviceListJSON {
	t.Helper()
	var list []serviceListJSON
	servicesJSON(t, run, &list, "services")
	return list
}

func servicesMembersOf(t *testing.T, run func(...string) (int, string, string), service string) []serviceMemberJSON {
	t.Helper()
	var members []serviceMemberJSON
	servicesJSON(t, run, &members, "services", "members", service)
	return members
}

// servicesPick finds a service of a type, with users or without.
func servicesPick(t *testing.T, run func(...string) (int, string, string), kind string, withUsers bool) serviceListJSON {
	t.Helper()
	for _, s := range servicesList(t, run) {
		if s.AssignmentType == kind && (s.Users > 0) == withUsers {
			return s
		}
	}
	t.Fatalf("the demo tenant has no %s service (with users %v)", kind, withUsers)
	return serviceListJSON{}
}

// servicesJournal is the journal as JSON, to show that a refusal wrote nothing.
func servicesJournal(t *testing.T, run func(...string) (int, string, string)) string {
	t.Helper()
	code, stdout, stderr := run("journal", "--limit", "1000", "--format", "json")
	if code != 0 {
		t.Fatalf("journal: %s", stderr)
	}
	return stdout
}

// servicesRefused asserts exit 1 with the message parts on stderr and an unchanged journal.
func servicesRefused(t *testing.T, run func(...string) (int, string, string), want []string, args ...string) {
	t.Helper()
	before := servicesJournal(t, run)
	code, _, stderr := run(args...)
	if code != 1 {
		t.Errorf("%v: exit %d, want 1 (%s)", args, code, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%v: %q does not say %q", args, stderr, w)
		}
	}
	if servicesJournal(t, run) != before {
		t.Errorf("%v: a refused command was journaled", args)
	}
}

// servicesUsage asserts exit 2, a malformed command line.
func servicesUsage(t *testing.T, run func(...string) (int, string, string), args ...string) {
	t.Helper()
	if code, _, stderr := run(args...); code != 2 {
		t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
	}
}

func TestServicesListsEachServicesLicenceAndTeamsSettings(t *testing.T) {
	run := servicesDemo(t)
	kinds := map[string]bool{}
	for _, s := range servicesList(t, run) {
		kinds[s.AssignmentType] = true
		if s.AssignmentType == "skill" && s.Licence != "contact-center" || s.Licence == "" {
			t.Errorf("%s (%s) carries %q", s.Name, s.AssignmentType, s.Licence)
		}
		if (s.AssignmentType == "teams") != (s.DefaultOwnerRole != "" && s.MembersCanChangeActive != nil) {
			t.Errorf("%s (%s): default owner role %q, members can change active %v", s.Name, s.AssignmentType, s.DefaultOwnerRole, s.MembersCanChangeActive)
		}
	}
	if len(kinds) != 3 {
		t.Errorf("the demo has services of %v", kinds)
	}
	code, stdout, _ := run("services", "--format", "csv")
	if header, _, _ := strings.Cut(stdout, "\n"); code != 0 || !strings.Contains(header, "Licence") {
		t.Errorf("csv header %q", header)
	}
}

func TestServicesAddTakesALicence(t *testing.T) {
	run := servicesDemo(t)
	if code, stdout, stderr := run("services", "add", "--type", "skill", "--name", "Routing Desk", "--ou", "/", "--licence", "enterprise-routing"); code != 0 ||
		!strings.Contains(stdout, "Enterprise Routing") {
		t.Fatalf("add: exit %d %s%s", code, stdout, stderr)
	}
	if code, _, stderr := run("services", "add", "--type", "skill", "--name", "Premium Desk", "--ou", "/"); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	for _, s := range servicesList(t, run) {
		if s.Name == "Routing Desk" && s.Licence != "enterprise-routing" || s.Name == "Premium Desk" && s.Licence != "contact-center" {
			t.Errorf("%s carries %q", s.Name, s.Licence)
		}
	}
	servicesRefused(t, run, []string{"only a Contact Center service can take agents"},
		"services", "members", "add", "Routing Desk", servicesCCUser(t, run), "--role", "agent")
	servicesUsage(t, run, "services", "add", "--type", "none", "--name", "X", "--ou", "/", "--licence", "gold")

	var teams []directoryTeamJSON
	servicesJSON(t, run, &teams, "directory", "teams")
	taken := map[string]bool{}
	for _, s := range servicesList(t, run) {
		taken[s.TeamID] = true
	}
	i := slices.IndexFunc(teams, func(tm directoryTeamJSON) bool { return !taken[tm.ID] })
	if i < 0 {
		t.Fatal("the demo has no Team that backs no service")
	}
	if code, _, stderr := run("services", "add-team", teams[i].ID, "--ou", "/", "--licence", "contact-center"); code != 0 {
		t.Fatalf("add-team: %s", stderr)
	}
	if !slices.ContainsFunc(servicesList(t, run), func(s serviceListJSON) bool { return s.TeamID == teams[i].ID && s.Licence == "contact-center" }) {
		t.Error("the Team's new service does not carry the licence given")
	}
	servicesUsage(t, run, "services", "add-team", teams[i].ID, "--ou", "/", "--licence", "gold")
}

// servicesCCUser is a demo user with a Contact Center licence.
func servicesCCUser(t *testing.T, run func(...string) (int, string, string)) string {
	t.Helper()
	var users []userJSON
	servicesJSON(t, run, &users, "users", "--licence", "contact-center")
	if len(users) == 0 {
		t.Fatal("no Contact Center user in the demo")
	}
	return users[0].UserPrincipalName
}

func TestServicesRenameRenamesSkillAndNoneServicesOnly(t *testing.T) {
	run := servicesDemo(t)
	skill := servicesPick(t, run, "skill", true)
	if code, _, stderr := run("services", "rename", skill.Name, "  Escalation Desk "); code != 0 {
		t.Fatalf("rename: %s", stderr)
	}
	if !slices.ContainsFunc(servicesList(t, run), func(s serviceListJSON) bool { return s.ID == skill.ID && s.Name == "Escalation Desk" }) {
		t.Error("the new name is not listed")
	}
	teams := servicesPick(t, run, "teams", true)
	servicesRefused(t, run, []string{"takes its name from its Team"}, "services", "rename", teams.Name, "Hotline")
	servicesRefused(t, run, []string{"already a service named"}, "services", "rename", "escalation desk", strings.ToUpper(teams.Name))
	servicesUsage(t, run, "services", "rename", "Escalation Desk")
}

func TestServicesDeleteNamesTheMembersUnlessConfirmed(t *testing.T) {
	run := servicesDemo(t)
	skill := servicesPick(t, run, "skill", true)
	members := servicesMembersOf(t, run, skill.Name)
	servicesRefused(t, run, []string{skill.Name, members[0].DisplayName, "--yes"}, "services", "delete", skill.Name)
	code, stdout, stderr := run("services", "delete", skill.Name, "--yes")
	if code != 0 || !strings.Contains(stdout, "Deleted") || !strings.Contains(stderr, members[0].DisplayName) {
		t.Fatalf("delete --yes: exit %d %s%s", code, stdout, stderr)
	}
	if slices.ContainsFunc(servicesList(t, run), func(s serviceListJSON) bool { return s.ID == skill.ID }) {
		t.Error("the deleted service is still listed")
	}
	var users []userJSON
	servicesJSON(t, run, &users, "users", "--search", members[0].UserPrincipalName)
	if len(users) != 1 {
		t.Errorf("the former member %s is no Nimbus user any more", members[0].UserPrincipalName)
	}
	none := servicesPick(t, run, "none", false)
	if code, _, stderr := run("services", "delete", none.Name); code != 0 {
		t.Errorf("delete a None service: %s", stderr)
	}
	teams := servicesPick(t, run, "teams", true)
	servicesRefused(t, run, []string{"follows its Team"}, "services", "delete", teams.Name, "--yes")
	servicesUsage(t, run, "services", "delete")
}

func TestServicesLicenceKeepsContactCenterForAServiceWithAgents(t *testing.T) {
	run := servicesDemo(t)
	skill := servicesPick(t, run, "skill", true)
	members := servicesMembersOf(t, run, skill.Name)
	servicesRefused(t, run, []string{"only a Contact Center service", members[0].DisplayName}, "services", "licence", skill.Name, "advanced-routing")
	teams := servicesPick(t, run, "teams", true)
	if code, _, stderr := run("services", "licence", teams.Name, "Enterprise Routing"); code != 0 {
		t.Fatalf("licence: %s", stderr)
	}
	if !slices.ContainsFunc(servicesList(t, run), func(s serviceListJSON) bool { return s.ID == teams.ID && s.Licence == "enterprise-routing" }) {
		t.Error("the new licence is not listed")
	}
	servicesUsage(t, run, "services", "licence", teams.Name, "interact")
}

func TestServicesSettingsChangeATeamsBasedService(t *testing.T) {
	run := servicesDemo(t)
	teams := servicesPick(t, run, "teams", true)
	var got servicesSettingsJSON
	servicesJSON(t, run, &got, "services", "settings", teams.Name, "--default-owner-role", "limited", "--members-can-change-active", "off")
	if got.DefaultOwnerRole != "limited" || got.MembersCanChangeActive == nil || *got.MembersCanChangeActive {
		t.Errorf("settings after the change: %+v", got)
	}
	servicesJSON(t, run, &got, "services", "settings", teams.Name, "--members-can-change-active", "on")
	if got.DefaultOwnerRole != "limited" || !*got.MembersCanChangeActive {
		t.Errorf("one flag changed the other: %+v", got)
	}
	skill := servicesPick(t, run, "skill", true)
	servicesRefused(t, run, []string{"only MS Teams-based services"}, "services", "settings", skill.Name, "--default-owner-role", "limited")
	servicesUsage(t, run, "services", "settings", teams.Name, "--default-owner-role", "boss")
	servicesUsage(t, run, "services", "settings", teams.Name, "--members-can-change-active", "maybe")
}
