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
		_, err := q.Exec(`DELETE FROM role_assignments WHERE role_id = ?`, f.id["Tenant Administrator"])
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
	f.refused("permission.tenant-admin", func() error { return eve.SetInteractEnabled(ctx, false) }, "tenant settings")
	f.refused("permission.ou-scope", func() error { _, err := eve.CreateNAReason(ctx, "Coffee", f.ou["Support"]); return err })
	if _, err := eve.CreateNAReason(ctx, "Coffee", f.ou["APAC"]); err != nil {
		t.Errorf("an N/A reason in Sales/APAC was refused: %v", err)
	}
	f.refused("permission.ou-scope", func() error { _, err := eve.CreateOU(ctx, f.ou["root"], "Marketing"); return err })
	if _, err := eve.CreateOU(ctx, f.ou["Sales"], "Nordics"); err != nil {
		t.Errorf("an OU below Sales was refused: %v", err)
	}
	f.refused("permission.ou-scope", func() error { return eve.RenameOU(ctx, f.ou["Support"], "Help") })
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
		"AddServiceMember": func() error { return a.AddServiceMember(ctx, f.id["Escalations"], anna, data.Agent) },
		"RemoveServiceMember": func() error {
			return a.RemoveServiceMember(ctx, f.id["Escalations"], carl, data.Agent)
		},
		"CreateTeamsService": func() error { _, err := a.CreateTeamsService(ctx, "t-none", root); return err },
		"CreateService":      func() error { _, err := a.CreateService(ctx, "New desk", data.SkillBased, root); return err },
		"CreateTeamsServiceWithLicence": func() error {
			_, err := a.CreateTeamsServiceWithLicence(ctx, "t-none", data.ContactCenterService, root)
			return err
		},
		"CreateServiceWithLicence": func() error {
			_, err := a.CreateServiceWithLicence(ctx, "New desk", data.SkillBased, data.EnterpriseRoutingService, root)
			return err
		},
		"RenameService":     func() error { return a.RenameService(ctx, f.id["Escalations"], "Second level") },
		"DeleteService":     func() error { return a.DeleteService(ctx, f.id["Escalations"], true) },
		"SetServiceLicence": func() error { return a.SetServiceLicence(ctx, f.id["Main IVR"], data.ContactCenterService) },
		"SetTeamsServiceSettings": func() error {
			return a.SetTeamsServiceSettings(ctx, f.id["Sales Hotline"], TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner})
		},
		"SetServiceMemberActive": func() error {
			return a.SetServiceMemberActive(ctx, f.id["Sales Hotline"], f.user["ben"], false)
		},
		"SetServiceOwnerRole": func() error {
			return a.SetServiceOwnerRole(ctx, f.id["Sales Hotline"], f.user["eve"], data.LimitedOwner)
		},
		"CreateOU":       func() error { _, err := a.CreateOU(ctx, root, "Marketing"); return err },
		"MoveOU":         func() error { return a.MoveOU(ctx, f.ou["APAC"], f.ou["Support"]) },
		"RenameOU":       func() error { return a.RenameOU(ctx, f.ou["APAC"], "Asia") },
		"DeleteOU":       func() error { return a.DeleteOU(ctx, f.ou["APAC"]) },
		"CreateNAReason": func() error { _, err := a.CreateNAReason(ctx, "Coffee", root); return err },
		"CreateDomainTemplate": func() error {
			_, err := a.CreateDomainTemplate(ctx, "Shop", root, []string{"https://shop.contoso.example"})
			return err
		},
		"CreateSystemMessage": func() error { _, err := a.CreateSystemMessage(ctx, "Hi", root, "Contoso", "Hello"); return err },
		"CreateCallTemplate": func() error {
			_, err := a.CreateCallTemplate(ctx, "CRM 2", root, "", "https://crm.contoso.example")
			return err
		},
		"CreateSkillCategory": func() error { _, err := a.CreateSkillCategory(ctx, "Tools", root, nil); return err },
		"CreateSkill":         func() error { _, err := a.CreateSkill(ctx, "Excel", f.id["Routers"], root); return err },
		"CreateProfile": func() error {
			_, err := a.CreateProfile(ctx, "Late", root, []data.ConfigProfileSkill{{SkillID: f.id["Routers"]}})
			return err
		},
		"CreateCustomRole": func() error { _, err := a.CreateCustomRole(ctx, CustomRoleSpec{Name: "X", OUID: root}); return err },
		"UpdateCustomRole": func() error {
			return a.UpdateCustomRole(ctx, f.id["Custom 1"], CustomRoleSpec{Name: "Custom one", OUID: root})
		},
		"RenameConfigItem":      func() error { return a.RenameConfigItem(ctx, data.ConfigNAReasons, f.id["Lunch"], "Break", root) },
		"DeleteConfigItem":      func() error { return a.DeleteConfigItem(ctx, data.ConfigNAReasons, f.id["Lunch"]) },
		"SetInteractEnabled":    func() error { return a.SetInteractEnabled(ctx, false) },
		"RegenerateWidgetKey":   func() error { return a.RegenerateWidgetKey(ctx) },
		"SetSnippetTemplate":    func() error { return a.SetSnippetTemplate(ctx, "{{contactId}} {{widgetKey}}") },
		"SetDefaultTeamsOU":     func() error { return a.SetDefaultTeamsOU(ctx, f.ou["Sales"]) },
		"SetAdminSecurityGroup": func() error { return a.SetAdminSecurityGroup(ctx, "Others") },
		"SetSkillCategoryLevels": func() error {
			lang, err := f.app.FindConfigItem(ctx, data.ConfigSkillCategories, "Language")
			if err != nil {
				return err
			}
			_, err = a.SetSkillCategoryLevels(ctx, lang.ID, []data.ConfigLevel{{Name: "Basic", Value: 1}})
			return err
		},
		"SetLicenceContingent": func() error { return a.SetLicenceContingent(ctx, data.ContactCenter, 10) },
		"SetLicenceUnlimited":  func() error { return a.SetLicenceUnlimited(ctx, data.ContactCenter) },
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
			if !ok || fn.Recv == nil || !fn.Name.IsExported() || fn.Body == nil || fn.Name.Name == "Do" {
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
	if len(out) < 30 {
		t.Fatalf("found only %d writers: the source scan is broken", len(out))
	}
	return out
}
