package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// as acts on the fixture's cache as another account.
func (f *fixture) as(upn string) *App { return New(f.app.Store(), upn) }

// makeOUAdmin gives eve Organization Unit Administrator of Sales (she lives in Sales/EMEA).
func (f *fixture) makeOUAdmin() *App {
	f.t.Helper()
	if _, err := f.app.AssignRole(ctx, f.user["eve"], f.id["Organization Unit Administrator"], f.ou["Sales"]); err != nil {
		f.t.Fatal(err)
	}
	return f.as("eve@contoso.example")
}

func TestRightsFollowTheActorsRoles(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		actor string
		level AdminLevel
		line  string
	}{
		{"dana@contoso.example", TenantAdministrator, "Signed in as dana@contoso.example — Tenant Administrator"},
		{"ben@contoso.example", ReadOnly, "everything is read-only"},
		{"frank@contoso.example", ReadOnly, "everything is read-only"}, // in the directory, not a Nimbus user
		{"stranger@elsewhere.example", ReadOnly, "everything is read-only"},
	} {
		r, err := f.as(tc.actor).Rights(ctx)
		if err != nil || r.Level != tc.level || r.FirstUse || !strings.Contains(r.Headline(), tc.line) {
			t.Errorf("%s: level %v first use %v %q (%v)", tc.actor, r.Level, r.FirstUse, r.Headline(), err)
		}
	}
	r, err := f.makeOUAdmin().Rights(ctx)
	if err != nil || r.Level != OUAdministrator || !slices.Equal(r.Scopes, []int64{f.ou["Sales"]}) ||
		r.Headline() != "Signed in as eve@contoso.example — Organization Unit Administrator of Sales: changes outside it are read-only" {
		t.Errorf("OU administrator: %+v %q %v", r, r.Headline(), err)
	}
}

func TestFirstUseActsAsTenantAdministratorUntilOneIsKnown(t *testing.T) {
	f := newFixture(t)
	// remove the only Tenant Administrator: nobody is known to be one any more
	if err := f.app.Store().Tx(ctx, func(q *data.Q) error {
		_, err := testkit.Exec(q, `DELETE FROM role_assignments WHERE role_id = ?`, f.id["Tenant Administrator"])
		return err
	}); err != nil {
		t.Fatal(err)
	}
	newcomer := f.as("ben@contoso.example")
	r, err := newcomer.Rights(ctx)
	if err != nil || r.Level != TenantAdministrator || !r.FirstUse || !strings.Contains(r.Headline(), `"Nimbus Admins"`) {
		t.Fatalf("first use: %+v %q %v", r, r.Headline(), err)
	}
	if err := newcomer.GrantLicence(ctx, f.user["eve"], data.Assistant); err != nil {
		t.Errorf("first use could not change anything: %v", err)
	}
}

func TestAnOUAdministratorChangesOnlyTheirSubtreeAndNoRoles(t *testing.T) {
	f := newFixture(t)
	eve := f.makeOUAdmin()
	if err := eve.GrantLicence(ctx, f.user["anna"], data.AttendantConsole); err != nil {
		t.Errorf("a licence change inside the subtree (anna in Sales/EMEA) was refused: %v", err)
	}
	f.refused("permission.ou-scope", func() error { return eve.GrantLicence(ctx, f.user["carl"], data.Assistant) },
		"Carl Jensen", "Organization Unit Administrator of Sales only", "Tenant Administrator")
	f.refused("permission.ou-scope", do(eve, MoveUser{User: f.user["anna"], OU: f.ou["Support"], DropOutOfScope: true}),
		"Support")
	f.refused("permission.tenant-admin", func() error {
		_, err := eve.AssignRole(ctx, f.user["anna"], f.id["Workflow Administrator"], f.ou["EMEA"])
		return err
	}, "Tenant Administrator role", "Organization Unit Administrator of Sales")
	f.refused("permission.tenant-admin", do(eve, ChangeTenantSettings{InteractEnabled: ptr(false)}), "tenant settings")
	f.refused("permission.ou-scope", func() error { _, err := eve.CreateNAReason(ctx, "Coffee", f.ou["Support"]); return err })
	if _, err := eve.CreateNAReason(ctx, "Coffee", f.ou["APAC"]); err != nil {
		t.Errorf("an N/A reason in Sales/APAC was refused: %v", err)
	}
	f.refused("permission.ou-scope", func() error { _, err := eve.CreateOU(ctx, f.ou["root"], "Marketing"); return err })
	if _, err := eve.CreateOU(ctx, f.ou["Sales"], "Nordics"); err != nil {
		t.Errorf("an OU below Sales was refused: %v", err)
	}
	f.refused("permission.ou-scope", do(eve, RenameOU{OU: f.ou["Support"], Name: "Help"}))
}

