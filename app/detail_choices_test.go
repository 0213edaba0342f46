package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
)

func TestAssignableSkillsAreFromTheUsersOUOrAboveWithTheirLevels(t *testing.T) {
	f := newFixture(t)
	got, err := f.app.AssignableSkills(context.Background(), f.user["anna"])
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Skill.Name)
		if c.Skill.Name == "French" && (len(c.Levels) != 2 || c.Levels[0].Name != "Basic" || c.Category != "Language") {
			t.Errorf("French should offer Language's Basic and Fluent: %+v", c)
		}
	}
	if !slices.Equal(names, []string{"French", "Routers"}) {
		t.Errorf("skills offered to anna in Sales/EMEA: %v (German lives in the sibling Support)", names)
	}
}

func TestAssignableProfilesAlwaysHoldOnAndOffDuty(t *testing.T) {
	f := newFixture(t)
	for user, want := range map[string][]string{
		"anna": {"On Duty", "Off Duty", "Early shift"},
		"carl": {"On Duty", "Off Duty"},
	} {
		got, err := f.app.AssignableProfiles(context.Background(), f.user[user])
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range got {
			names = append(names, p.Name)
		}
		if !slices.Equal(names, want) {
			t.Errorf("profiles offered to %s: %v, want %v", user, names, want)
		}
	}
}

func TestAssignableRolesLeaveOutTenantAdminAndCustomRolesOfOtherOUs(t *testing.T) {
	f := newFixture(t)
	got, err := f.app.AssignableRoles(context.Background(), f.user["anna"])
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	for _, banned := range []string{"Tenant Administrator", "Support only", "Team Member", "Team Owner", "Team Owner (limited)", "Agent", "Service Owner"} {
		if slices.Contains(names, banned) {
			t.Errorf("%s offered to anna", banned)
		}
	}
	for _, want := range []string{"Supervisor (User)", "Supervisor (Service)", "Skill-Based user", "Organization Unit Administrator",
		"Workflow Administrator", "Custom 1", "Custom 6"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not offered to anna: %v", want, names)
		}
	}
}

func TestUnassignProfileRefusesTheActiveOneAndJournalsTheRest(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	anna := f.user["anna"]
	f.accepted(func() error { return f.app.AssignProfile(ctx, anna, f.id["Early shift"]) })
	f.accepted(func() error { return f.app.SetActiveProfile(ctx, anna, f.id["Early shift"]) })
	f.refused("profile.active", do(f.app, UnassignProfile{User: anna, Profile: f.id["Early shift"]}), "Early shift", "active profile")
	var nf *NotFoundError
	if _, err := f.app.Do(ctx, UnassignProfile{User: anna, Profile: f.id["Support shift"]}); !errors.As(err, &nf) {
		t.Errorf("removing a profile anna does not hold: %v", err)
	}
	profiles, _ := f.app.AssignableProfiles(ctx, anna)
	onDuty := profiles[0].ID // On Duty comes first
	f.accepted(func() error { return f.app.AssignProfile(ctx, anna, onDuty) })
	f.accepted(func() error { return f.app.SetActiveProfile(ctx, anna, onDuty) })
	f.refused("profile.builtin", do(f.app, UnassignProfile{User: anna, Profile: onDuty}), "On Duty", "always available")
	j := f.accepted(do(f.app, UnassignProfile{User: anna, Profile: f.id["Early shift"]}))
	if j[0].Action != "user.profile.remove" || j[0].Old != "Early shift" {
		t.Errorf("journal: %+v", j[0])
	}
}

func TestRoleStatusGivesTheRulesOwnMessages(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	st, err := f.app.RoleStatus(ctx, f.user["ben"])
	if err != nil || st.Manage != "" || len(st.Locked) != 1 || len(st.NoEffect) != 0 {
		t.Fatalf("ben's role status: %+v %v", st, err)
	}
	if !strings.Contains(st.Hint, "Contact Center") {
		t.Errorf("ben holds no Contact Center licence, the hint should say what that leaves out: %q", st.Hint)
	}
	for id, msg := range st.Locked {
		f.refused("role.auto-granted", do(f.app, RemoveRole{User: f.user["ben"], Assignment: id}), msg)
	}
}

