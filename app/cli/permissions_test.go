package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// ouAdmin is an Organization Unit Administrator of the demo with the OU they administer.
type ouAdmin struct {
	user  userDetailJSON
	scope string
}

// demoOUAdmin finds an Organization Unit Administrator whose scope holds users besides
// them and leaves users outside.
func demoOUAdmin(t *testing.T, db string) ouAdmin {
	t.Helper()
	for _, u := range usersJSON(t, db, "--role", "Organization Unit Administrator") {
		d := showJSON(t, db, u.ID)
		scopes := roleScopes(d, "Organization Unit Administrator")
		if len(scopes) == 1 && len(roleScopes(d, "Tenant Administrator")) == 0 && len(usersJSON(t, db, "--ou", scopes[0])) > 1 {
			return ouAdmin{d, scopes[0]}
		}
	}
	t.Fatal("the demo has no Organization Unit Administrator of one OU with users")
	return ouAdmin{}
}

// withoutAssistant is a user other than skip, inside or outside the OU, who holds no
// Assistant licence.
func withoutAssistant(t *testing.T, db, ou string, inside bool, skip string) userJSON {
	t.Helper()
	in := map[string]bool{}
	for _, u := range usersJSON(t, db, "--ou", ou) {
		in[u.ID] = true
	}
	for _, u := range usersJSON(t, db) {
		if in[u.ID] == inside && u.ID != skip && !slices.Contains(u.Licences, "assistant") {
			return u
		}
	}
	t.Fatalf("no user without Assistant %s %s", map[bool]string{true: "in", false: "outside"}[inside], ou)
	return userJSON{}
}

func TestAnOUAdministratorChangesLicencesInTheirSubtreeOnly(t *testing.T) {
	db := freshDemo(t)
	admin := demoOUAdmin(t, db)
	as := []string{"--as", admin.user.UserPrincipalName}
	inside := withoutAssistant(t, db, admin.scope, true, admin.user.ID)
	outside := withoutAssistant(t, db, admin.scope, false, admin.user.ID)

	mustRun(t, db, append(as, "user", "licence", inside.ID, "--grant", "assistant")...)
	if !slices.Contains(showJSON(t, db, inside.ID).Licences, "assistant") {
		t.Fatal("the licence granted inside the subtree was not saved")
	}
	var journal []struct{ Actor, Action, Target string }
	json.Unmarshal([]byte(journalNow(t, db)), &journal)
	if len(journal) == 0 || journal[0].Actor != admin.user.UserPrincipalName || journal[0].Target != inside.UserPrincipalName {
		t.Fatalf("the journal does not name the Organization Unit Administrator: %+v", journal[:1])
	}

	refusedCLI(t, db, outside.ID, 1, append(as, "user", "licence", outside.ID, "--grant", "assistant"),
		"Changing the licences of", "needs the Tenant Administrator role or Organization Unit Administrator of",
		"you ("+admin.user.UserPrincipalName+") are Organization Unit Administrator of "+admin.scope+" only")
	refusedCLI(t, db, inside.ID, 1, append(as, "user", "role", "add", inside.ID, "Workflow Administrator", "--ou", admin.scope),
		"Managing the roles of", "needs the Tenant Administrator role", "you ("+admin.user.UserPrincipalName+") are Organization Unit Administrator of "+admin.scope)
	refusedCLI(t, db, admin.user.ID, 1, append(as, "user", "role", "remove", admin.user.ID, "Organization Unit Administrator"),
		"needs the Tenant Administrator role")
}

// plainUser is a demo user who holds no administrator role.
func plainUser(t *testing.T, db string) userJSON {
	t.Helper()
	admins := map[string]bool{}
	for _, role := range []string{"Tenant Administrator", "Organization Unit Administrator"} {
		for _, u := range usersJSON(t, db, "--role", role) {
			admins[u.ID] = true
		}
	}
	for _, u := range usersJSON(t, db, "--licence", "contact-center") {
		if !admins[u.ID] {
			return u
		}
	}
	t.Fatal("every Contact Center user of the demo is an administrator")
	return userJSON{}
}

