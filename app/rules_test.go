package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
)

var ctx = context.Background()

func TestVisibleTabsFollowLicencesInAllSixteenCombinations(t *testing.T) {
	for l := data.LicenceSet(0); l < 16; l++ {
		want := []Tab{TabGeneral, TabServices, TabRoles}
		if l.Has(data.ContactCenter) {
			want = append(want, TabSkills, TabProfiles, TabNAReasons)
		}
		if l.Has(data.ContactCenter) && l.Has(data.Interact) {
			want = append(want, TabInteract)
		}
		if l.Has(data.Assistant) {
			want = append(want, TabAssistant)
		}
		if got := VisibleTabs(l); !slices.Equal(got, want) {
			t.Errorf("licences %q: tabs %v, want %v", l, got, want)
		}
		for _, tab := range AllTabs() {
			hidden := !slices.Contains(want, tab)
			if reason := HiddenTabReason(tab, l); (reason != "") != hidden {
				t.Errorf("licences %q, tab %s: hidden=%v but reason %q", l, tab, hidden, reason)
			}
		}
	}
	if r := HiddenTabReason(TabInteract, data.Interact); r != "Interact needs the Contact Center and Interact licences (missing: Contact Center)" {
		t.Errorf("Interact reason: %q", r)
	}
}

func TestGrantAndRevokeLicenceShowAndHideTabsAndKeepSettings(t *testing.T) {
	f := newFixture(t)
	eve := f.user["eve"]
	f.accepted(func() error { return f.app.GrantLicence(ctx, eve, data.ContactCenter|data.Interact) })
	d, _ := f.app.UserDetail(ctx, eve)
	if !slices.Contains(d.Tabs, TabInteract) || d.Interact == nil || d.Interact.ContactID == "" {
		t.Fatalf("after grant: tabs %v, interact %+v", d.Tabs, d.Interact)
	}
	contact := d.Interact.ContactID
	f.accepted(func() error { return f.app.RevokeLicence(ctx, eve, data.Interact) })
	d, _ = f.app.UserDetail(ctx, eve)
	if slices.Contains(d.Tabs, TabInteract) {
		t.Fatalf("Interact tab still shown after revoke: %v", d.Tabs)
	}
	f.accepted(func() error { return f.app.GrantLicence(ctx, eve, data.Interact) })
	d, _ = f.app.UserDetail(ctx, eve)
	if d.Interact == nil || d.Interact.ContactID != contact {
		t.Fatalf("Interact settings not kept across revoke/grant: %+v, want contact %s", d.Interact, contact)
	}
}

func TestDeleteRule(t *testing.T) {
	f := newFixture(t)
	f.refused("delete", do(f.app, DeleteUser{User: "ben@contoso.example"}), `"Sales Hotline"`)
	f.refused("delete", do(f.app, DeleteUser{User: f.user["eve"]}), `"Sales Hotline"`)
	d, _ := f.app.UserDetail(ctx, f.user["ben"])
	if d.Deletable() || d.DeleteBlockedReason == "" {
		t.Errorf("ben (Teams) reported deletable")
	}
	// carl is manual and only in a Skill-based service: he may go.
	entries := f.accepted(do(f.app, DeleteUser{User: "CARL@contoso.example"}))
	if entries[0].Action != "user.delete" || entries[0].Target != "carl@contoso.example" || entries[0].Actor != "dana@contoso.example" ||
		!strings.Contains(entries[0].Old, `agent of the Skill-based service "Escalations"`) {
		t.Errorf("journal entry %+v", entries[0])
	}
	if _, err := f.app.UserDetail(ctx, f.user["carl"]); !errors.As(err, new(*NotFoundError)) {
		t.Errorf("carl still there: %v", err)
	}
	if _, err := f.app.Store().Read(ctx).DirectoryUser(f.user["carl"]); err != nil {
		t.Errorf("deleting from Nimbus touched the directory: %v", err)
	}
}

func TestDeleteBlockedForTeamsOriginUserWithoutService(t *testing.T) {
	u := data.NimbusUser{DirectoryUser: data.DirectoryUser{DisplayName: "Zoë"}, Origin: data.OriginTeams}
	if DeleteBlockedReason(u, nil) == "" {
		t.Error("a user added from Teams is deletable by hand")
	}
	u.Origin = data.OriginManual
	skill := data.UserService{Service: data.Service{Name: "S", AssignmentType: data.SkillBased}}
	if r := DeleteBlockedReason(u, []data.UserService{skill}); r != "" {
		t.Errorf("manual user in a Skill-based service blocked: %s", r)
	}
}

