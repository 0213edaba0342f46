package app

import (
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// Revoking Contact Center leaves nothing that needs it active: without the admin's word
// the refusal lists it all; with it, it all ends in the same change and the settings stay.
func TestRevokingContactCenterListsWhatNeedsItOrEndsIt(t *testing.T) {
	f := newFixture(t)
	carl := f.user["carl"] // Contact Center, agent of the Skill-based service Escalations
	f.accepted(func() error {
		_, err := f.app.AssignRole(ctx, carl, f.id["Supervisor (Service)"], f.ou["root"])
		return err
	})
	f.accepted(func() error { _, err := f.app.AssignRole(ctx, carl, f.id["Custom 1"], f.ou["root"]); return err })
	f.accepted(func() error {
		_, err := f.app.AssignRole(ctx, carl, f.id["Workflow Administrator"], f.ou["root"])
		return err
	})
	f.accepted(func() error { return f.app.GrantLicence(ctx, carl, data.Interact) })
	f.accepted(func() error { return f.app.SetInteract(ctx, carl, InteractChange{Active: true, AudioVideo: true}) })
	f.accepted(func() error { return f.app.SetUserSkill(ctx, carl, f.id["Routers"], 0) })

	deps, err := f.app.LicenceDependents(ctx, carl, data.ContactCenter)
	if err != nil || len(deps) != 4 {
		t.Fatalf("dependents of Contact Center: %+v %v", deps, err)
	}
	f.refused("licence.cc-required", func() error { return f.app.RevokeLicence(ctx, carl, data.ContactCenter) },
		`agent of the Skill-based service "Escalations"`, "role Supervisor (Service)", "role Custom 1", "the active Interact widget")

	entries := f.accepted(func() error {
		return do(f.app, ChangeLicences{User: carl, Revoke: data.ContactCenter, DropDependent: true})()
	})
	if n := len(slices.DeleteFunc(entries, func(e JournalEntry) bool { return e.Action != "user.licence-dependent.end" })); n != 4 {
		t.Errorf("%d endings journaled, want 4", n)
	}
	d, _ := f.app.UserDetail(ctx, carl)
	if d.User.Licences.Has(data.ContactCenter) || len(d.Services) != 0 || d.Interact == nil || d.Interact.Active || !d.Interact.AudioVideo {
		t.Errorf("after revoking with the dependents ended: licences %v, services %+v, interact %+v", d.User.Licences, d.Services, d.Interact)
	}
	var roles []string
	for _, r := range d.Roles {
		roles = append(roles, r.Role.Name)
	}
	if !slices.Equal(roles, []string{"Workflow Administrator"}) {
		t.Errorf("roles left: %v, want only the admin role that needs no licence", roles)
	}
	if len(d.Skills) != 1 || len(d.Profiles) != 2 {
		t.Errorf("skills and profiles are settings and stay for the licence's return: %+v %+v", d.Skills, d.Profiles)
	}
}

func TestRevokingInteractEndsAnActiveWidgetOnlyWhenAsked(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"]
	f.accepted(func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{Active: true, InstantMessaging: true})
	})
	f.refused("licence.cc-required", func() error { return f.app.RevokeLicence(ctx, anna, data.Interact) }, "active Interact widget")
	f.accepted(func() error {
		return do(f.app, ChangeLicences{User: anna, Revoke: data.Interact, DropDependent: true})()
	})
	d, _ := f.app.UserDetail(ctx, anna)
	if d.Interact.Active || !d.Interact.InstantMessaging {
		t.Errorf("the widget should be off and the rest kept: %+v", d.Interact)
	}
	// nothing active: revoking needs no word
	f.accepted(func() error { return f.app.GrantLicence(ctx, anna, data.Interact) })
	f.accepted(func() error { return f.app.RevokeLicence(ctx, anna, data.Interact) })
}

