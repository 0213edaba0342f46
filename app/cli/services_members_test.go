package cli

import (
	"slices"
	"strings"
	"testing"
)

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
