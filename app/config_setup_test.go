package app

import (
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// configEmptyTenant is a freshly synced tenant: a directory with two people and nothing
// configured yet (only the root OU and the built-in profiles).
func configEmptyTenant(t *testing.T) (*App, int64) {
	t.Helper()
	store, root := testkit.Fresh(t)
	return New(store, "setup admin"), root
}

// TestBuildACompleteSetupFromEmptyConfigurationAndAssignIt is issue 7's "done when" path,
// through app/ only: configure everything, then assign each item on a user's tabs.
func TestBuildACompleteSetupFromEmptyConfigurationAndAssignIt(t *testing.T) {
	a, root := configEmptyTenant(t)
	for _, k := range data.ConfigKinds {
		items, err := a.ConfigItems(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		if k != data.ConfigProfiles && len(items) != 0 || k == data.ConfigProfiles && len(items) != 2 {
			t.Fatalf("%s is not empty in a fresh tenant: %+v", k, items)
		}
	}
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	id := func(v int64, err error) int64 { t.Helper(); step("create", err); return v }

	support := id(a.CreateOU(ctx, root, "Support"))
	emea := id(a.CreateOU(ctx, support, "EMEA"))
	lang := id(a.CreateSkillCategory(ctx, "Language", root, []data.ConfigLevel{{Name: "Basic", Value: 1}, {Name: "Fluent", Value: 2}, {Name: "Native", Value: 3}}))
	cert := id(a.CreateSkillCategory(ctx, "Certification", root, nil))
	german := id(a.CreateSkill(ctx, "German", lang, support))
	itil := id(a.CreateSkill(ctx, "ITIL", cert, root))
	cat, err := a.SkillCategory(ctx, lang)
	step("levels", err)
	fluent := cat.Levels[1].ID
	profile := id(a.CreateProfile(ctx, "German desk", support, []data.ConfigProfileSkill{{SkillID: german, LevelID: fluent}, {SkillID: itil, LevelID: 0}}))
	lunch := id(a.CreateNAReason(ctx, "Lunch", root))
	training := id(a.CreateNAReason(ctx, "Training", support))
	site := id(a.CreateDomainTemplate(ctx, "Support site", support, []string{"https://support.fabrikam.example"}))
	welcome := id(a.create(ctx, CreateSystemMessage{Name: "Welcome", OU: root, DisplayName: "Fabrikam Support", Welcome: "Hello!"}))
	crm := id(a.CreateCallTemplate(ctx, "CRM", root, "Caller record", "https://crm.fabrikam.example/?p={callerId}"))
	role := id(a.CreateCustomRole(ctx, CustomRoleSpec{Name: "EMEA Planner", OUID: support, Description: "Plans EMEA skills",
		Permissions: permissions.Set{"users.list": permissions.Read, "users.skills": permissions.Read | permissions.Update}}))

	step("add user", a.AddUser(ctx, "u-1", emea, data.ContactCenter|data.Interact|data.Assistant))
	mia := "mia@fabrikam.example"
	step("skill", a.SetUserSkill(ctx, mia, german, fluent))
	step("skill without level", a.SetUserSkill(ctx, mia, itil, 0))
	step("profile", a.AssignProfile(ctx, mia, profile))
	step("active profile", a.SetActiveProfile(ctx, mia, profile))
	step("N/A reasons", a.SetNAReasons(ctx, mia, true, []int64{training, lunch}))
	step("Interact", a.SetInteract(ctx, mia, InteractChange{Active: true, AudioVideo: true, InstantMessaging: true,
		DirectSystemMessageID: welcome, RestrictAccess: true, DomainTemplateID: site}))
	step("call templates", a.SetCallTemplates(ctx, mia, []int64{crm}))
	_, err = a.AssignRole(ctx, mia, role, emea)
	step("custom role", err)

	d, err := a.UserDetail(ctx, mia)
	step("detail", err)
	if d.OUPath != "Support/EMEA" || len(d.Skills) != 2 || len(d.Profiles) != 3 || !d.Profiles[2].Active ||
		len(d.NAReasons) != 2 || d.NAReasons[0].Name != "Training" || !d.User.NAReasonsEnabled ||
		d.Interact == nil || d.Interact.DomainTemplateID != site || !d.Interact.RestrictAccess ||
		len(d.CallTemplates) != 1 || !strings.Contains(d.Snippet, d.Interact.ContactID) {
		t.Fatalf("detail after setup: %+v", d)
	}
	if !slices.ContainsFunc(d.Roles, func(r data.RoleAssignment) bool { return r.Role.ID == role }) {
		t.Errorf("custom role not held: %+v", d.Roles)
	}
	// Every item now says where it is used, and cannot be deleted.
	for _, k := range data.ConfigKinds {
		items, _ := a.ConfigItems(ctx, k)
		for _, it := range items {
			if !it.Builtin && !strings.Contains(it.UsedBy(), "Mia Wong") && k != data.ConfigSkillCategories {
				t.Errorf("%s %q: used by %q", k, it.Name, it.UsedBy())
			}
			if !it.Builtin && do(a, DeleteConfigItem{ConfigKind: k, Item: it.ID})() == nil {
				t.Errorf("%s %q deleted while in use", k, it.Name)
			}
		}
	}
	journal, _ := a.Journal(ctx, 100)
	if len(journal) < 20 {
		t.Errorf("only %d journal entries for the whole setup", len(journal))
	}
}
