package app

import (
	"strings"
	"testing"

	"nimbusadmin/data"
)

// TestDeleteInUseIsRefusedAndSaysWhere covers section 7: for every kind, an item a
// user holds cannot be deleted, the message names who uses it, and nothing is written.
func TestDeleteInUseIsRefusedAndSaysWhere(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"]
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.app.SetUserSkill(ctx, anna, f.id["French"], f.level["Fluent"]))
	must(f.app.AssignProfile(ctx, anna, f.id["Early shift"]))
	must(f.app.SetNAReasons(ctx, anna, true, []int64{f.id["Meeting"]}))
	must(f.app.SetInteract(ctx, anna, InteractChange{Active: true, InstantMessaging: true,
		DirectSystemMessageID: f.id["Friendly"], RestrictAccess: true, DomainTemplateID: f.id["Public site"]}))
	must(f.app.SetCallTemplates(ctx, anna, []int64{f.id["Ticket"]}))
	cases := []struct {
		kind data.ConfigKind
		id   int64
		want []string
	}{
		{data.ConfigSkills, f.id["French"], []string{`skill "French"`, "1 user (Anna Åberg)"}},
		{data.ConfigProfiles, f.id["Early shift"], []string{`"Early shift"`, "Anna Åberg"}},
		{data.ConfigNAReasons, f.id["Meeting"], []string{`N/A reason "Meeting"`, "Anna Åberg"}},
		{data.ConfigDomainTemplates, f.id["Public site"], []string{`domain template "Public site"`, "Anna Åberg"}},
		{data.ConfigSystemMessages, f.id["Friendly"], []string{`"Friendly"`, "Anna Åberg"}},
		{data.ConfigCallTemplates, f.id["Ticket"], []string{`"Ticket"`, "Anna Åberg"}},
	}
	for _, c := range cases {
		f.refused("config.in-use", do(f.app, DeleteConfigItem{ConfigKind: c.kind, Item: c.id}), c.want...)
		items, err := f.app.ConfigItems(ctx, c.kind)
		must(err)
		for _, it := range items {
			if it.ID == c.id && !strings.Contains(it.UsedBy(), "Anna Åberg") {
				t.Errorf("%s list: %q used by %q, want Anna", c.kind, it.Name, it.UsedBy())
			}
		}
	}
	var lang int64
	items, _ := f.app.ConfigItems(ctx, data.ConfigSkillCategories)
	for _, it := range items {
		if it.Name == "Language" {
			lang = it.ID
			if it.Detail != "Basic (1), Fluent (2)" {
				t.Errorf("Language levels shown as %q", it.Detail)
			}
		}
	}
	f.refused("config.in-use", do(f.app, DeleteConfigItem{ConfigKind: data.ConfigSkillCategories, Item: lang}),
		"2 skills (French, German)")
}

func TestCustomRoleHeldByAnyoneCannotBeDeletedAndSaysHowMany(t *testing.T) {
	f := newFixture(t)
	for _, u := range []string{"anna", "carl"} {
		if _, err := f.app.AssignRole(ctx, f.user[u], f.id["Custom 1"], f.ou["root"]); err != nil {
			t.Fatal(err)
		}
	}
	f.refused("role.in-use", do(f.app, DeleteConfigItem{ConfigKind: data.ConfigCustomRoles, Item: f.id["Custom 1"]}),
		`"Custom 1"`, "2 users hold it", "Anna Åberg", "Carl Jensen")
	entries := f.accepted(do(f.app, DeleteConfigItem{ConfigKind: data.ConfigCustomRoles, Item: f.id["Custom 2"]}))
	if entries[0].Action != "config.custom-roles.delete" || entries[0].Target != "Custom 2" {
		t.Errorf("journal %+v", entries[0])
	}
	if _, err := f.app.CustomRole(ctx, f.id["Custom 2"]); err == nil {
		t.Error("Custom 2 still there after delete")
	}
}

func TestBuiltinProfilesCannotBeDeletedButOthersCan(t *testing.T) {
	f := newFixture(t)
	items, err := f.app.ConfigItems(ctx, data.ConfigProfiles)
	if err != nil {
		t.Fatal(err)
	}
	builtins := 0
	for _, it := range items {
		if it.Builtin {
			builtins++
			f.refused("profile.builtin", do(f.app, DeleteConfigItem{ConfigKind: data.ConfigProfiles, Item: it.ID}), it.Name, "built-in")
		}
	}
	if builtins != 2 || !items[0].Builtin || !items[1].Builtin {
		t.Fatalf("want On Duty and Off Duty first, got %+v", items)
	}
	f.accepted(do(f.app, DeleteConfigItem{ConfigKind: data.ConfigProfiles, Item: f.id["Support shift"]}))
}

