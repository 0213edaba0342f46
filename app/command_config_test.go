package app

import (
	"slices"
	"testing"

	"nimbusadmin/data"
)

// ptr points at a value, for the optional fields of ChangeTenantSettings.
func ptr[T any](v T) *T { return &v }

// levelsNote runs SetSkillCategoryLevels and returns the note of its outcome.
func levelsNote(a *App, cmd SetSkillCategoryLevels) (string, error) {
	out, err := a.Do(ctx, cmd)
	return out.Note, err
}

// A service is made from a Team only when it is MS Teams-based: a Team given for a
// Skill-based or None service is refused rather than silently left out.
func TestOnlyAnMSTeamsBasedServiceIsMadeFromATeam(t *testing.T) {
	f := newFixture(t)
	for _, typ := range []data.AssignmentType{data.SkillBased, data.NoUsers} {
		f.refused("service.team-not-teams-based", do(f.app, CreateService{Type: typ, Name: "Desk", TeamID: "t-sales", OU: f.ou["root"]}),
			"only an MS Teams-based service is made from a Team")
	}
	f.refused("service.teams-needs-team", do(f.app, CreateService{Type: data.TeamsBased, Name: "Desk", OU: f.ou["root"]}), "Team id")
}

// One change of the tenant settings journals each setting it changes, as separate
// changes did, and a refusal of any of them leaves all of them as they were.
func TestTenantSettingsChangeTogetherOrNotAtAll(t *testing.T) {
	f := newFixture(t)
	tmpl := `<div data-c="{{contactId}}" data-k="{{widgetKey}}"></div>`
	f.refused("tenant.admin-group", do(f.app, ChangeTenantSettings{SnippetTemplate: &tmpl, AdminSecurityGroup: ptr("  ")}),
		"security group")
	entries := f.accepted(do(f.app, ChangeTenantSettings{InteractEnabled: ptr(false), SnippetTemplate: &tmpl,
		DefaultTeamsOU: f.ou["APAC"], AdminSecurityGroup: ptr("Contoso Admins")}))
	var actions []string
	for i := len(entries) - 1; i >= 0; i-- {
		actions = append(actions, entries[i].Action+" "+entries[i].New)
	}
	want := []string{"tenant.interact off", "tenant.snippet-template " + tmpl, "tenant.default-ou Sales/APAC",
		"tenant.admin-group Contoso Admins"}
	if !slices.Equal(actions, want) {
		t.Errorf("journal %q, want %q", actions, want)
	}
	// The same settings again change nothing and journal nothing.
	before, _ := f.app.Journal(ctx, 1000)
	if _, err := f.app.Do(ctx, ChangeTenantSettings{SnippetTemplate: &tmpl, AdminSecurityGroup: ptr("Contoso Admins")}); err != nil {
		t.Fatal(err)
	}
	if after, _ := f.app.Journal(ctx, 1000); len(after) != len(before) {
		t.Errorf("settings left as they were were journaled: %+v", after[0])
	}
}
