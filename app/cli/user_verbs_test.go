package cli

import (
	"slices"
	"strings"
	"testing"
)

// salesAgent is a Contact Center, Interact and Assistant user in the Sales subtree who is
// no Tenant Administrator: every tab is shown and every rule applies to them.
func salesAgent(t *testing.T, db string) userDetailJSON {
	t.Helper()
	for _, u := range usersJSON(t, db, "--ou", "Sales", "--licence", "contact-center", "--licence", "interact", "--licence", "assistant") {
		if d := showJSON(t, db, u.ID); len(roleScopes(d, "Tenant Administrator")) == 0 {
			return d
		}
	}
	t.Fatal("the demo has no fully licensed user in Sales")
	return userDetailJSON{}
}

func skillLevelOf(d userDetailJSON, skill string) (string, bool) {
	for _, s := range d.Skills {
		if s.Skill == skill {
			return s.Level, true
		}
	}
	return "", false
}

func TestUserSkillAddSetsOrChangesTheLevelAndRemoveTakesIt(t *testing.T) {
	db := freshDemo(t)
	u := salesAgent(t, db).UserPrincipalName
	mustRun(t, db, "user", "skill", "add", u, "Enterprise", "--level", "priority")
	if level, ok := skillLevelOf(showJSON(t, db, u), "Enterprise"); !ok || level != "Priority" {
		t.Fatalf("after add by level name: %q %v", level, ok)
	}
	mustRun(t, db, "user", "skill", "add", u, "--level", "3", "enterprise")
	if level, _ := skillLevelOf(showJSON(t, db, u), "Enterprise"); level != "Strategic" {
		t.Fatalf("a held skill added again at level 3 has level %q", level)
	}
	mustRun(t, db, "user", "skill", "add", u, "GDPR Awareness")
	if level, ok := skillLevelOf(showJSON(t, db, u), "GDPR Awareness"); !ok || level != "" {
		t.Fatalf("a skill without levels: %q %v", level, ok)
	}
	refusedCLI(t, db, u, 1, []string{"user", "skill", "add", u, "Routers", "--level", "1"}, `the skill "Routers" lives in Support`)
	refusedCLI(t, db, u, 2, []string{"user", "skill", "add", u, "Enterprise"}, "needs --level, one of: Standard (1), Priority (2), Strategic (3)")
	refusedCLI(t, db, u, 1, []string{"user", "skill", "add", u, "Enterprise", "--level", "9"}, `the skill "Enterprise" has no level "9"`)
	refusedCLI(t, db, u, 2, []string{"user", "skill", "add", u, "PCI DSS", "--level", "1"}, "has no levels: leave out --level")
	refusedCLI(t, db, u, 1, []string{"user", "skill", "add", u, "Klingon", "--level", "1"}, `no skill "Klingon" in this tenant`)

	mustRun(t, db, "user", "skill", "remove", u, "Enterprise")
	if _, ok := skillLevelOf(showJSON(t, db, u), "Enterprise"); ok {
		t.Fatal("the removed skill is still held")
	}
	refusedCLI(t, db, u, 1, []string{"user", "skill", "remove", u, "Enterprise"}, "no skill of")
}

func activeProfile(d userDetailJSON) string {
	for _, p := range d.Profiles {
		if p.Active {
			return p.Name
		}
	}
	return ""
}