// Moving a user never leaves items assigned from outside the new OU's path: the refusal
// lists them; with the admin's word they are removed in the same change.
func TestMovingAUserListsWhatFallsOutOfScopeOrRemovesIt(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"] // Sales/EMEA, Contact Center, Interact, Assistant
	f.accepted(func() error { return f.app.SetUserSkill(ctx, anna, f.id["French"], f.level["Basic"]) })
	f.accepted(func() error { return f.app.SetUserSkill(ctx, anna, f.id["Routers"], 0) })
	f.accepted(func() error { return f.app.AssignProfile(ctx, anna, f.id["Early shift"]) })
	f.accepted(func() error { return f.app.SetActiveProfile(ctx, anna, f.id["Early shift"]) })
	f.accepted(func() error { return f.app.SetNAReasons(ctx, anna, true, []int64{f.id["Meeting"]}) })
	f.accepted(func() error { return f.app.SetCallTemplates(ctx, anna, []int64{f.id["Ticket"], f.id["CRM lookup"]}) })
	f.accepted(func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{Active: true, RestrictAccess: true, DomainTemplateID: f.id["Public site"]})
	})
	f.accepted(func() error { _, err := f.app.AssignRole(ctx, anna, f.id["Custom 1"], f.ou["EMEA"]); return err })

	out, err := f.app.OutOfScope(ctx, anna, f.ou["Support"])
	if err != nil || len(out) != 5 {
		t.Fatalf("out of scope in Support: %v %v", out, err)
	}
	f.refused("move.out-of-scope", do(f.app, MoveUser{User: anna, OU: f.ou["Support"]}),
		`skill "French" (Sales)`, `responsibility profile "Early shift" (Sales/EMEA)`, `N/A reason "Meeting" (Sales)`,
		`direct call template "Ticket" (Sales/EMEA)`, `domain template "Public site" (Sales)`)
	f.accepted(do(f.app, MoveUser{User: anna, OU: f.ou["Support"], DropOutOfScope: true}))

	d, _ := f.app.UserDetail(ctx, anna)
	if d.OUPath != "Support" || len(d.Skills) != 1 || d.Skills[0].Skill.Name != "Routers" || len(d.NAReasons) != 0 ||
		d.User.NAReasonsEnabled || len(d.CallTemplates) != 1 || d.Interact.DomainTemplateID != 0 || d.Interact.RestrictAccess {
		t.Errorf("after the move: %+v", d)
	}
	var profiles []string
	for _, p := range d.Profiles {
		if p.Active {
			profiles = append(profiles, p.Name+" (active)")
		} else {
			profiles = append(profiles, p.Name)
		}
	}
	if !slices.Equal(profiles, []string{"Off Duty", "On Duty (active)"}) {
		t.Errorf("profiles after the move: %v, want On Duty active again", profiles)
	}
	if !slices.ContainsFunc(d.Roles, func(r data.RoleAssignment) bool { return r.Role.Name == "Custom 1" }) {
		t.Error("a custom role from the root fell out of scope")
	}
}

func TestNewContactCenterUsersStartOnDuty(t *testing.T) {
	f := newFixture(t)
	profiles := func(key string) string {
		d, err := f.app.UserDetail(ctx, f.user[key])
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range d.Profiles {
			out = append(out, p.Name+map[bool]string{true: "*", false: ""}[p.Active])
		}
		slices.Sort(out)
		return strings.Join(out, ",")
	}
	f.accepted(func() error { return f.app.AddUser(ctx, f.user["frank"], f.ou["EMEA"], data.ContactCenter) })
	if got := profiles("frank"); got != "Off Duty,On Duty*" {
		t.Errorf("a user added with Contact Center holds %q, want On Duty (active) and Off Duty", got)
	}
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.ContactCenter) })
	if got := profiles("eve"); got != "Off Duty,On Duty*" {
		t.Errorf("a user granted Contact Center holds %q, want On Duty (active) and Off Duty", got)
	}
}
