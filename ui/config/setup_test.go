package config

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
	"nimbusadmin/ui/uitest"
)

// configSelectTab shows a screen as a click on its tab (and sub-tab) would.
func configSelectTab(t *testing.T, tabs *container.AppTabs, names ...string) {
	t.Helper()
	for _, item := range tabs.Items {
		if item.Text == names[0] {
			tabs.Select(item)
			if sub, ok := item.Content.(*container.AppTabs); ok && len(names) > 1 {
				configSelectTab(t, sub, names[1:]...)
			}
			return
		}
	}
	t.Fatalf("no tab %q", names[0])
}

// configAddThrough fills a catalogue's form with typed values and taps Add.
func configAddThrough(t *testing.T, c *configCatalogue, name, ou string, fields ...string) {
	t.Helper()
	test.Type(c.form.name, name)
	if ou != "" {
		c.form.ou.SetSelected(ou)
	}
	for i, v := range fields {
		test.Type(c.form.entries[i], v)
	}
	test.Tap(c.addBtn)
	if !saidDone(c.status) {
		t.Fatalf("adding %q: %s", name, c.status.Text)
	}
}

// TestBuildASetupInTheWindowFromAnEmptyTenant drives the Configuration window over a
// tenant with nothing configured, then assigns what it built to a user.
func TestBuildASetupInTheWindowFromAnEmptyTenant(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	store, _ := testkit.Fresh(t)
	nimbus := app.New(store, "ui test")
	w := test.NewTempWindow(t, nil)
	cw := newConfigWindow(w, nimbus)
	w.SetContent(cw.build())
	w.Resize(fyne.NewSize(1180, 1600))

	test.Type(cw.ous.newName, "Support")
	test.Tap(cw.ous.addBtn)
	if cw.ous.title.Text != "Support" {
		t.Fatalf("OU: %s", cw.ous.status.Text)
	}
	configSelectTab(t, cw.tabs, "Skills & Profiles", "Skill Categories")
	configAddThrough(t, cw.catalogues[data.ConfigSkillCategories], "Language", "", "Basic = 1\nFluent = 2")
	configSelectTab(t, cw.tabs, "Skills & Profiles", "Skills")
	skills := cw.catalogues[data.ConfigSkills]
	uitest.Walk(skills.form.content, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == "Skill category" {
			s.SetSelected("Language (Fabrikam)")
		}
	})
	configAddThrough(t, skills, "German", "Support")
	configSelectTab(t, cw.tabs, "Skills & Profiles", "Responsibility Profiles")
	profiles := cw.catalogues[data.ConfigProfiles]
	var level *widget.Select
	uitest.Walk(profiles.form.content, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == "German" {
			c.SetChecked(true)
		}
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == "Level" {
			level = s
		}
	})
	if level == nil {
		t.Fatal("the profile form offers no level for German")
	}
	level.SetSelected("Fluent (2)")
	configAddThrough(t, profiles, "German desk", "Support")
	configSelectTab(t, cw.tabs, "N/A Reasons")
	configAddThrough(t, cw.catalogues[data.ConfigNAReasons], "Lunch", "")
	configSelectTab(t, cw.tabs, "Interact", "Domain Templates (CORS)")
	configAddThrough(t, cw.catalogues[data.ConfigDomainTemplates], "Support site", "Support", "https://support.fabrikam.example")
	configSelectTab(t, cw.tabs, "Direct Call Templates")
	configAddThrough(t, cw.catalogues[data.ConfigCallTemplates], "CRM", "", "https://crm.fabrikam.example/?p={callerId}", "Caller record")
	configSelectTab(t, cw.tabs, "Custom Roles")
	cw.roles.onNew()
	test.Type(cw.roles.name, "Support Planner")
	cw.roles.ou.SetSelected("Support")
	configTapCheck(cw.roles.perms.rows["users"].checks[configColRead])
	test.Tap(cw.roles.saveBtn)
	if !saidDone(cw.roles.status) {
		t.Fatalf("role: %s", cw.roles.status.Text)
	}

	// Everything built in the window can now be assigned on a user's tabs.
	tree, _ := nimbus.OUTree(ctx)
	support, _ := tree.Resolve("Support")
	if err := nimbus.AddUser(ctx, "u-1", support, data.ContactCenter|data.Interact|data.Assistant); err != nil {
		t.Fatal(err)
	}
	find := func(k data.ConfigKind, name string) int64 {
		it, err := nimbus.FindConfigItem(ctx, k, name)
		if err != nil {
			t.Fatal(err)
		}
		return it.ID
	}
	german, levels, _ := nimbus.SkillWithLevels(ctx, find(data.ConfigSkills, "German"))
	for what, err := range map[string]error{
		"skill":    nimbus.SetUserSkill(ctx, "u-1", german.ID, levels[1].ID),
		"profile":  nimbus.AssignProfile(ctx, "u-1", find(data.ConfigProfiles, "German desk")),
		"N/A":      nimbus.SetNAReasons(ctx, "u-1", true, []int64{find(data.ConfigNAReasons, "Lunch")}),
		"interact": nimbus.SetInteract(ctx, "u-1", app.InteractChange{Active: true, RestrictAccess: true, DomainTemplateID: find(data.ConfigDomainTemplates, "Support site")}),
		"calls":    nimbus.SetCallTemplates(ctx, "u-1", []int64{find(data.ConfigCallTemplates, "CRM")}),
	} {
		if err != nil {
			t.Errorf("assign %s: %v", what, err)
		}
	}
	if _, err := nimbus.AssignRole(ctx, "u-1", find(data.ConfigCustomRoles, "Support Planner"), support); err != nil {
		t.Errorf("assign role: %v", err)
	}
	r, _ := nimbus.CustomRole(ctx, find(data.ConfigCustomRoles, "Support Planner"))
	if r.Permissions["users.list"] != permissions.Read || len(r.Holders) != 1 {
		t.Errorf("role %+v", r)
	}
}
