package graph_test

import (
	"context"
	"slices"
	"testing"

	"nimbusadmin/data/simtenant"
)

// The client finds the tenant administration security group by its name (a quote in it
// escaped) and reads its users, those of a nested group included, across pages and
// through the retrying middleware; the nested group itself is not counted as a user.
func TestAdminGroupIsFoundWithItsNestedUsersAcrossPages(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 60, MaxPageSize: 2})
	people := s.Users()
	inner := s.AddGroup("Night Admins", []string{people[3].ID, people[4].ID, people[0].ID})
	group := s.AddGroup("O'Hara's Admins", []string{people[0].ID, people[1].ID, people[2].ID, inner})
	s.AddGroup("Night Admins (old)", []string{people[5].ID})
	s.Inject(simtenant.Fault{Path: "/transitiveMembers", Status: 429, RetryAfter: "0"})

	g, err := c.AdminGroup(ctx, "O'Hara's Admins")
	mustDo(t, err)
	want := []string{people[0].ID, people[1].ID, people[2].ID, people[3].ID, people[4].ID}
	got := slices.Sorted(slices.Values(g.Members))
	slices.Sort(want)
	if g.Matches != 1 || g.ID != group || !slices.Equal(got, want) {
		t.Errorf("the group: %+v, want id %s and members %v", g, group, want)
	}
	if s.Stats().Faults != 1 {
		t.Error("the throttled member listing was not met")
	}
}

// No group of the name is a result, not an error; two groups of the name are counted.
func TestAdminGroupNotFoundOrAmbiguous(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 60})
	people := s.Users()
	g, err := c.AdminGroup(ctx, "Nimbus Tenant Admins")
	if err != nil || g.Matches != 0 || g.ID != "" || len(g.Members) != 0 || g.Name != "Nimbus Tenant Admins" {
		t.Fatalf("no such group: %+v, %v", g, err)
	}
	s.AddGroup("Nimbus Tenant Admins", []string{people[0].ID})
	s.AddGroup("nimbus tenant admins", []string{people[1].ID})
	g, err = c.AdminGroup(ctx, "Nimbus Tenant Admins")
	if err != nil || g.Matches != 2 || g.ID != "" || len(g.Members) != 0 {
		t.Fatalf("two groups of the name: %+v, %v", g, err)
	}
}