// do is a command run as one attempt.
func do(a *App, cmd Command) func() error {
	return func() error { _, err := a.Do(ctx, cmd); return err }
}

// readOnlyAttempts tries every kind of change an admin can make, as a plain user.
func readOnlyAttempts(f *fixture, a *App) map[string]func() error {
	anna, carl, root := f.user["anna"], f.user["carl"], f.ou["root"]
	return map[string]func() error{
		"GrantLicence":  func() error { return a.GrantLicence(ctx, anna, data.Assistant) },
		"RevokeLicence": func() error { return a.RevokeLicence(ctx, anna, data.Interact) },
		"user.licences": do(a, ChangeLicences{User: anna, Grant: data.Assistant, DropDependent: true}),
		"user.move":     do(a, MoveUser{User: anna, OU: f.ou["Sales"], DropOutOfScope: true}),
		"user.delete":   do(a, DeleteUser{User: carl}),
		"user.add":      do(a, AddUser{User: f.user["frank"], OU: root}),
		"user.add-from-directory": do(a, AddUserFromDirectory{
			Person: data.DirectoryUser{ID: "new-1", UPN: "new@contoso.example"}, OU: root}),
		"user.role.add":       do(a, AssignRole{User: anna, Role: f.id["Workflow Administrator"], Scope: root}),
		"user.role.scope":     do(a, ChangeRoleScope{User: carl, Assignment: 1, Scope: root}),
		"user.role.remove":    do(a, RemoveRole{User: carl, Assignment: 1}),
		"user.skill.set":      do(a, SetUserSkill{User: anna, Skill: f.id["French"], Level: f.level["Basic"]}),
		"user.skill.remove":   do(a, RemoveUserSkill{User: anna, Skill: f.id["French"]}),
		"user.profile.add":    do(a, AssignProfile{User: anna, Profile: f.id["Early shift"]}),
		"user.profile.remove": do(a, UnassignProfile{User: anna, Profile: f.id["Early shift"]}),
		"user.profile.active": do(a, SetActiveProfile{User: anna, Profile: f.id["Early shift"]}),
		"user.na-reasons":     do(a, SetNAReasons{User: anna, Reasons: []int64{f.id["Lunch"]}}),
		"user.call-templates": do(a, SetCallTemplates{User: anna, Templates: []int64{f.id["CRM lookup"]}}),
		"user.interact": do(a, SetInteract{User: anna,
			Settings: InteractChange{Active: true}}),
		"service.member.add":    do(a, AddServiceMember{Service: f.id["Escalations"], User: anna, As: data.Agent}),
		"AddServiceMember":      func() error { return a.AddServiceMember(ctx, f.id["Escalations"], anna, data.Agent) },
		"service.member.remove": do(a, RemoveServiceMember{Service: f.id["Escalations"], User: carl, As: data.Agent}),
		"service.create":        do(a, CreateService{Type: data.SkillBased, Name: "New desk", Licence: data.EnterpriseRoutingService, OU: root}),
		"service.create (Team)": do(a, CreateService{Type: data.TeamsBased, TeamID: "t-none", Licence: data.ContactCenterService, OU: root}),
		"CreateTeamsService":    func() error { _, err := a.CreateTeamsService(ctx, "t-none", root); return err },
		"CreateService":         func() error { _, err := a.CreateService(ctx, "New desk", data.SkillBased, root); return err },
		"service.rename":        do(a, RenameService{Service: f.id["Escalations"], Name: "Second level"}),
		"service.delete":        do(a, DeleteService{Service: f.id["Escalations"], Confirmed: true}),
		"service.licence":       do(a, SetServiceLicence{Service: f.id["Main IVR"], Licence: data.ContactCenterService}),
		"service.teams-settings": do(a, SetTeamsServiceSettings{Service: f.id["Sales Hotline"],
			TeamsServiceSettings: TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner}}),
		"service.member.active":   do(a, SetServiceMemberActive{Service: f.id["Sales Hotline"], User: f.user["ben"], Active: false}),
		"service.owner-role":      do(a, SetServiceOwnerRole{Service: f.id["Sales Hotline"], User: f.user["eve"], Role: data.LimitedOwner}),
		"ou.create":               do(a, CreateOU{Parent: root, Name: "Marketing"}),
		"ou.move":                 do(a, MoveOU{OU: f.ou["APAC"], Parent: f.ou["Support"]}),
		"ou.rename":               do(a, RenameOU{OU: f.ou["APAC"], Name: "Asia"}),
		"ou.delete":               do(a, DeleteOU{OU: f.ou["APAC"]}),
		"config.na-reason.create": do(a, CreateNAReason{Name: "Coffee", OU: root}),
		"config.domain-template.create": do(a, CreateDomainTemplate{Name: "Shop", OU: root,
			Origins: []string{"https://shop.contoso.example"}}),
		"config.system-message.create": do(a, CreateSystemMessage{Name: "Hi", OU: root, DisplayName: "Contoso", Welcome: "Hello"}),
		"config.call-template.create":  do(a, CreateCallTemplate{Name: "CRM 2", OU: root, PageURL: "https://crm.contoso.example"}),
		"config.skill-category.create": do(a, CreateSkillCategory{Name: "Tools", OU: root}),
		"config.skill.create":          do(a, CreateSkill{Name: "Excel", Category: f.id["Routers"], OU: root}),
		"config.profile.create": do(a, CreateProfile{Name: "Late", OU: root,
			Skills: []data.ConfigProfileSkill{{SkillID: f.id["Routers"]}}}),
		"config.custom-role.create":    do(a, CreateCustomRole{CustomRoleSpec: CustomRoleSpec{Name: "X", OUID: root}}),
		"config.custom-role.update":    do(a, UpdateCustomRole{Role: f.id["Custom 1"], CustomRoleSpec: CustomRoleSpec{Name: "Custom one", OUID: root}}),
		"config.item.update":           do(a, RenameConfigItem{ConfigKind: data.ConfigNAReasons, Item: f.id["Lunch"], Name: "Break", OU: root}),
		"config.item.delete":           do(a, DeleteConfigItem{ConfigKind: data.ConfigNAReasons, Item: f.id["Lunch"]}),
		"tenant.settings":              do(a, ChangeTenantSettings{InteractEnabled: ptr(false)}),
		"tenant.settings (Widget Key)": do(a, ChangeTenantSettings{RegenerateWidgetKey: true}),
		"tenant.settings (template)":   do(a, ChangeTenantSettings{SnippetTemplate: ptr("{{contactId}} {{widgetKey}}")}),
		"tenant.settings (Teams OU)":   do(a, ChangeTenantSettings{DefaultTeamsOU: f.ou["Sales"]}),
		"tenant.settings (group)":      do(a, ChangeTenantSettings{AdminSecurityGroup: ptr("Others")}),
		"config.skill-category.levels": func() error {
			lang, err := f.app.FindConfigItem(ctx, data.ConfigSkillCategories, "Language")
			if err != nil {
				return err
			}
			return do(a, SetSkillCategoryLevels{Category: lang.ID, Levels: []data.ConfigLevel{{Name: "Basic", Value: 1}}})()
		},
		"tenant.licence-contingent":             do(a, SetLicenceContingent{Licence: data.ContactCenter, Contingent: 10}),
		"tenant.licence-contingent (unlimited)": do(a, SetLicenceContingent{Licence: data.ContactCenter, Unlimited: true}),
		"Check":                                 func() error { return a.Check(ctx, DeleteUser{User: carl}) }, // a dry check gives the refusal too
	}
}

