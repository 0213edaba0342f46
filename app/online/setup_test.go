package online

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/app/permissions"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
)

// setupPerson is one person of the simulated tenant of the setup test.
func setupPerson(n int, name, upn string) data.DirectoryUser {
	enabled := true
	given, surname, _ := strings.Cut(name, " ")
	return data.DirectoryUser{ID: fmt.Sprintf("6a1f0c2e-0000-4000-8000-%012d", n), DisplayName: name, GivenName: given,
		Surname: surname, UPN: upn, Mail: upn, Department: "Support", AccountEnabled: &enabled}
}

// setupSyncedTenant is an empty tenant cache synced once from a simulated Microsoft
// tenant through the real MSAL and Graph clients over loopback HTTPS.
func setupSyncedTenant(t *testing.T, people []data.DirectoryUser, teams []simtenant.Team) *app.App {
	t.Helper()
	ctx := context.Background()
	store, err := data.Open(filepath.Join(t.TempDir(), "tenant.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	err = store.Tx(ctx, func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: "t-fabrikam", TenantName: "Fabrikam", InteractEnabled: true,
			WidgetKey: "wk-setup", SnippetTemplate: `<script data-c="{{contactId}}" data-k="{{widgetKey}}"></script>`,
			AdminSecurityGroup: "Fabrikam Admins"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true, UserName: "Setup Admin"})
	s, err := simtenant.Start(simtenant.Options{People: people, TeamList: teams, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	session, err := auth.NewSession(auth.Config{
		Endpoints:  auth.Endpoints{Cloud: "custom", AuthorityHost: s.URL, GraphURL: s.GraphURL()},
		Tenant:     authority.TenantID(),
		ClientID:   "nimbusadmin-setup-test",
		NoKeyring:  true,
		HTTPClient: s.Client(),
		Prompt:     func(auth.DeviceCode) {},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := session.SignIn(ctx); err != nil {
		t.Fatal(err)
	}
	client, err := graph.New(s.GraphURL(), session, s.Client())
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(store, "setup admin")
	res, err := a.Sync(ctx, client, app.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Users != len(people) || res.Teams != len(teams) || res.Joined != 0 {
		t.Fatalf("first sync of an empty cache: %+v", res)
	}
	return a
}

// TestBuildACompleteSetupOnASyncedTenantAndAssignItOnAUser is issue 7's second "done
// when" path through app/: from an empty cache synced from the simulated tenant, build
// an OU tree, a Teams-based and a Skill-based service, skills with levels, a profile,
// N/A reasons, a domain template, a direct call template and a custom role, assign each
// on one user, and find all of it in the user's detail and in the journal.
func TestBuildACompleteSetupOnASyncedTenantAndAssignItOnAUser(t *testing.T) {
	ctx := context.Background()
	people := []data.DirectoryUser{
		setupPerson(1, "Mia Wong", "mia@fabrikam.example"),
		setupPerson(2, "Omar Haddad", "omar@fabrikam.example"),
		setupPerson(3, "Lena Fischer", "lena@fabrikam.example"),
		setupPerson(4, "Ravi Patel", "ravi@fabrikam.example"),
	}
	supportTeam := simtenant.Team{ID: "5b2e7c1d-0000-4000-8000-000000000001", DisplayName: "Support Team",
		Members: []string{people[1].ID, people[2].ID}, Owners: []string{people[3].ID}}
	otherTeam := simtenant.Team{ID: "5b2e7c1d-0000-4000-8000-000000000002", DisplayName: "Book Club",
		Members: []string{people[0].ID}, Owners: []string{people[1].ID}}
	a := setupSyncedTenant(t, people, []simtenant.Team{supportTeam, otherTeam})

	if ix, err := a.LoadUserIndex(ctx); err != nil || len(ix.Rows) != 0 {
		t.Fatalf("a freshly synced tenant has Nimbus users: %v", err)
	}
	for _, k := range data.ConfigKinds {
		items, err := a.ConfigItems(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		if k != data.ConfigProfiles && len(items) != 0 || k == data.ConfigProfiles && len(items) != 2 {
			t.Fatalf("%s is not empty after the first sync: %+v", k, items)
		}
	}
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	id := func(v int64, err error) int64 { t.Helper(); step("create", err); return v }
	tree, err := a.OUTree(ctx)
	step("OU tree", err)
	root := tree.Root

	// The OU tree.
	support := id(a.CreateOU(ctx, root, "Support"))
	emea := id(a.CreateOU(ctx, support, "EMEA"))

	// A Teams-based service from a synced Team: its members and owners become Nimbus
	// users with their roles granted automatically.
	hotline := id(a.CreateTeamsService(ctx, supportTeam.ID, support))
	for _, who := range []struct {
		upn, role string
		m         data.Membership
	}{{"omar@fabrikam.example", data.RoleTeamMember, data.Member}, {"lena@fabrikam.example", data.RoleTeamMember, data.Member},
		{"ravi@fabrikam.example", data.RoleTeamOwner, data.Owner}} {
		d, err := a.UserDetail(ctx, who.upn)
		step("Team member's detail", err)
		if d.User.Origin != data.OriginTeams || len(d.Services) != 1 || d.Services[0].ID != hotline ||
			!slices.Equal(d.Services[0].Memberships, []data.Membership{who.m}) ||
			!slices.ContainsFunc(d.Roles, func(r data.RoleAssignment) bool {
				return r.Role.BuiltinKey == who.role && r.AutoGranted && r.SourceServiceID == hotline && r.ScopeOUID == support
			}) {
			t.Errorf("%s after the Teams-based service: origin %s, services %+v, roles %+v", who.upn, d.User.Origin, d.Services, d.Roles)
		}
	}
	if _, err := a.UserDetail(ctx, "mia@fabrikam.example"); err == nil {
		t.Error("a Book Club member became a Nimbus user without a service")
	}

	// A Skill-based service with an agent: refused until the agent holds Contact Center.
	escalations := id(a.CreateService(ctx, "Escalations", data.SkillBased, support))
	step("add Mia", a.AddUser(ctx, people[0].ID, emea, 0))
	before, _ := a.Journal(ctx, 1000)
	if err := a.AddServiceMember(ctx, escalations, "mia@fabrikam.example", data.Agent); !app.IsRule(err, "service.cc-required") {
		t.Fatalf("agent without Contact Center: %v", err)
	}
	if after, _ := a.Journal(ctx, 1000); len(after) != len(before) {
		t.Error("the refused agent was journaled")
	}
	step("licences", a.GrantLicence(ctx, "mia@fabrikam.example", data.ContactCenter|data.Interact|data.Assistant))
	step("agent", a.AddServiceMember(ctx, escalations, "mia@fabrikam.example", data.Agent))

	// The catalogues.
	lang := id(a.CreateSkillCategory(ctx, "Language", root, []data.ConfigLevel{{Name: "Basic", Value: 1}, {Name: "Fluent", Value: 2}}))
	german := id(a.CreateSkill(ctx, "German", lang, support))
	cat, err := a.SkillCategory(ctx, lang)
	step("levels", err)
	fluent := cat.Levels[1].ID
	profile := id(a.CreateProfile(ctx, "German desk", support, []data.ConfigProfileSkill{{SkillID: german, LevelID: fluent}}))
	lunch := id(a.CreateNAReason(ctx, "Lunch", root))
	training := id(a.CreateNAReason(ctx, "Training", support))
	site := id(a.CreateDomainTemplate(ctx, "Support site", support, []string{"https://support.fabrikam.example"}))
	crm := id(a.CreateCallTemplate(ctx, "CRM", root, "Caller record", "https://crm.fabrikam.example/?p={callerId}"))
	role := id(a.CreateCustomRole(ctx, app.CustomRoleSpec{Name: "EMEA Planner", OUID: support, Description: "Plans EMEA skills",
		Permissions: permissions.Set{"users.list": permissions.Read, "users.skills": permissions.Read | permissions.Update}}))

	// Each one assigned on Mia's tabs.
	mia := "mia@fabrikam.example"
	step("skill", a.SetUserSkill(ctx, mia, german, fluent))
	step("profile", a.AssignProfile(ctx, mia, profile))
	step("active profile", a.SetActiveProfile(ctx, mia, profile))
	step("N/A reasons", a.SetNAReasons(ctx, mia, true, []int64{training, lunch}))
	step("Interact", a.SetInteract(ctx, mia, app.InteractChange{Active: true, AudioVideo: true, InstantMessaging: true,
		RestrictAccess: true, DomainTemplateID: site}))
	step("call templates", a.SetCallTemplates(ctx, mia, []int64{crm}))
	_, err = a.AssignRole(ctx, mia, role, emea)
	step("custom role", err)

	d, err := a.UserDetail(ctx, mia)
	step("detail", err)
	if d.OUPath != "Support/EMEA" || d.User.Origin != data.OriginManual ||
		len(d.Services) != 1 || d.Services[0].ID != escalations || !slices.Equal(d.Services[0].Memberships, []data.Membership{data.Agent}) {
		t.Errorf("Mia's OU and services: %q %+v", d.OUPath, d.Services)
	}
	if len(d.Skills) != 1 || d.Skills[0].Skill.ID != german || d.Skills[0].LevelID != fluent {
		t.Errorf("skills: %+v", d.Skills)
	}
	// On Duty and Off Duty came with the Contact Center licence; the assigned profile is active
	if len(d.Profiles) != 3 || d.Profiles[2].ID != profile || !d.Profiles[2].Active || d.Profiles[0].Active || d.Profiles[1].Active {
		t.Errorf("profiles: %+v", d.Profiles)
	}
	if !d.User.NAReasonsEnabled || len(d.NAReasons) != 2 || d.NAReasons[0].ID != training || d.NAReasons[1].ID != lunch {
		t.Errorf("N/A reasons (enabled %v): %+v", d.User.NAReasonsEnabled, d.NAReasons)
	}
	if d.Interact == nil || !d.Interact.Active || !d.Interact.RestrictAccess || d.Interact.DomainTemplateID != site ||
		!strings.Contains(d.Snippet, d.Interact.ContactID) {
		t.Errorf("Interact: %+v, snippet %q", d.Interact, d.Snippet)
	}
	if len(d.CallTemplates) != 1 || d.CallTemplates[0].ID != crm {
		t.Errorf("call templates: %+v", d.CallTemplates)
	}
	if !slices.ContainsFunc(d.Roles, func(r data.RoleAssignment) bool { return r.Role.ID == role && r.ScopeOUID == emea && !r.AutoGranted }) {
		t.Errorf("custom role not held: %+v", d.Roles)
	}
	for _, tab := range []app.Tab{app.TabSkills, app.TabProfiles, app.TabNAReasons, app.TabInteract, app.TabAssistant} {
		if !slices.Contains(d.Tabs, tab) {
			t.Errorf("tab %s not shown: %v", tab, d.Tabs)
		}
	}

	// The journal holds every accepted step, by the admin who made it.
	journal, err := a.Journal(ctx, 1000)
	step("journal", err)
	actions := map[string]int{}
	for _, e := range journal {
		actions[e.Action]++
		if e.Actor != "setup admin" {
			t.Errorf("journal entry by %q: %+v", e.Actor, e)
		}
	}
	for action, want := range map[string]int{"ou.create": 2, "service.create": 2, "sync.user.join": 3, "sync.member.add": 3,
		"user.add": 1, "user.licences": 1, "service.member.add": 1, "user.skill.set": 1, "user.profile.add": 1,
		"user.profile.active": 1, "user.na.reasons": 1, "user.na.enabled": 1, "user.interact": 1,
		"user.assistant.templates": 1, "user.role.add": 1} {
		if actions[action] < want {
			t.Errorf("journal has %d %q entries, want %d (all: %v)", actions[action], action, want, actions)
		}
	}
	var configured int
	for action, n := range actions {
		if strings.HasPrefix(action, "config.") {
			configured += n
		}
	}
	if configured < 8 {
		t.Errorf("journal has %d catalogue entries, want one per item (8): %v", configured, actions)
	}
}
