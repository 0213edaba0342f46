package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// A Team member who is also an agent of a Skill-based service stays a Nimbus user with
// everything they have when they leave the Team; a member whom no other service holds
// leaves Nimbus; the journal says why of both.
func TestLeavingATeamKeepsAnAgentOfASkillBasedServiceAndDropsOthers(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 400})
	a := newCache(t, "")
	sync(t, a, c, false)
	team := s.Teams()[0]
	root := rootOU(t, a)
	hotline, err := a.CreateTeamsService(ctx, team.ID, root)
	mustDo(t, err)
	var plain []string // members only: neither owners nor in another Team
	for _, m := range team.Members {
		if !slices.Contains(team.Owners, m) {
			plain = append(plain, m)
		}
	}
	if len(plain) < 3 {
		t.Fatalf("the first Team has too few plain members: %v", plain)
	}
	agent, leaver := plain[0], plain[1]

	// The agent: Contact Center, a skill, a profile of their own, and a Skill-based service.
	escalations, err := a.CreateService(ctx, "Escalations", data.SkillBased, root)
	mustDo(t, err)
	mustDo(t, a.GrantLicence(ctx, agent, data.ContactCenter|data.Assistant))
	category, err := a.CreateSkillCategory(ctx, "Language", root, []data.ConfigLevel{{Name: "Fluent", Value: 2}})
	mustDo(t, err)
	german, err := a.CreateSkill(ctx, "German", category, root)
	mustDo(t, err)
	levels, err := a.SkillCategory(ctx, category)
	mustDo(t, err)
	mustDo(t, a.SetUserSkill(ctx, agent, german, levels.Levels[0].ID))
	mustDo(t, a.AddServiceMember(ctx, escalations, agent, data.Agent))
	before, err := a.UserDetail(ctx, agent)
	mustDo(t, err)
	if !hasAutoRole(before.User, before, "Team Member") || !hasAutoRole(before.User, before, "Agent") {
		t.Fatalf("fixture: the agent's roles %+v", before.Roles)
	}

	rest := slices.DeleteFunc(slices.Clone(team.Members), func(m string) bool { return m == agent || m == leaver })
	mustDo(t, s.SetTeamMembers(team.ID, rest, team.Owners))
	res := sync(t, a, c, false)

	after, err := a.UserDetail(ctx, agent)
	if err != nil {
		t.Fatalf("the agent of a Skill-based service left Nimbus with the Team: %v", err)
	}
	if after.User.Licences != before.User.Licences || len(after.Skills) != 1 || after.Skills[0].Skill.ID != german ||
		len(after.Profiles) != len(before.Profiles) || !hasAutoRole(after.User, after, "Agent") {
		t.Errorf("the kept agent lost something:\nbefore %+v\nafter  %+v", before, after)
	}
	if hasAutoRole(after.User, after, "Team Member") {
		t.Error("the Team Member role outlived the Team membership")
	}
	var services []int64
	for _, sv := range after.Services {
		services = append(services, sv.ID)
	}
	if !slices.Equal(services, []int64{escalations}) {
		t.Errorf("the kept agent's services: %v, want only Escalations (%d), not the hotline (%d)", services, escalations, hotline)
	}
	if after.User.Origin != data.OriginManual || !after.Deletable() {
		t.Errorf("the kept agent is managed by hand from now on: origin %s, deletable %v", after.User.Origin, after.Deletable())
	}
	if _, err := a.UserDetail(ctx, leaver); err == nil {
		t.Error("a member of the Team in no other service is still a Nimbus user")
	}
	if res.Left != 1 {
		t.Errorf("the sync says %d users left, want 1", res.Left)
	}
	journal, err := a.Journal(ctx, 500)
	mustDo(t, err)
	kept, left := false, false
	for _, e := range journal {
		switch {
		case e.Action == "sync.user.kept" && e.Target == after.User.UPN:
			kept = strings.Contains(e.New, `agent of the Skill-based service "Escalations"`)
		case e.Action == "sync.user.leave" && strings.Contains(e.New, "in no other service"):
			left = true
		}
	}
	if !kept || !left {
		t.Errorf("the journal does not say why one stayed (%v) and the other left (%v): %+v", kept, left, journal[:min(6, len(journal))])
	}
}
