package app

import (
	"strings"
	"testing"

	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
)

func TestCustomRoleIsStoredWithImpliedReadAndKnownItemsOnly(t *testing.T) {
	f := newFixture(t)
	f.refused("role.permission-item", func() error {
		_, err := f.app.CreateCustomRole(ctx, CustomRoleSpec{Name: "Bad", OUID: f.ou["root"], Permissions: permissions.Set{"users.nothing": permissions.Read}})
		return err
	}, `"users.nothing"`)
	var id int64
	f.accepted(func() (err error) {
		id, err = f.app.CreateCustomRole(ctx, CustomRoleSpec{Name: "Skill planner", OUID: f.ou["Sales"], Description: "Plans skills",
			Permissions: permissions.Set{"users.skills": permissions.Create | permissions.Delete, "users.list": permissions.Read}})
		return err
	})
	r, err := f.app.CustomRole(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Permissions["users.skills"] != permissions.Create|permissions.Read|permissions.Delete || r.Permissions["users.list"] != permissions.Read || r.OUPath != "Sales" {
		t.Errorf("stored %+v", r)
	}
}

func TestCustomRoleUpdateKeepsItsHoldersInScope(t *testing.T) {
	f := newFixture(t)
	if _, err := f.app.AssignRole(ctx, f.user["anna"], f.id["Custom 3"], f.ou["EMEA"]); err != nil {
		t.Fatal(err)
	}
	spec := CustomRoleSpec{Name: "Custom 3", OUID: f.ou["Support"], Permissions: permissions.Set{"users.list": permissions.Read}}
	f.refused("role.holder-scope", do(f.app, UpdateCustomRole{Role: f.id["Custom 3"], CustomRoleSpec: spec}), "Anna Åberg", "Sales/EMEA")
	spec.OUID = f.ou["Sales"]
	spec.Name = "EMEA planner"
	entries := f.accepted(do(f.app, UpdateCustomRole{Role: f.id["Custom 3"], CustomRoleSpec: spec}))
	if len(entries) != 2 {
		t.Errorf("want a journal entry for the role and one for its permissions, got %+v", entries)
	}
	r, _ := f.app.CustomRole(ctx, f.id["Custom 3"])
	if r.Name != "EMEA planner" || len(r.Holders) != 1 || r.Holders[0].DisplayName != "Anna Åberg" || r.Holders[0].ScopePath != "Sales/EMEA" {
		t.Errorf("after update %+v", r)
	}
	if err := do(f.app, UpdateCustomRole{Role: f.id["Tenant Administrator"], CustomRoleSpec: spec})(); err == nil {
		t.Error("a built-in role was edited as a custom role")
	}
}

func TestConfigTenantSettingsRules(t *testing.T) {
	f := newFixture(t)
	for _, bad := range []string{"", `<script data-key="{{widgetKey}}"></script>`, `<script data-contact="{{contactId}}"></script>`,
		`<script data-contact="{{contactId}}" data-key="{{widgetKey}}" data-x="{{ userName }}"></script>`} {
		f.refused("snippet.template", do(f.app, ChangeTenantSettings{SnippetTemplate: ptr(bad)}))
	}
	good := `<script src="https://interact.nimbus.example/widget.js" data-c="{{contactId}}" data-k="{{widgetKey}}"></script>`
	f.accepted(do(f.app, ChangeTenantSettings{SnippetTemplate: ptr(good)}))
	if err := f.app.GrantLicence(ctx, f.user["carl"], data.Interact); err != nil {
		t.Fatal(err)
	}
	before, _ := f.app.UserDetail(ctx, f.user["carl"])
	preview, who, err := f.app.SnippetTemplatePreview(ctx, good)
	if err != nil || who == "" || preview == good || strings.Contains(preview, "{{") {
		t.Fatalf("preview %q for %q: %v", preview, who, err)
	}
	entries := f.accepted(do(f.app, ChangeTenantSettings{RegenerateWidgetKey: true}))
	after, _ := f.app.UserDetail(ctx, f.user["carl"])
	s, _ := f.app.ConfigTenantSettings(ctx)
	if after.Snippet == before.Snippet || !strings.Contains(after.Snippet, s.WidgetKey) || s.WidgetKey == "wk-123" {
		t.Errorf("snippet did not change with the key: %q -> %q", before.Snippet, after.Snippet)
	}
	if strings.Contains(entries[0].Old+entries[0].New, s.WidgetKey) || strings.Contains(entries[0].Old, "wk-123") {
		t.Errorf("widget key written to the journal: %+v", entries[0])
	}
	f.refused("tenant.admin-group", func() error { return f.app.SetAdminSecurityGroup(ctx, "  ") })
	f.accepted(func() error { return f.app.SetAdminSecurityGroup(ctx, "Nimbus Tenant Admins") })
	f.accepted(do(f.app, ChangeTenantSettings{DefaultTeamsOU: f.ou["APAC"]}))
	f.accepted(do(f.app, ChangeTenantSettings{InteractEnabled: ptr(false)}))
	s, _ = f.app.ConfigTenantSettings(ctx)
	if s.DefaultTeamsOUID != f.ou["APAC"] || s.InteractEnabled || s.AdminSecurityGroup != "Nimbus Tenant Admins" || s.SnippetTemplate != good {
		t.Errorf("settings %+v", s)
	}
	// The default OU for Teams users now keeps the otherwise empty APAC from being deleted.
	f.refused("ou.not-empty", do(f.app, DeleteOU{OU: f.ou["APAC"]}), "tenant default for Teams users")
}
