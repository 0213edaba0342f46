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
	if code, stdout, stderr := run("services", "add", "--type", "skill", "--name", "Routing Desk", "--licence", "enterprise-routing"); code != 0 ||
		!strings.Contains(stdout, "Enterprise Routing") {
		t.Fatalf("add: exit %d %s%s", code, stdout, stderr)
	}
	if code, _, stderr := run("services", "add", "--type", "skill", "--name", "Premium Desk"); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	for _, s := range servicesList(t, run) {
		if s.Name == "Routing Desk" && s.Licence != "enterprise-routing" || s.Name == "Premium Desk" && s.Licence != "contact-center" {
			t.Errorf("%s carries %q", s.Name, s.Licence)
		}
	}
	servicesRefused(t, run, []string{"only a Contact Center service can take agents"},
		"services", "members", "add", "Routing Desk", servicesCCUser(t, run), "--role", "agent")
	servicesUsage(t, run, "services", "add", "--type", "none", "--name", "X", "--licence", "gold")

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
	if code, _, stderr := run("services", "add-team", teams[i].ID, "--licence", "contact-center"); code != 0 {
		t.Fatalf("add-team: %s", stderr)
	}
	if !slices.ContainsFunc(servicesList(t, run), func(s serviceListJSON) bool { return s.TeamID == teams[i].ID && s.Licence == "contact-center" }) {
		t.Error("the Team's new service does not carry the licence given")
	}
	servicesUsage(t, run, "services", "add-team", teams[i].ID, "--licence", "gold")
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

func TestServicesMembersListsWhoBelongsAndHow(t *testing.T) {
	run := servicesDemo(t)
	teams := servicesPick(t, run, "teams", true)
	members := servicesMembersOf(t, run, teams.Name)
	if len(members) == 0 {
		t.Fatalf("%s lists no members", teams.Name)
	}
	owners := 0
	for _, m := range members {
		if m.ID == "" || m.UserPrincipalName == "" || m.Active == nil {
			t.Errorf("member %+v", m)
		}
		if m.Membership == "owner" {
			owners++
			if m.OwnerRole != teams.DefaultOwnerRole {
				t.Errorf("owner %s holds %q, the demo gives %q", m.UserPrincipalName, m.OwnerRole, teams.DefaultOwnerRole)
			}
		} else if m.OwnerRole != "" {
			t.Errorf("member %s has owner role %q", m.UserPrincipalName, m.OwnerRole)
		}
	}
	if owners == 0 {
		t.Errorf("%s lists no owner", teams.Name)
	}
	skill := servicesPick(t, run, "skill", true)
	for _, m := range servicesMembersOf(t, run, skill.Name) {
		if m.Active != nil || m.OwnerRole != "" || (m.Membership != "agent" && m.Membership != "owner") {
			t.Errorf("a Skill-based service's user: %+v", m)
		}
	}
	code, stdout, _ := run("services", "members", teams.Name)
	if header, _, _ := strings.Cut(stdout, "\n"); code != 0 || !strings.Contains(header, "O365 ID") || !strings.Contains(header, "Owner Role") {
		t.Errorf("table header %q", header)
	}
	if code, _, stderr := run("services", "members", "No Such Service"); code != 1 || !strings.Contains(stderr, `no service "No Such Service"`) {
		t.Errorf("unknown service: exit %d %s", code, stderr)
	}
}

func TestServicesMembersAddAndRemoveAnAgent(t *testing.T) {
	run := servicesDemo(t)
	skill := servicesPick(t, run, "skill", true)
	upn := servicesCCUser(t, run)
	in := func() bool {
		return slices.ContainsFunc(servicesMembersOf(t, run, skill.Name), func(m serviceMemberJSON) bool {
			return m.UserPrincipalName == upn && m.Membership == "owner"
		})
	}
	if in() {
		t.Fatalf("%s already owns %s", upn, skill.Name)
	}
	if code, _, stderr := run("services", "members", "add", skill.Name, upn, "--role", "owner"); code != 0 || !in() {
		t.Fatalf("add: exit %d %s", code, stderr)
	}
	servicesRefused(t, run, []string{"already an owner"}, "services", "members", "add", skill.Name, upn, "--role", "owner")
	if code, _, stderr := run("services", "members", "remove", skill.Name, upn, "--role", "owner"); code != 0 || in() {
		t.Fatalf("remove: exit %d %s", code, stderr)
	}
	teams := servicesPick(t, run, "teams", true)
	servicesRefused(t, run, []string{"MS Teams-based"}, "services", "members", "add", teams.Name, upn, "--role", "agent")
	servicesUsage(t, run, "services", "members", "add", skill.Name, upn)
	servicesUsage(t, run, "services", "members", "remove", skill.Name, upn, "--role", "member")
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

func TestServicesMembersActiveSwitchesATeamsBasedUser(t *testing.T) {
	run := servicesDemo(t)
	teams := servicesPick(t, run, "teams", true)
	upn := servicesMembersOf(t, run, teams.Name)[0].UserPrincipalName
	active := func() bool {
		for _, m := range servicesMembersOf(t, run, teams.Name) {
			if m.UserPrincipalName == upn {
				return *m.Active
			}
		}
		t.Fatalf("%s left %s", upn, teams.Name)
		return false
	}
	for _, on := range []string{"off", "on"} {
		if code, _, stderr := run("services", "members", "active", teams.Name, upn, on); code != 0 || active() != (on == "on") {
			t.Fatalf("active %s: exit %d %s", on, code, stderr)
		}
	}
	skill := servicesPick(t, run, "skill", true)
	servicesRefused(t, run, []string{"responsibility profiles"}, "services", "members", "active", skill.Name,
		servicesMembersOf(t, run, skill.Name)[0].UserPrincipalName, "off")
	servicesUsage(t, run, "services", "members", "active", teams.Name, upn, "sometimes")
}

func TestServicesMembersOwnerRoleSwitchesATeamOwner(t *testing.T) {
	run := servicesDemo(t)
	teams := servicesPick(t, run, "teams", true)
	var owner, member string
	for _, m := range servicesMembersOf(t, run, teams.Name) {
		if m.Membership == "owner" {
			owner = m.UserPrincipalName
		}
	}
	for _, m := range servicesMembersOf(t, run, teams.Name) {
		if m.UserPrincipalName != owner {
			member = m.UserPrincipalName
		}
	}
	roles := []string{"limited", "full"}
	if teams.DefaultOwnerRole == "limited" {
		slices.Reverse(roles)
	}
	for _, role := range roles {
		if code, _, stderr := run("services", "members", "owner-role", teams.Name, owner, role); code != 0 {
			t.Fatalf("owner-role %s: %s", role, stderr)
		}
		if !slices.ContainsFunc(servicesMembersOf(t, run, teams.Name), func(m serviceMemberJSON) bool {
			return m.UserPrincipalName == owner && m.OwnerRole == role
		}) {
			t.Errorf("%s does not hold the %s owner role", owner, role)
		}
	}
	servicesRefused(t, run, []string{"not an owner"}, "services", "members", "owner-role", teams.Name, member, "limited")
	servicesUsage(t, run, "services", "members", "owner-role", teams.Name, owner, "boss")
}