func TestItemsAssignableOnlyFromUsersOUOrAbove(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"] // in Sales/EMEA
	f.refused("scope.ou", func() error { return f.app.SetUserSkill(ctx, anna, f.id["German"], f.level["Basic"]) }, "German", "Support")
	f.refused("scope.ou", func() error { return f.app.AssignProfile(ctx, anna, f.id["Support shift"]) }, "Support shift")
	f.refused("scope.ou", func() error { return f.app.SetNAReasons(ctx, anna, true, []int64{f.id["Lunch"], f.id["Coaching"]}) }, "Coaching")
	f.refused("scope.ou", func() error { return f.app.SetCallTemplates(ctx, anna, []int64{f.id["Support KB"]}) }, "Support KB")
	f.refused("scope.ou", func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{Active: true, DomainTemplateID: f.id["Support portal"]})
	}, "Support portal")
	f.refused("scope.ou", func() error { _, err := f.app.AssignRole(ctx, anna, f.id["Support only"], f.ou["EMEA"]); return err }, "Support only")

	f.accepted(func() error { return f.app.SetUserSkill(ctx, anna, f.id["French"], f.level["Fluent"]) })
	f.accepted(func() error { return f.app.SetUserSkill(ctx, anna, f.id["Routers"], 0) })
	f.accepted(func() error { return f.app.AssignProfile(ctx, anna, f.id["Early shift"]) })
	f.accepted(func() error { return f.app.SetNAReasons(ctx, anna, true, []int64{f.id["Meeting"], f.id["Lunch"]}) })
	f.accepted(func() error { return f.app.SetCallTemplates(ctx, anna, []int64{f.id["Ticket"], f.id["CRM lookup"]}) })
	d, _ := f.app.UserDetail(ctx, anna)
	if len(d.Skills) != 2 || d.NAReasons[0].Name != "Meeting" || d.CallTemplates[0].Name != "Ticket" {
		t.Errorf("assignments not stored in order: %+v %+v %+v", d.Skills, d.NAReasons, d.CallTemplates)
	}
	avail, _ := f.app.AvailableItems(ctx, anna, data.ConfigCallTemplates)
	if len(avail) != 2 {
		t.Errorf("available call templates for EMEA: %+v", avail)
	}
}

func TestSkillLevelMustComeFromItsCategory(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"]
	f.refused("skill.level", func() error { return f.app.SetUserSkill(ctx, anna, f.id["French"], 0) }, "French")
	f.refused("skill.level", func() error { return f.app.SetUserSkill(ctx, anna, f.id["Routers"], f.level["Basic"]) }, "Routers")
}

func TestAtMostFiveCustomRoles(t *testing.T) {
	f := newFixture(t)
	for i := 1; i <= MaxCustomRoles; i++ {
		f.accepted(func() error {
			_, err := f.app.AssignRole(ctx, f.user["anna"], f.id[fmt.Sprintf("Custom %d", i)], f.ou["EMEA"])
			return err
		})
	}
	f.refused("role.custom-limit", func() error {
		_, err := f.app.AssignRole(ctx, f.user["anna"], f.id["Custom 6"], f.ou["EMEA"])
		return err
	}, "5 custom roles")
	// built-in roles do not count against the limit
	f.accepted(func() error {
		_, err := f.app.AssignRole(ctx, f.user["anna"], f.id["Supervisor"], f.ou["Sales"])
		return err
	})
}

func TestAutoGrantedRolesCannotBeEditedOrRemoved(t *testing.T) {
	f := newFixture(t)
	d, _ := f.app.UserDetail(ctx, f.user["ben"])
	if len(d.Roles) != 1 || !d.Roles[0].AutoGranted {
		t.Fatalf("fixture: ben's roles %+v", d.Roles)
	}
	auto := d.Roles[0].ID
	f.refused("role.auto-granted", do(f.app, RemoveRole{User: f.user["ben"], Assignment: auto}), "Team Member", "Sales Hotline")
	f.refused("role.auto-granted", do(f.app, ChangeRoleScope{User: f.user["ben"], Assignment: auto, Scope: f.ou["root"]}), "Team Member")
	// a manual role on the same user can be edited and removed
	id, err := f.app.AssignRole(ctx, f.user["ben"], f.id["Workflow Administrator"], f.ou["EMEA"])
	if err != nil {
		t.Fatal(err)
	}
	f.accepted(do(f.app, ChangeRoleScope{User: f.user["ben"], Assignment: id, Scope: f.ou["Sales"]}))
	f.accepted(do(f.app, RemoveRole{User: f.user["ben"], Assignment: id}))
}

