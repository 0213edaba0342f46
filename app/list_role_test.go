package app

import (
	"context"
	"slices"
	"testing"

	"nimbusadmin/data"
)

func TestRoleFilterKeepsHoldersInAnyScopeAndCombinesWithTheOthers(t *testing.T) {
	ix := listFixtureIndex()
	supervisors := newRoleHolders(data.Role{ID: 7, Name: "Supervisor (User)"}, []string{"id-a", "id-c", "id-e", "id-gone"})
	cases := []struct {
		name string
		f    UserFilter
		want []string
	}{
		{"role alone", UserFilter{Role: supervisors}, []string{"id-a", "id-c", "id-e"}},
		{"role AND department", UserFilter{Role: supervisors, Department: "Sales"}, []string{"id-a", "id-e"}},
		{"role AND search", UserFilter{Role: supervisors, Search: "ann"}, []string{"id-a", "id-c", "id-e"}},
		{"role AND search word", UserFilter{Role: supervisors, Search: "annb"}, []string{"id-e"}},
		{"role AND routing none", UserFilter{Role: supervisors, Routing: RoutingNone}, []string{}},
		{"role nobody holds", UserFilter{Role: newRoleHolders(data.Role{ID: 8}, nil)}, []string{}},
	}
	v := NewUserListView(ix)
	for _, c := range cases {
		if got := listIDs(ix, ix.Filter(c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%s: a full scan gives %v, want %v", c.name, got, c.want)
		}
		if got := listIDs(ix, v.Apply(c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%s: the view gives %v, want %v", c.name, got, c.want)
		}
	}
}

func TestChoosingAnotherRoleScansAgainInsteadOfNarrowing(t *testing.T) {
	ix := listFixtureIndex()
	v := NewUserListView(ix)
	first := newRoleHolders(data.Role{ID: 1}, []string{"id-a"})
	second := newRoleHolders(data.Role{ID: 2}, []string{"id-b", "id-d"})
	if got := listIDs(ix, v.Apply(UserFilter{Role: first})); !slices.Equal(got, []string{"id-a"}) {
		t.Fatalf("first role: %v", got)
	}
	if got := listIDs(ix, v.Apply(UserFilter{Role: second, Search: "a"})); !slices.Equal(got, []string{"id-b", "id-d"}) {
		t.Fatalf("another role while typing further must not narrow the first role's rows: %v", got)
	}
	if got := listIDs(ix, v.Apply(UserFilter{Search: "an"})); len(got) != len(ix.Filter(UserFilter{Search: "an"})) {
		t.Fatalf("clearing the role: %v", got)
	}
}

func TestRoleHoldersAndFindRoleReadTheTenant(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	r, err := f.app.FindRole(ctx, "  team MEMBER ")
	if err != nil || r.ID != f.id["Team Member"] {
		t.Fatalf("by name, any case: %+v %v", r, err)
	}
	if r, err := f.app.FindRole(ctx, "Support only"); err != nil || r.ID != f.id["Support only"] {
		t.Fatalf("a custom role by name: %+v %v", r, err)
	}
	if r, err := f.app.FindRole(ctx, "1"); err != nil || r.ID != 1 {
		t.Fatalf("by id: %+v %v", r, err)
	}
	if _, err := f.app.FindRole(ctx, "Supervisor"); err == nil || err.Error() != `no role "Supervisor" in this tenant` {
		t.Fatalf("a name that is no role's: %v", err)
	}
	h, err := f.app.RoleHolders(ctx, f.id["Team Member"])
	if err != nil || h.Len() != 2 || !h.Has(f.user["ben"]) || !h.Has(f.user["eve"]) || h.Has(f.user["anna"]) {
		t.Fatalf("Team Member holders: %v %v", h, err)
	}
	if _, err := f.app.RoleHolders(ctx, 9999); err == nil {
		t.Fatal("an unknown role has no holders to load")
	}
}