func TestUserProfileAddActivateRemove(t *testing.T) {
	db := freshDemo(t)
	u := salesAgent(t, db).UserPrincipalName
	mustRun(t, db, "user", "profile", "activate", u, "On Duty")
	if d := showJSON(t, db, u); slices.ContainsFunc(d.Profiles, func(p profileJSON) bool { return p.Name == "Sales Inbound" }) {
		mustRun(t, db, "user", "profile", "remove", u, "Sales Inbound")
	}
	mustRun(t, db, "user", "profile", "add", u, "sales inbound")
	mustRun(t, db, "user", "profile", "activate", u, "Sales Inbound")
	d := showJSON(t, db, u)
	if activeProfile(d) != "Sales Inbound" || len(d.Profiles) < 3 {
		t.Fatalf("after add and activate: %+v", d.Profiles)
	}
	refusedCLI(t, db, u, 1, []string{"user", "profile", "remove", u, "Sales Inbound"}, `"Sales Inbound" is`, "active profile")
	refusedCLI(t, db, u, 1, []string{"user", "profile", "remove", u, "Off Duty"}, "built in")
	refusedCLI(t, db, u, 1, []string{"user", "profile", "add", u, "Tier 2 Support"}, `"Tier 2 Support" lives in Support`)
	refusedCLI(t, db, u, 1, []string{"user", "profile", "activate", u, "Tier 2 Support"}, "assign the profile")
	mustRun(t, db, "user", "profile", "activate", u, "Off Duty")
	mustRun(t, db, "user", "profile", "remove", u, "Sales Inbound")
	d = showJSON(t, db, u)
	if activeProfile(d) != "Off Duty" || slices.ContainsFunc(d.Profiles, func(p profileJSON) bool { return p.Name == "Sales Inbound" }) {
		t.Fatalf("after activate and remove: %+v", d.Profiles)
	}
	refusedCLI(t, db, u, 2, []string{"user", "profile", "add", u}, "needs a user (O365 ID or UPN) and a responsibility profile")
}

func TestUserRoleAddAndRemoveByNameAndScope(t *testing.T) {
	db := freshDemo(t)
	d := salesAgent(t, db)
	u := d.UserPrincipalName
	mustRun(t, db, "user", "role", "add", u, "supervisor (user)", "--ou", "Sales")
	mustRun(t, db, "user", "role", "add", u, "Supervisor (User)", "--ou", d.OrganizationUnit)
	if got := roleScopes(showJSON(t, db, u), "Supervisor (User)"); !slices.Equal(got, []string{"Sales", d.OrganizationUnit}) &&
		!slices.Equal(got, []string{d.OrganizationUnit, "Sales"}) {
		t.Fatalf("Supervisor (User) in %v", got)
	}
	holders := usersJSON(t, db, "--role", "Supervisor (User)")
	if !slices.ContainsFunc(holders, func(h userJSON) bool { return h.UserPrincipalName == u }) {
		t.Error("users --role does not list the new holder")
	}
	refusedCLI(t, db, u, 1, []string{"user", "role", "add", u, "Supervisor (User)", "--ou", "Sales"}, "already holds Supervisor (User) in Sales")
	refusedCLI(t, db, u, 1, []string{"user", "role", "add", u, "Team Member", "--ou", "Sales"}, "never assigned by hand")
	refusedCLI(t, db, u, 1, []string{"user", "role", "add", u, "Supervisor", "--ou", "Sales"}, `no role "Supervisor" in this tenant`)
	refusedCLI(t, db, u, 2, []string{"user", "role", "add", u, "Supervisor (User)"}, "needs --ou OU")
	refusedCLI(t, db, u, 2, []string{"user", "role", "remove", u, "Supervisor (User)"}, "holds Supervisor (User) in 2 scopes", "Sales", "say which with --ou")

	mustRun(t, db, "user", "role", "remove", u, "Supervisor (User)", "--ou", "sales")
	if got := roleScopes(showJSON(t, db, u), "Supervisor (User)"); !slices.Equal(got, []string{d.OrganizationUnit}) {
		t.Fatalf("after removing the Sales scope: %v", got)
	}
	mustRun(t, db, "user", "role", "remove", u, "Supervisor (User)")
	if got := roleScopes(showJSON(t, db, u), "Supervisor (User)"); len(got) != 0 {
		t.Fatalf("after removing the only scope left: %v", got)
	}
	refusedCLI(t, db, u, 1, []string{"user", "role", "remove", u, "Supervisor (User)"}, "does not hold Supervisor (User)")
	if scopes := roleScopes(d, "Team Member"); len(scopes) > 0 {
		refusedCLI(t, db, u, 1, []string{"user", "role", "remove", u, "Team Member", "--ou", scopes[0]}, "granted automatically")
	}
}

