package app

import (
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
)

func TestServiceMembersListsWhoBelongsAndHow(t *testing.T) {
	f := newFixture(t)
	sales, err := f.app.ServiceMembers(ctx, f.id["Sales Hotline"])
	if err != nil {
		t.Fatal(err)
	}
	if len(sales) != 2 || sales[0].DisplayName != "Ben Okafor" || sales[1].DisplayName != "Eve Müller" ||
		sales[0].Membership != data.Member || sales[0].UPN != "ben@contoso.example" {
		t.Errorf("Sales Hotline members: %+v", sales)
	}
	esc, _ := f.app.ServiceMembers(ctx, f.id["Escalations"])
	if len(esc) != 1 || esc[0].UserID != f.user["carl"] || esc[0].Membership != data.Agent || !esc[0].Licences.Has(data.ContactCenter) {
		t.Errorf("Escalations members: %+v", esc)
	}
	if ivr, err := f.app.ServiceMembers(ctx, f.id["Main IVR"]); err != nil || len(ivr) != 0 {
		t.Errorf("Main IVR members: %+v %v", ivr, err)
	}
	if _, err := f.app.ServiceMembers(ctx, 9999); err == nil {
		t.Error("members of a service that does not exist")
	}
}

func TestRemoveServiceMemberTakesAnAgentOffASkillBasedServiceAndJournalsIt(t *testing.T) {
	f := newFixture(t)
	esc := f.id["Escalations"]
	if err := f.app.AddServiceMember(ctx, esc, "carl@contoso.example", data.Owner); err != nil {
		t.Fatal(err)
	}
	entries := f.accepted(do(f.app, RemoveServiceMember{Service: esc, User: "carl@contoso.example", As: data.Agent}))
	if entries[0].Action != "service.member.remove" || entries[0].Target != "Escalations" ||
		entries[0].Old != "carl@contoso.example as agent" || entries[0].New != "" {
		t.Errorf("journal: %+v", entries[0])
	}
	left, _ := f.app.ServiceMembers(ctx, esc)
	if len(left) != 1 || left[0].Membership != data.Owner {
		t.Errorf("after removing the agent, the owner membership should stay: %+v", left)
	}
	f.refused("service.not-member", do(f.app, RemoveServiceMember{Service: esc, User: "carl@contoso.example", As: data.Agent}), "Carl Jensen", "agent", "Escalations")
}

func TestRemoveServiceMemberRefusesTeamsAndNoneServices(t *testing.T) {
	f := newFixture(t)
	f.refused("service.teams-members", do(f.app, RemoveServiceMember{Service: f.id["Sales Hotline"], User: "ben@contoso.example", As: data.Member}),
		"Sales Hotline", "MS Teams-based", "Team")
	f.refused("service.no-users", do(f.app, RemoveServiceMember{Service: f.id["Main IVR"], User: "carl@contoso.example", As: data.Agent}), "Main IVR", "None")
	before := f.digest()
	if err := do(f.app, RemoveServiceMember{Service: 9999, User: "carl@contoso.example", As: data.Agent})(); err == nil || !strings.Contains(err.Error(), "service") {
		t.Errorf("unknown service: %v", err)
	}
	if err := do(f.app, RemoveServiceMember{Service: f.id["Escalations"], User: "nobody@contoso.example", As: data.Agent})(); err == nil {
		t.Error("unknown user removed")
	}
	if f.digest() != before {
		t.Error("a failed removal wrote to the cache")
	}
}

func TestServiceFeatureMatrixFollowsTheProduct(t *testing.T) {
	has := func(feature string) []data.AssignmentType {
		for _, f := range ServiceFeatures() {
			if f.Feature == feature {
				var out []data.AssignmentType
				for _, at := range []data.AssignmentType{data.TeamsBased, data.SkillBased, data.NoUsers} {
					if f.Has(at) {
						out = append(out, at)
					}
				}
				return out
			}
		}
		t.Fatalf("no feature %q", feature)
		return nil
	}
	teams, skill, none := data.TeamsBased, data.SkillBased, data.NoUsers
	for feature, want := range map[string][]data.AssignmentType{
		"Adaptive Cards":                   {teams},
		"Voice message channel":            {teams},
		"Extensions tab":                   {teams, skill},
		"Setting of a Distribution Policy": {skill},
		"Editable \"Name\" field":          {skill, none},
		"Users switching Duty States / Responsibility Profiles": {skill},
	} {
		if got := has(feature); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", feature, got, want)
		}
	}
	if len(ServiceFeatures()) != 11 {
		t.Errorf("the product names 11 features, the matrix has %d", len(ServiceFeatures()))
	}
	m := ServiceFeatures()
	m[0].Teams = false
	if !ServiceFeatures()[0].Teams {
		t.Error("a caller changed the shared matrix")
	}
}