func TestNewItemNeedsAFreeNameAndAnOU(t *testing.T) {
	f := newFixture(t)
	f.refused("config.name", func() error { _, err := f.app.CreateNAReason(ctx, " lunch ", f.ou["APAC"]); return err }, `"lunch"`)
	f.refused("name.empty", func() error { _, err := f.app.CreateNAReason(ctx, "  ", f.ou["APAC"]); return err }, "needs a name")
	f.refused("config.name", func() error {
		_, err := f.app.CreateCustomRole(ctx, CustomRoleSpec{Name: "supervisor (service)", OUID: f.ou["root"]})
		return err
	}, "a role named")
	entries := f.accepted(func() error { _, err := f.app.CreateNAReason(ctx, "Dentist", f.ou["APAC"]); return err })
	if entries[0].Action != "config.na-reasons.create" || entries[0].New != "in Sales/APAC" {
		t.Errorf("journal %+v", entries[0])
	}
}

func TestDomainTemplateOriginsAreValidated(t *testing.T) {
	f := newFixture(t)
	for _, bad := range [][]string{
		{"www.contoso.com"}, {"http://www.contoso.com"}, {"https://www.contoso.com/shop"},
		{"https://www.contoso.com?x=1"}, {"ftp://contoso.com"}, {"https://con*so.com"}, {"https://contoso"},
		{"https://a.contoso.com", "https://A.contoso.com/"}, {"", "  "},
	} {
		f.refused("config.origin", func() error { _, err := f.app.CreateDomainTemplate(ctx, "Shop", f.ou["Sales"], bad); return err })
	}
	f.accepted(func() error {
		_, err := f.app.CreateDomainTemplate(ctx, "Shop", f.ou["Sales"],
			[]string{"https://WWW.Contoso.com/", "https://*.contoso.com:443", "http://localhost:8080", ""})
		return err
	})
	items, _ := f.app.ConfigItems(ctx, data.ConfigDomainTemplates)
	for _, it := range items {
		if it.Name == "Shop" && it.Detail != "https://www.contoso.com, https://*.contoso.com, http://localhost:8080" {
			t.Errorf("origins stored as %q", it.Detail)
		}
	}
}

func TestCallTemplateAndSystemMessageFields(t *testing.T) {
	f := newFixture(t)
	f.refused("config.url", func() error {
		_, err := f.app.CreateCallTemplate(ctx, "CRM", f.ou["root"], "", "crm lookup")
		return err
	})
	f.refused("config.system-message", do(f.app, CreateSystemMessage{Name: "Hi", OU: f.ou["root"], DisplayName: " ", Welcome: "Hello"}))
	f.accepted(func() error {
		_, err := f.app.CreateCallTemplate(ctx, "CRM", f.ou["root"], "Caller record", "https://crm.contoso.example/?p={callerId}")
		return err
	})
	f.accepted(func() error {
		_, err := f.app.create(ctx, CreateSystemMessage{Name: "Hi", OU: f.ou["root"], DisplayName: "Contoso", Welcome: "Hello"})
		return err
	})
}

func TestSkillCategoryLevelsAreUniqueAndOrdered(t *testing.T) {
	f := newFixture(t)
	f.refused("skill.levels", func() error {
		_, err := f.app.CreateSkillCategory(ctx, "Tools", f.ou["root"], []data.ConfigLevel{{Name: "Low", Value: 1}, {Name: "High", Value: 1}})
		return err
	}, "number 1")
	f.refused("skill.levels", func() error {
		_, err := f.app.CreateSkillCategory(ctx, "Tools", f.ou["root"], []data.ConfigLevel{{Name: "Low", Value: 1}, {Name: "low", Value: 2}})
		return err
	}, `"low"`)
	f.refused("name.empty", func() error {
		_, err := f.app.CreateSkillCategory(ctx, "Tools", f.ou["root"], []data.ConfigLevel{{Name: "", Value: 1}})
		return err
	})
	var id int64
	f.accepted(func() (err error) {
		id, err = f.app.CreateSkillCategory(ctx, "Tools", f.ou["root"], []data.ConfigLevel{{Name: "Expert", Value: 3}, {Name: "Novice", Value: 1}, {Name: "Skilled", Value: 2}})
		return err
	})
	c, err := f.app.SkillCategory(ctx, id)
	if err != nil || len(c.Levels) != 3 || c.Levels[0].Name != "Novice" || c.Levels[2].Name != "Expert" {
		t.Fatalf("levels %+v, %v", c.Levels, err)
	}
	f.accepted(func() error { _, err := f.app.CreateSkillCategory(ctx, "Certificates", f.ou["root"], nil); return err })
}