func TestUserRoleScopeMovesARoleToAnotherOU(t *testing.T) {
	db := freshDemo(t)
	d := salesAgent(t, db)
	u := d.UserPrincipalName
	mustRun(t, db, "user", "role", "add", u, "Supervisor (User)", "--ou", "Sales")
	mustRun(t, db, "user", "role", "scope", u, "Supervisor (User)", "--to", "Operations")
	if got := roleScopes(showJSON(t, db, u), "Supervisor (User)"); !slices.Equal(got, []string{"Operations"}) {
		t.Fatalf("after the scope change Supervisor (User) is in %v, want [Operations]", got)
	}
	mustRun(t, db, "user", "role", "add", u, "Supervisor (User)", "--ou", "Sales")
	refusedCLI(t, db, u, 2, []string{"user", "role", "scope", u, "Supervisor (User)"}, "needs --to OU")
	refusedCLI(t, db, u, 2, []string{"user", "role", "scope", u, "Supervisor (User)", "--to", "Finance"},
		"holds Supervisor (User) in 2 scopes", "say which with --ou")
	refusedCLI(t, db, u, 1, []string{"user", "role", "scope", u, "Supervisor (User)", "--ou", "Sales", "--to", "Operations"},
		"already holds Supervisor (User) in Operations")
	if scopes := roleScopes(d, "Team Member"); len(scopes) > 0 {
		refusedCLI(t, db, u, 1, []string{"user", "role", "scope", u, "Team Member", "--ou", scopes[0], "--to", "Finance"}, "granted automatically")
	}
}

func TestUserMoveRefusesWithWhatFallsOutOfScopeOrDropsIt(t *testing.T) {
	db := freshDemo(t)
	d := salesAgent(t, db)
	u := d.UserPrincipalName
	mustRun(t, db, "user", "skill", "add", u, "Enterprise", "--level", "Standard")
	refusedCLI(t, db, u, 1, []string{"user", "move", u, "--ou", "Support"},
		"moving "+d.DisplayName+" to Support would leave", `skill "Enterprise" (Sales)`)
	refusedCLI(t, db, u, 2, []string{"user", "move", u}, "needs --ou OU")
	refusedCLI(t, db, u, 1, []string{"user", "move", u, "--ou", "No/Such/OU"}, `no organization unit "No/Such/OU"`)

	code, _, stderr := runCLI(t, db, "user", "move", u, "--ou", "Support", "--drop-out-of-scope")
	if code != 0 || !strings.Contains(stderr, "is now in Support") || !strings.Contains(stderr, `Removed with the move: skill "Enterprise" (Sales)`) {
		t.Fatalf("move with --drop-out-of-scope: exit %d, %q", code, stderr)
	}
	after := showJSON(t, db, u)
	if _, ok := skillLevelOf(after, "Enterprise"); ok || after.OrganizationUnit != "Support" {
		t.Fatalf("after the move: OU %q, skills %+v", after.OrganizationUnit, after.Skills)
	}
	if activeProfile(after) == "" {
		t.Error("the move left the Contact Center user without an active profile")
	}
}

func TestUserLicenceRevokeListsWhatNeedsItOrEndsItWithDropDependent(t *testing.T) {
	db := freshDemo(t)
	u := salesAgent(t, db).UserPrincipalName
	mustRun(t, db, "user", "role", "add", u, "Supervisor (User)", "--ou", "Sales")
	refusedCLI(t, db, u, 1, []string{"user", "licence", u, "--revoke", "contact-center"},
		"cannot revoke Contact Center from", "Supervisor (User) in Sales")
	mustRun(t, db, "user", "licence", u, "--revoke", "contact-center", "--drop-dependent")
	d := showJSON(t, db, u)
	if slices.Contains(d.Licences, "contact-center") || len(roleScopes(d, "Supervisor (User)")) != 0 {
		t.Fatalf("after the revoke with --drop-dependent: licences %v, Supervisor (User) in %v", d.Licences, roleScopes(d, "Supervisor (User)"))
	}
}