func TestRolesOfATenantAdministratorChangeAndAreMarkedWithoutEffect(t *testing.T) {
	f := newFixture(t)
	dana := "dana@contoso.example"
	var id int64
	f.accepted(func() (err error) {
		id, err = f.app.AssignRole(ctx, dana, f.id["Supervisor (User)"], f.ou["root"])
		return err
	})
	st, err := f.app.RoleStatus(ctx, dana)
	if err != nil {
		t.Fatal(err)
	}
	if st.NoEffect[id] != NoEffectWhileTenantAdmin || st.Locked[id] != "" {
		t.Errorf("a role of a Tenant Administrator: no effect %q, locked %q", st.NoEffect[id], st.Locked[id])
	}
	for as, note := range st.NoEffect {
		if d, _ := f.app.UserDetail(ctx, dana); note != "" && roleKeyOf(d, as) == data.RoleTenantAdmin {
			t.Error("the Tenant Administrator role itself is marked as having no effect")
		}
	}
	f.accepted(do(f.app, RemoveRole{User: dana, Assignment: id}))
	f.refused("role.not-by-hand", func() error {
		_, err := f.app.AssignRole(ctx, f.user["anna"], f.id["Tenant Administrator"], f.ou["root"])
		return err
	}, "Nimbus Admins")
}

// roleKeyOf finds the built-in key of one of the user's assignments.
func roleKeyOf(d UserDetail, assignment int64) string {
	for _, r := range d.Roles {
		if r.ID == assignment {
			return r.Role.BuiltinKey
		}
	}
	return ""
}

func TestNAReasonsEnabledNeedsAReason(t *testing.T) {
	f := newFixture(t)
	f.refused("na.empty", func() error { return f.app.SetNAReasons(ctx, f.user["anna"], true, nil) }, "at least one reason")
	f.accepted(func() error { return f.app.SetNAReasons(ctx, f.user["anna"], false, []int64{f.id["Lunch"]}) })
	f.accepted(func() error { return f.app.SetNAReasons(ctx, f.user["anna"], true, []int64{f.id["Lunch"]}) })
	f.refused("na.empty", func() error { return f.app.SetNAReasons(ctx, f.user["anna"], true, []int64{}) }, "at least one reason")
}

func TestRestrictAccessNeedsADomainTemplate(t *testing.T) {
	f := newFixture(t)
	// carl sits in the root: no domain template lives there or above.
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["carl"], data.Interact) })
	f.refused("interact.restrict-no-template", func() error {
		return f.app.SetInteract(ctx, f.user["carl"], InteractChange{Active: true, RestrictAccess: true})
	}, "domain template")
	anna := f.user["anna"]
	f.refused("interact.restrict-no-template", func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{RestrictAccess: true})
	}, "choose")
	f.accepted(func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{Active: true, RestrictAccess: true, DomainTemplateID: f.id["Public site"]})
	})
}

func TestOUMoveCannotCreateCycle(t *testing.T) {
	f := newFixture(t)
	f.refused("ou.cycle", do(f.app, MoveOU{OU: f.ou["Sales"], Parent: f.ou["EMEA"]}), "Sales/EMEA")
	f.refused("ou.cycle", do(f.app, MoveOU{OU: f.ou["Sales"], Parent: f.ou["Sales"]}))
	f.refused("ou.root", do(f.app, MoveOU{OU: f.ou["root"], Parent: f.ou["Sales"]}))
	f.accepted(do(f.app, MoveOU{OU: f.ou["APAC"], Parent: f.ou["Support"]}))
	tree, _ := f.app.OUTree(ctx)
	if tree.Path(f.ou["APAC"]) != "Support/APAC" {
		t.Errorf("APAC is at %s", tree.Path(f.ou["APAC"]))
	}
}

func TestNonEmptyOUCannotBeDeleted(t *testing.T) {
	f := newFixture(t)
	f.refused("ou.not-empty", do(f.app, DeleteOU{OU: f.ou["EMEA"]}), "3 users", "1 direct call template")
	f.refused("ou.not-empty", do(f.app, DeleteOU{OU: f.ou["Sales"]}), "2 child organization units", "1 service")
	f.accepted(do(f.app, DeleteOU{OU: f.ou["APAC"]}))
}

