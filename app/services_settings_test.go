package app

import (
	"slices"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// resync mirrors the cached Teams into their services, as a sync does after reading them.
func (f *fixture) resync() {
	f.t.Helper()
	if err := (&syncRun{app: f.app}).nimbus(ctx); err != nil {
		f.t.Fatal(err)
	}
}

// setTeam makes a user a member or owner of the Sales Hotline Team, or takes them out.
func (f *fixture) setTeam(user string, role data.Membership, in bool) {
	f.t.Helper()
	query := `INSERT INTO team_members (team_id, user_id, role) VALUES ('t-sales', ?, ?)`
	if !in {
		query = `DELETE FROM team_members WHERE team_id = 't-sales' AND user_id = ? AND role = ?`
	}
	if _, err := testkit.Exec(f.app.Store().Read(ctx), query, f.user[user], role); err != nil {
		f.t.Fatal(err)
	}
}

// member finds a user's membership of a service, as the Services screen lists it.
func (f *fixture) member(service int64, user string, m data.Membership) data.ServiceMember {
	f.t.Helper()
	members, err := f.app.ServiceMembers(ctx, service)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, x := range members {
		if x.UserID == f.user[user] && x.Membership == m {
			return x
		}
	}
	f.t.Fatalf("%s is not %s of service %d: %+v", user, m, service, members)
	return data.ServiceMember{}
}

func TestTeamsBasedServiceSettingsAreChangedAndJournaled(t *testing.T) {
	f := newFixture(t)
	sales := f.id["Sales Hotline"]
	entries := f.accepted(func() error {
		return f.app.SetTeamsServiceSettings(ctx, sales, TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner, MembersCanChangeActive: false})
	})
	if len(entries) != 2 || entries[1].Action != "service.default-owner-role" || entries[1].Old != "Team Owner" || entries[1].New != "Team Owner (limited)" ||
		entries[0].Action != "service.members-change-active" || entries[0].New != "Team members cannot change their Active state" {
		t.Errorf("journal: %+v", entries)
	}
	if s, _ := f.app.ServiceByName(ctx, "Sales Hotline"); s.DefaultOwnerRole != data.LimitedOwner || s.MembersCanChangeActive {
		t.Errorf("settings not saved: %+v", s)
	}
	for _, name := range []string{"Escalations", "Main IVR"} {
		f.refused("service.teams-only", func() error {
			return f.app.SetTeamsServiceSettings(ctx, f.id[name], TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner, MembersCanChangeActive: true})
		}, name, "only MS Teams-based services")
	}
	f.refused("service.owner-role", func() error {
		return f.app.SetTeamsServiceSettings(ctx, sales, TeamsServiceSettings{DefaultOwnerRole: "admin"})
	}, "full or limited")
}

func TestTheActiveToggleSwitchesCallDistributionToATeamsBasedMember(t *testing.T) {
	f := newFixture(t)
	sales := f.id["Sales Hotline"]
	if !f.member(sales, "ben", data.Member).Active {
		t.Fatal("Team members are active from the start")
	}
	entries := f.accepted(do(f.app, SetServiceMemberActive{Service: sales, User: "ben@contoso.example", Active: false}))
	if e := entries[0]; e.Action != "service.member.active" || e.Old != "ben@contoso.example active" || e.New != "ben@contoso.example inactive" {
		t.Errorf("journal: %+v", e)
	}
	if f.member(sales, "ben", data.Member).Active || !f.member(sales, "eve", data.Member).Active {
		t.Error("the toggle did not switch ben (and only ben) off")
	}
	// Ben becomes an owner too: still one state, inactive, and a sync keeps it.
	f.setTeam("ben", data.Owner, true)
	f.resync()
	if f.member(sales, "ben", data.Owner).Active || f.member(sales, "ben", data.Member).Active {
		t.Error("a sync switched an inactive member back on")
	}
	f.refused("service.teams-only", do(f.app, SetServiceMemberActive{Service: f.id["Escalations"], User: "carl@contoso.example", Active: false}),
		"Escalations", "Skill-based", "responsibility profiles")
	f.refused("service.teams-only", do(f.app, SetServiceMemberActive{Service: f.id["Main IVR"], User: "carl@contoso.example", Active: false}),
		"Main IVR", "None")
	f.refused("service.not-member", do(f.app, SetServiceMemberActive{Service: sales, User: "anna@contoso.example", Active: false}),
		"Anna Åberg", "Sales Hotline")
}