func TestAPlainUserCanOnlyRead(t *testing.T) {
	db := freshDemo(t)
	plain := plainUser(t, db)
	as := []string{"--as", plain.UserPrincipalName}
	target := salesAgent(t, db)
	u := target.UserPrincipalName
	admin := demoOUAdmin(t, db)
	newcomer := *directoryOnly(t, db).UserPrincipalName
	readOnly := "you (" + plain.UserPrincipalName + ") hold no administrator role in Nimbus, so you can only read"
	mustRun(t, db, "user", "profile", "add", u, "Sales Inbound")
	mustRun(t, db, "user", "skill", "add", u, "Enterprise", "--level", "1")

	for _, c := range []struct {
		user string
		args []string
	}{
		{u, []string{"users", "add", newcomer, "--ou", "Sales"}},
		{u, []string{"users", "delete", u}},
		{u, []string{"user", "licence", u, "--revoke", "assistant"}},
		{u, []string{"user", "move", u, "--ou", "Sales"}},
		{u, []string{"user", "role", "add", u, "Supervisor (User)", "--ou", "Sales"}},
		{admin.user.ID, []string{"user", "role", "remove", admin.user.ID, "Organization Unit Administrator"}},
		{u, []string{"user", "skill", "add", u, "Enterprise", "--level", "2"}},
		{u, []string{"user", "skill", "remove", u, "Enterprise"}},
		{u, []string{"user", "profile", "add", u, "Voice Only"}},
		{u, []string{"user", "profile", "activate", u, "Sales Inbound"}},
		{u, []string{"user", "profile", "remove", u, "Sales Inbound"}},
		{u, []string{"user", "na-reasons", u, "--set", "Lunch", "--enable"}},
		{u, []string{"user", "interact", u, "--active", "on"}},
		{u, []string{"user", "assistant", u, "--set", "CRM Caller Lookup"}},
	} {
		refusedCLI(t, db, c.user, 1, append(as, c.args...), readOnly)
	}
	if slices.ContainsFunc(usersJSON(t, db), func(x userJSON) bool { return x.UserPrincipalName == newcomer }) {
		t.Error("the refused users add made a Nimbus user")
	}
}

func TestAsWorksOnlyWithTheDemo(t *testing.T) {
	db := freshDemo(t)
	plain := plainUser(t, db)
	code, stdout, stderr := runNoTenant("--db", db, "--as", plain.UserPrincipalName, "users")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "--as works only with the demo tenant") {
		t.Errorf("--as without --demo: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, db, "--as", "nobody@nowhere.example", "users"); code == 0 || !strings.Contains(stderr, "nobody@nowhere.example") {
		t.Errorf("--as someone the demo does not know: exit %d, %q", code, stderr)
	}
}

func TestStatusSaysWhoActsAndWhatTheyMayChange(t *testing.T) {
	db := freshDemo(t)
	admin := demoOUAdmin(t, db)
	var st authStatusJSON
	if err := json.Unmarshal([]byte(mustRun(t, db, "--as", admin.user.UserPrincipalName, "status", "--format", "json")), &st); err != nil {
		t.Fatal(err)
	}
	if st.ActingAs == nil || st.ActingAs.Actor != admin.user.UserPrincipalName ||
		!strings.HasPrefix(st.ActingAs.Rights, "Organization Unit Administrator of ") || !strings.Contains(st.ActingAs.Rights, lastSegment(admin.scope)) {
		t.Fatalf("status as %s (scope %s) says %+v", admin.user.UserPrincipalName, admin.scope, st.ActingAs)
	}
	if out := mustRun(t, db, "status"); !strings.Contains(out, "Tenant Administrator") || !strings.Contains(out, "Acting as") {
		t.Fatalf("status of the demo's own actor does not say Tenant Administrator:\n%s", out)
	}
}

// lastSegment is the last name of an OU path.
func lastSegment(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}