func TestInteractOptionsExplainWhatIsMissing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	o, err := f.app.InteractOptions(ctx, f.user["anna"])
	if err != nil {
		t.Fatal(err)
	}
	if !o.TenantEnabled || o.RestrictAccessBlocked != "" || len(o.DomainTemplates) != 1 || o.DomainTemplates[0].Name != "Public site" {
		t.Errorf("anna in Sales/EMEA should get Public site and no block: %+v", o)
	}
	o, err = f.app.InteractOptions(ctx, f.user["carl"])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(o.RestrictAccessBlocked, "needs at least one domain template") || len(o.DomainTemplates) != 0 {
		t.Errorf("carl at the root has no template in reach: %+v", o)
	}
	if o.SystemMessagesBlocked != "" || len(o.SystemMessages) != 1 {
		t.Errorf("the root's Friendly message should be offered: %+v", o)
	}
}

func TestUserSnippetNeedsTheInteractLicence(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.app.UserSnippet(ctx, f.user["anna"]); !IsRule(err, "snippet.contact-id") {
		t.Errorf("anna has the licence but no Contact ID yet, got %v", err)
	}
	f.accepted(func() error { return f.app.SetInteract(ctx, f.user["anna"], InteractChange{Active: true}) })
	s, err := f.app.UserSnippet(ctx, f.user["anna"])
	d, _ := f.app.UserDetail(ctx, f.user["anna"])
	if err != nil || d.Interact == nil || s != `<script data-contact="`+d.Interact.ContactID+`" data-key="wk-123"></script>` {
		t.Errorf("anna's snippet: %q, %v", s, err)
	}
	if _, err := f.app.UserSnippet(ctx, f.user["carl"]); !IsRule(err, "snippet.licence") {
		t.Errorf("carl has no Interact licence, got %v", err)
	}
	// Interact without Contact Center: the Interact tab is hidden, so is the snippet
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.Interact) })
	if _, err := f.app.UserSnippet(ctx, f.user["eve"]); !IsRule(err, "snippet.licence") || !strings.Contains(err.Error(), "Contact Center") {
		t.Errorf("eve holds Interact without Contact Center, got %v", err)
	}
	// Interact off for the tenant: no snippet works
	f.accepted(do(f.app, ChangeTenantSettings{InteractEnabled: ptr(false)}))
	if _, err := f.app.UserSnippet(ctx, f.user["anna"]); !IsRule(err, "snippet.tenant-off") {
		t.Errorf("Interact is off for the tenant, got %v", err)
	}
}

func TestDirectSystemMessageNeedsInstantMessaging(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	anna, friendly := f.user["anna"], f.id["Friendly"]
	f.refused("interact.message-needs-im", func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{Active: true, AudioVideo: true, DirectSystemMessageID: friendly})
	}, "Instant Messaging")
	f.accepted(func() error {
		return f.app.SetInteract(ctx, anna, InteractChange{Active: true, InstantMessaging: true, DirectSystemMessageID: friendly})
	})
}

func TestSnippetPreviewRendersWhatTheVisitorSees(t *testing.T) {
	d := UserDetail{User: data.NimbusUser{DirectoryUser: data.DirectoryUser{DisplayName: "Anna <Å>"}},
		Interact: &data.InteractSettings{ContactID: "c-1", Active: true, InstantMessaging: true}}
	got := SnippetPreview(d, true)
	for _, want := range []string{`data-contact-id="c-1"`, `data-state="active"`, "Contact Anna &lt;Å&gt;", `data-modality="instant-messaging"`} {
		if !strings.Contains(got, want) {
			t.Errorf("preview lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, "audio-video") {
		t.Errorf("preview offers a call although Audio & Video is off:\n%s", got)
	}
	if !strings.Contains(SnippetPreview(d, false), `data-state="off for the tenant"`) {
		t.Error("preview does not show that Interact is off for the tenant")
	}
}