func TestANewTeamOwnerGetsTheServicesDefaultOwnerRole(t *testing.T) {
	f := newFixture(t)
	sales := f.id["Sales Hotline"]
	if err := f.app.SetTeamsServiceSettings(ctx, sales, TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner, MembersCanChangeActive: true}); err != nil {
		t.Fatal(err)
	}
	f.setTeam("anna", data.Owner, true)
	f.resync()
	if got := userRoleKeys(t, f, f.user["anna"], sales); !slices.Equal(got, []string{data.RoleTeamOwnerLimited}) {
		t.Errorf("a new owner of a service whose default is limited holds %v", got)
	}
	if m := f.member(sales, "anna", data.Owner); m.OwnerRole != data.LimitedOwner || !m.Active {
		t.Errorf("listed as %+v", m)
	}
}

func TestAnAdminSwitchesASyncedOwnersRoleAndTheSyncKeepsIt(t *testing.T) {
	f := newFixture(t)
	sales := f.id["Sales Hotline"]
	f.setTeam("anna", data.Owner, true)
	f.resync()
	if got := userRoleKeys(t, f, f.user["anna"], sales); !slices.Equal(got, []string{data.RoleTeamOwner}) {
		t.Fatalf("a new owner holds %v, want Team Owner (the default)", got)
	}
	entries := f.accepted(func() error { return f.app.SetServiceOwnerRole(ctx, sales, "anna@contoso.example", data.LimitedOwner) })
	if e := entries[0]; e.Action != "service.owner-role" || e.Old != "anna@contoso.example as Team Owner" || e.New != "anna@contoso.example as Team Owner (limited)" {
		t.Errorf("journal: %+v", e)
	}
	f.resync()
	roles, _ := f.app.Store().Read(ctx).UserRoles(f.user["anna"])
	i := slices.IndexFunc(roles, func(r data.RoleAssignment) bool { return r.SourceServiceID == sales })
	if i < 0 || roles[i].Role.BuiltinKey != data.RoleTeamOwnerLimited || !roles[i].AutoGranted || len(userRoleKeys(t, f, f.user["anna"], sales)) != 1 {
		t.Fatalf("after the next sync anna holds %+v, want only Team Owner (limited), granted by the service", roles)
	}
	// The Roles tab refuses to remove it and says where the owner role is switched.
	f.refused("role.auto-granted", do(f.app, RemoveRole{User: f.user["anna"], Assignment: roles[i].ID}),
		"Team Owner (limited)", "Microsoft Teams", "Configuration > Services")
	// Leaving the Team takes whichever variant she holds.
	f.setTeam("anna", data.Owner, false)
	f.resync()
	if got := userRoleKeys(t, f, f.user["anna"], sales); len(got) != 0 {
		t.Errorf("an owner who left the Team still holds %v", got)
	}
}

func TestOnlyOwnersOfTeamsBasedServicesSwitchOwnerRoles(t *testing.T) {
	f := newFixture(t)
	f.refused("service.not-owner", func() error {
		return f.app.SetServiceOwnerRole(ctx, f.id["Sales Hotline"], "ben@contoso.example", data.LimitedOwner)
	}, "Ben Okafor", "not an owner", "Sales Hotline")
	f.refused("service.teams-only", func() error {
		return f.app.SetServiceOwnerRole(ctx, f.id["Escalations"], "carl@contoso.example", data.LimitedOwner)
	}, "Escalations", "Skill-based")
	f.setTeam("anna", data.Owner, true)
	f.resync()
	f.refused("service.owner-role", func() error {
		return f.app.SetServiceOwnerRole(ctx, f.id["Sales Hotline"], "anna@contoso.example", "supervisor")
	}, "full or limited")
}
