package app

import (
	"errors"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// userRoleKeys lists the built-in roles a user holds from a service.
func userRoleKeys(t *testing.T, f *fixture, user string, service int64) []string {
	t.Helper()
	roles, err := f.app.Store().Read(ctx).UserRoles(user)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range roles {
		if r.SourceServiceID == service {
			out = append(out, r.Role.BuiltinKey)
		}
	}
	return out
}

func TestSkillBasedAndNoneServicesAreRenamedUnderTheNameRules(t *testing.T) {
	f := newFixture(t)
	entries := f.accepted(do(f.app, RenameService{Service: f.id["Escalations"], Name: "  Second Level  "}))
	if e := entries[0]; e.Action != "service.rename" || e.Target != "Escalations" || e.Old != "Escalations" || e.New != "Second Level" {
		t.Errorf("journal: %+v", e)
	}
	f.accepted(do(f.app, RenameService{Service: f.id["Main IVR"], Name: "Main Menu"}))
	f.accepted(do(f.app, RenameService{Service: f.id["Main IVR"], Name: "MAIN menu"})) // its own name in another case
	if s, _ := f.app.ServiceByName(ctx, "main menu"); s.ID != f.id["Main IVR"] || s.Name != "MAIN menu" {
		t.Errorf("renamed IVR: %+v", s)
	}
	f.refused("service.name-taken", do(f.app, RenameService{Service: f.id["Escalations"], Name: "sales hotline"}), "Sales Hotline")
	f.refused("name.empty", do(f.app, RenameService{Service: f.id["Escalations"], Name: "   "}), "needs a name")
	f.refused("service.teams-name", do(f.app, RenameService{Service: f.id["Sales Hotline"], Name: "Hotline"}),
		"Sales Hotline", "MS Teams-based", "Team")
	var nf *NotFoundError
	if err := do(f.app, RenameService{Service: 9999, Name: "X"})(); !errors.As(err, &nf) {
		t.Errorf("renaming a service that does not exist: %v", err)
	}
}

func TestDeletingAServiceWithMembersNamesThemAndNeedsConfirmation(t *testing.T) {
	f := newFixture(t)
	esc := f.id["Escalations"]
	if err := f.app.AddServiceMember(ctx, esc, "dana@contoso.example", data.Owner); err != nil {
		t.Fatal(err)
	}
	if err := f.app.AddServiceMember(ctx, esc, "carl@contoso.example", data.Owner); err != nil {
		t.Fatal(err)
	}
	impact, err := f.app.ServiceDeleteImpact(ctx, esc)
	if err != nil {
		t.Fatal(err)
	}
	names := ServiceMemberNames(impact)
	if strings.Join(names, "; ") != "Carl Jensen (agent and owner); Dana Kim (owner)" {
		t.Errorf("affected: %q", names)
	}
	f.refused("service.delete-members", do(f.app, DeleteService{Service: esc, Confirmed: false}),
		"Escalations", "2 users", "Carl Jensen (agent and owner)", "Dana Kim (owner)", "confirm")

	entries := f.accepted(do(f.app, DeleteService{Service: esc, Confirmed: true}))
	last := entries[0]
	if last.Action != "service.delete" || last.Target != "Escalations" || !strings.Contains(last.Old, "Carl Jensen (agent and owner)") {
		t.Errorf("journal: %+v", last)
	}
	if len(entries) != 4 || entries[1].Action != "service.member.remove" {
		t.Errorf("want the delete and each of the 3 memberships journaled, got %+v", entries)
	}
	if _, err := f.app.ServiceByName(ctx, "Escalations"); err == nil {
		t.Error("the service is still there")
	}
	for _, u := range []string{"carl", "dana"} {
		d, err := f.app.UserDetail(ctx, f.user[u])
		if err != nil {
			t.Fatalf("%s is no Nimbus user any more: %v", u, err)
		}
		if len(d.Services) != 0 || len(userRoleKeys(t, f, f.user[u], esc)) != 0 {
			t.Errorf("%s kept the service or its roles: %+v %v", u, d.Services, userRoleKeys(t, f, f.user[u], esc))
		}
	}
	if n, _ := f.app.Store().Read(ctx).CountRoleAssignments(data.RoleTenantAdmin); n != 1 {
		t.Errorf("deleting a service touched other roles: %d Tenant Administrators", n)
	}
}

func TestServicesWithoutMembersAreDeletedAndTeamsBasedOnesAreNot(t *testing.T) {
	f := newFixture(t)
	f.refused("service.teams-delete", do(f.app, DeleteService{Service: f.id["Sales Hotline"], Confirmed: true}),
		"Sales Hotline", "MS Teams-based", "Team")
	entries := f.accepted(do(f.app, DeleteService{Service: f.id["Main IVR"], Confirmed: false}))
	if len(entries) != 1 || entries[0].Action != "service.delete" || entries[0].Old != "None service with the Advanced Routing licence in Contoso" {
		t.Errorf("journal: %+v", entries)
	}
	if list, _ := f.app.ServiceList(ctx); len(list) != 2 {
		t.Errorf("%d services left, want 2", len(list))
	}
}

func TestOnlyAContactCenterServiceTakesAgentsByHand(t *testing.T) {
	f := newFixture(t)
	id, err := f.app.create(ctx, CreateService{Name: "Routing Desk", Type: data.SkillBased, Licence: data.EnterpriseRoutingService, OU: f.ou["Support"]})
	if err != nil {
		t.Fatal(err)
	}
	f.refused("service.licence-agents", func() error { return f.app.AddServiceMember(ctx, id, "dana@contoso.example", data.Agent) },
		"Contact Center", "Routing Desk", "Enterprise Routing")
	f.refused("service.licence-agents", func() error { return f.app.AddServiceMember(ctx, id, "dana@contoso.example", data.Owner) },
		"Contact Center")
	f.accepted(do(f.app, SetServiceLicence{Service: id, Licence: data.ContactCenterService}))
	f.accepted(func() error { return f.app.AddServiceMember(ctx, id, "dana@contoso.example", data.Agent) })
}

func TestServicesGetTheLicenceOfTheirTypeUnlessOneIsChosen(t *testing.T) {
	f := newFixture(t)
	for name, want := range map[string]data.ServiceLicence{"Sales Hotline": data.AdvancedRoutingService,
		"Escalations": data.ContactCenterService, "Main IVR": data.AdvancedRoutingService} {
		if s, _ := f.app.ServiceByName(ctx, name); s.Licence != want {
			t.Errorf("%s carries %q, want %q", name, s.Licence, want)
		}
	}
	skill, _ := f.app.CreateService(ctx, "Desk", data.SkillBased, f.ou["root"])
	ivr, _ := f.app.create(ctx, CreateService{Name: "Menu", Type: data.NoUsers, Licence: data.ContactCenterService, OU: f.ou["root"]})
	if _, err := testkit.Exec(f.app.Store().Read(ctx), `INSERT INTO teams (id, display_name) VALUES ('t-support', 'Support Team')`); err != nil {
		t.Fatal(err)
	}
	team, err := f.app.create(ctx, CreateService{Type: data.TeamsBased, TeamID: "t-support", Licence: data.EnterpriseRoutingService, OU: f.ou["Support"]})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64]data.ServiceLicence{skill: data.ContactCenterService, ivr: data.ContactCenterService,
		team: data.EnterpriseRoutingService} {
		if s, _ := f.app.Store().Read(ctx).Service(id); s.Licence != want {
			t.Errorf("%s carries %q, want %q", s.Name, s.Licence, want)
		}
	}
	f.refused("service.licence", func() error {
		_, err := f.app.create(ctx, CreateService{Name: "Gold", Type: data.SkillBased, Licence: "gold", OU: f.ou["root"]})
		return err
	}, "Contact Center, Enterprise Routing or Advanced Routing")
}

