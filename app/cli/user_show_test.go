package cli

import (
	"strings"
	"testing"
)

func TestUserShowTablePrintsEveryTab(t *testing.T) {
	db := freshDemo(t)
	d := salesAgent(t, db)
	u := d.UserPrincipalName
	mustRun(t, db, "user", "skill", "add", u, "Enterprise", "--level", "Strategic")
	mustRun(t, db, "user", "na-reasons", u, "--set", "Training,Lunch", "--enable")
	mustRun(t, db, "user", "interact", u, "--im", "on", "--system-message", "Sales Chat")
	mustRun(t, db, "user", "assistant", u, "--set", "Key Account Card,CRM Caller Lookup")
	mustRun(t, db, "user", "profile", "activate", u, "Off Duty")
	out := mustRun(t, db, "user", "show", u)
	want := []string{
		d.DisplayName + " <" + u + ">",
		"General\n", "  Licences:              Contact Center", "  Organization unit:     " + d.OrganizationUnit,
		"Services\n", "Roles\n",
		"Skills\n", "  Enterprise (Customer Segment): Strategic",
		"Profiles\n", "  * Off Duty (active, built in)", "    On Duty (built in)",
		"N/A Reasons\n", "  Enabled:               Yes\n  1. Training\n  2. Lunch\n",
		"Interact\n", "  Instant Messaging:     Yes", "  Direct system message: Sales Chat", "  Snippet:               <script",
		"Assistant\n  1. Key Account Card\n  2. CRM Caller Lookup\n",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("user show does not print %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "hidden") {
		t.Errorf("a fully licensed user has no hidden tab:\n%s", out)
	}
	for _, r := range d.Roles {
		if !strings.Contains(out, "  "+r.Role+" in "+r.Scope) {
			t.Errorf("user show does not print the role %s in %s", r.Role, r.Scope)
		}
	}
}

func TestUserShowTableSaysWhyTabsAreHiddenAndWhichRolesHaveNoEffect(t *testing.T) {
	db := freshDemo(t)
	admins := usersJSON(t, db, "--role", "Tenant Administrator")
	var admin userJSON
	for _, a := range admins {
		if len(a.Licences) == 0 || a.Licences[0] == "attendant-console" && len(a.Licences) == 1 {
			admin = a
		}
	}
	if admin.ID == "" {
		t.Fatal("the demo has no Tenant Administrator without a Contact Center licence")
	}
	mustRun(t, db, "user", "role", "add", admin.ID, "Workflow Administrator", "--ou", "Sales")
	out := mustRun(t, db, "user", "show", admin.ID)
	for _, w := range []string{
		"  Tenant Administrator in Contoso Demo — locked: Tenant Administrator was granted automatically",
		"  Workflow Administrator in Sales — no effect while Tenant Administrator\n",
		"Skills: hidden: Skills needs the Contact Center licence (missing: Contact Center)\n",
		"Profiles: hidden: Profiles needs the Contact Center licence",
		"N/A Reasons: hidden: ", "Interact: hidden: Interact needs the Contact Center and Interact licences",
		"Assistant: hidden: Assistant needs the Assistant licence",
		"need a Contact Center licence, which",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("user show does not print %q:\n%s", w, out)
		}
	}
}