// A plain user's every change is refused, names the missing permission and writes
// nothing; the table covers every command kind and every method of App that still writes
// outside a command (checked from the source).
func TestAPlainUsersEveryChangeIsRefused(t *testing.T) {
	f := newFixture(t)
	attempts := readOnlyAttempts(f, f.as("ben@contoso.example"))
	for name, try := range attempts {
		t.Run(name, func(t *testing.T) {
			f.t = t
			f.refused("permission.read-only", try, "you (ben@contoso.example) hold no administrator role")
		})
	}
	for _, name := range append(appWriters(t), CommandKinds()...) {
		if _, ok := attempts[name]; !ok {
			t.Errorf("%s changes the cache but is not tried as a plain user here", name)
		}
	}
}

// appWriters lists the exported methods of App whose body opens a change.
func appWriters(t *testing.T) []string {
	t.Helper()
	files, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, e := range files {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := os.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, e.Name(), src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() || fn.Body == nil {
				continue
			}
			body := string(src[fset.Position(fn.Body.Pos()).Offset:fset.Position(fn.Body.End()).Offset])
			for _, opens := range []string{"a.change(", "a.configCreateItem(", "a.configUpdateTenant("} {
				if strings.Contains(body, opens) {
					out = append(out, fn.Name.Name)
					break
				}
			}
		}
	}
	// Do opens the one change every command runs in: the scan must see it.
	i := slices.Index(out, "Do")
	if i < 0 {
		t.Fatalf("the source scan did not find App.Do opening a change: it is broken")
	}
	return slices.Delete(out, i, i+1)
}