func TestSkillBasedServiceNeedsContactCenter(t *testing.T) {
	f := newFixture(t)
	f.refused("service.cc-required", func() error {
		return f.app.AddServiceMember(ctx, f.id["Escalations"], f.user["eve"], data.Agent)
	}, "Contact Center", "Escalations")
	f.refused("licence.cc-required", func() error {
		return f.app.RevokeLicence(ctx, f.user["carl"], data.ContactCenter)
	}, "Escalations")
	f.refused("service.teams-members", func() error {
		return f.app.AddServiceMember(ctx, f.id["Sales Hotline"], f.user["anna"], data.Member)
	})
	f.accepted(func() error { return f.app.AddServiceMember(ctx, f.id["Escalations"], f.user["anna"], data.Owner) })
	f.refused("service.already-member", func() error {
		return f.app.AddServiceMember(ctx, f.id["Escalations"], f.user["anna"], data.Owner)
	})
	hasOwnerRole := func() bool {
		d, _ := f.app.UserDetail(ctx, f.user["anna"])
		for _, r := range d.Roles {
			if r.Role.BuiltinKey == data.RoleServiceOwner && r.AutoGranted && r.SourceServiceID == f.id["Escalations"] {
				return true
			}
		}
		return false
	}
	if !hasOwnerRole() {
		t.Fatal("an owner of a Skill-based service did not get the Service Owner role")
	}
	f.accepted(do(f.app, RemoveServiceMember{Service: f.id["Escalations"], User: f.user["anna"], As: data.Owner}))
	if hasOwnerRole() {
		t.Error("the Service Owner role outlived the ownership")
	}
}

func TestJournalRecordsWhoWhenWhatOldNew(t *testing.T) {
	f := newFixture(t)
	entries := f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.Assistant) })
	e := entries[0]
	if e.Actor != "dana@contoso.example" || e.At == "" || e.Action != "user.licences" || e.Target != "eve@contoso.example" ||
		e.Old != "Attendant Console" || e.New != "Attendant Console, Assistant" {
		t.Errorf("journal entry %+v", e)
	}
}

func TestUnknownUserIsNotFound(t *testing.T) {
	f := newFixture(t)
	err := f.app.GrantLicence(ctx, "nobody@contoso.example", data.Assistant)
	var nf *NotFoundError
	if !errors.As(err, &nf) || err.Error() != `no Nimbus user "nobody@contoso.example" in this tenant` {
		t.Errorf("got %v", err)
	}
	if _, err := f.app.Do(ctx, DeleteUser{User: f.user["frank"]}); !errors.As(err, &nf) {
		t.Errorf("directory-only user: got %v", err)
	}
}

func TestSnippetUsesTemplateContactIDAndWidgetKey(t *testing.T) {
	f := newFixture(t)
	d, _ := f.app.UserDetail(ctx, f.user["eve"])
	if d.Interact != nil {
		t.Fatal("eve has Interact settings before any licence")
	}
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.Interact) })
	d, _ = f.app.UserDetail(ctx, f.user["eve"])
	want := `<script data-contact="` + d.Interact.ContactID + `" data-key="wk-123"></script>`
	if d.Snippet != want {
		t.Errorf("snippet %q, want %q", d.Snippet, want)
	}
}

func TestRevokingContactCenterBlanksTheActiveProfileOfTheList(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"]
	activeOf := func() string {
		ix, err := f.app.LoadUserIndex(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range ix.Rows {
			if r.ID == anna {
				return r.ActiveProfile
			}
		}
		t.Fatal("anna is not listed")
		return ""
	}
	f.accepted(func() error { return f.app.AssignProfile(ctx, anna, f.id["Early shift"]) })
	f.accepted(func() error { return f.app.SetActiveProfile(ctx, anna, f.id["Early shift"]) })
	if got := activeOf(); got != "Early shift" {
		t.Fatalf("active profile before: %q", got)
	}
	f.accepted(func() error {
		return do(f.app, ChangeLicences{User: anna, Revoke: data.ContactCenter, DropDependent: true})()
	})
	if got := activeOf(); got != "" {
		t.Errorf("after Contact Center was revoked the list still shows %q as the active profile", got)
	}
	f.accepted(func() error { return f.app.GrantLicence(ctx, anna, data.ContactCenter) })
	if got := activeOf(); got != "Early shift" {
		t.Errorf("with Contact Center back the kept profile should be active again, got %q", got)
	}
}

func TestHiddenTabsNoteGroupsTheTabsByWhatTheyLack(t *testing.T) {
	want := "Not shown until licensed: Skills, Profiles, N/A Reasons (Contact Center); Interact (Contact Center and Interact); Assistant (Assistant)."
	if got := HiddenTabsNote(0); got != want {
		t.Errorf("with no licence:\n got %q\nwant %q", got, want)
	}
	if got := HiddenTabsNote(data.Interact | data.Assistant); got != "Not shown until licensed: Skills, Profiles, N/A Reasons, Interact (Contact Center)." {
		t.Errorf("with Interact and Assistant: %q", got)
	}
	if got := HiddenTabsNote(data.ContactCenter | data.Interact | data.Assistant); got != "" {
		t.Errorf("with every licence a note remains: %q", got)
	}
}