func TestSkillAndProfileScopeAndLevels(t *testing.T) {
	f := newFixture(t)
	var support int64
	f.accepted(func() (err error) {
		support, err = f.app.CreateSkillCategory(ctx, "Support tools", f.ou["Support"], []data.ConfigLevel{{Name: "Basic", Value: 1}})
		return err
	})
	f.refused("skill.category-scope", func() error { _, err := f.app.CreateSkill(ctx, "Jira", support, f.ou["Sales"]); return err },
		`"Support tools"`, "Support")
	var jira int64
	f.accepted(func() (err error) { jira, err = f.app.CreateSkill(ctx, "Jira", support, f.ou["Support"]); return err })
	// French lives in Sales: a Support profile cannot use it.
	f.refused("profile.skill-scope", func() error {
		_, err := f.app.CreateProfile(ctx, "Mixed", f.ou["Support"], []data.ConfigProfileSkill{{SkillID: f.id["French"], LevelID: f.level["Basic"]}})
		return err
	}, `"French"`)
	f.refused("skill.level", func() error {
		_, err := f.app.CreateProfile(ctx, "Jira pros", f.ou["Support"], []data.ConfigProfileSkill{{SkillID: jira, LevelID: f.level["Fluent"]}})
		return err
	})
	f.refused("profile.skills", func() error { _, err := f.app.CreateProfile(ctx, "Empty", f.ou["Support"], nil); return err })
	_, levels, err := f.app.SkillWithLevels(ctx, jira)
	if err != nil || len(levels) != 1 {
		t.Fatal(levels, err)
	}
	entries := f.accepted(func() error {
		_, err := f.app.CreateProfile(ctx, "Jira pros", f.ou["Support"], []data.ConfigProfileSkill{{SkillID: jira, LevelID: levels[0].ID}, {SkillID: f.id["German"], LevelID: f.level["Fluent"]}})
		return err
	})
	if !strings.Contains(entries[0].New, "Jira (Basic), German (Fluent)") {
		t.Errorf("journal %+v", entries[0])
	}
}

func TestRenameAndMoveKeepEveryUseInScope(t *testing.T) {
	f := newFixture(t)
	if err := f.app.SetUserSkill(ctx, f.user["anna"], f.id["French"], f.level["Basic"]); err != nil {
		t.Fatal(err)
	}
	f.refused("config.move-scope", do(f.app, RenameConfigItem{ConfigKind: data.ConfigSkills, Item: f.id["French"], Name: "French", OU: f.ou["Support"]}),
		`"French"`, "users in Sales/EMEA")
	var lang int64
	items, _ := f.app.ConfigItems(ctx, data.ConfigSkillCategories)
	for _, it := range items {
		if it.Name == "Language" {
			lang = it.ID
		}
	}
	f.refused("config.move-scope", do(f.app, RenameConfigItem{ConfigKind: data.ConfigSkillCategories, Item: lang, Name: "Language", OU: f.ou["Sales"]}),
		"skills in Support")
	f.refused("config.name", do(f.app, RenameConfigItem{ConfigKind: data.ConfigSkills, Item: f.id["French"], Name: "german", OU: f.ou["Sales"]}))
	var onDuty int64
	profiles, _ := f.app.ConfigItems(ctx, data.ConfigProfiles)
	for _, p := range profiles {
		if p.Builtin {
			onDuty = p.ID
		}
	}
	f.refused("profile.builtin", do(f.app, RenameConfigItem{ConfigKind: data.ConfigProfiles, Item: onDuty, Name: "Busy", OU: f.ou["root"]}))
	entries := f.accepted(do(f.app, RenameConfigItem{ConfigKind: data.ConfigSkills, Item: f.id["French"], Name: "French (EU)", OU: f.ou["root"]}))
	if entries[0].Old != "French in Sales" || entries[0].New != "French (EU) in Contoso" {
		t.Errorf("journal %+v", entries[0])
	}
}