func TestASkillBasedServiceWithAgentsKeepsContactCenter(t *testing.T) {
	f := newFixture(t)
	esc := f.id["Escalations"]
	f.refused("service.licence-has-agents", do(f.app, SetServiceLicence{Service: esc, Licence: data.AdvancedRoutingService}),
		"Escalations", "Carl Jensen (agent)", "Contact Center", "remove them first")
	if err := do(f.app, RemoveServiceMember{Service: esc, User: "carl@contoso.example", As: data.Agent})(); err != nil {
		t.Fatal(err)
	}
	entries := f.accepted(do(f.app, SetServiceLicence{Service: esc, Licence: data.AdvancedRoutingService}))
	if e := entries[0]; e.Action != "service.licence" || e.Old != "Contact Center" || e.New != "Advanced Routing" {
		t.Errorf("journal: %+v", e)
	}
	// A Teams-based service's members come from its Team: any licence will do.
	f.accepted(do(f.app, SetServiceLicence{Service: f.id["Sales Hotline"], Licence: data.EnterpriseRoutingService}))
	f.refused("service.licence", do(f.app, SetServiceLicence{Service: esc, Licence: "interact"}), "interact")
}

func TestAnOUAdministratorChangesServicesOfTheirSubtreeOnly(t *testing.T) {
	f := newFixture(t)
	eve := f.makeOUAdmin() // Organization Unit Administrator of Sales
	f.refused("permission.ou-scope", do(eve, RenameService{Service: f.id["Escalations"], Name: "Mine"}), "Support")
	f.refused("permission.ou-scope", do(eve, DeleteService{Service: f.id["Escalations"], Confirmed: true}), "Support")
	f.refused("permission.ou-scope", do(eve, SetServiceLicence{Service: f.id["Main IVR"], Licence: data.ContactCenterService}))
	f.accepted(do(eve, SetServiceMemberActive{Service: f.id["Sales Hotline"], User: "ben@contoso.example", Active: false}))
	f.accepted(func() error {
		return eve.SetTeamsServiceSettings(ctx, f.id["Sales Hotline"], TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner})
	})
}
