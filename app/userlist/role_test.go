package userlist

import (
	"slices"
	"testing"

	"nimbusadmin/data"
)

func TestRoleFilterKeepsHoldersInAnyScopeAndCombinesWithTheOthers(t *testing.T) {
	ix := listFixtureIndex()
	supervisors := NewRoleHolders(data.Role{ID: 7, Name: "Supervisor (User)"}, []string{"id-a", "id-c", "id-e", "id-gone"})
	cases := []struct {
		name string
		f    Filter
		want []string
	}{
		{"role alone", Filter{Role: supervisors}, []string{"id-a", "id-c", "id-e"}},
		{"role AND department", Filter{Role: supervisors, Department: "Sales"}, []string{"id-a", "id-e"}},
		{"role AND search", Filter{Role: supervisors, Search: "ann"}, []string{"id-a", "id-c", "id-e"}},
		{"role AND search word", Filter{Role: supervisors, Search: "annb"}, []string{"id-e"}},
		{"role AND routing none", Filter{Role: supervisors, Routing: RoutingNone}, []string{}},
		{"role nobody holds", Filter{Role: NewRoleHolders(data.Role{ID: 8}, nil)}, []string{}},
	}
	v := NewView(ix)
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
	v := NewView(ix)
	first := NewRoleHolders(data.Role{ID: 1}, []string{"id-a"})
	second := NewRoleHolders(data.Role{ID: 2}, []string{"id-b", "id-d"})
	if got := listIDs(ix, v.Apply(Filter{Role: first})); !slices.Equal(got, []string{"id-a"}) {
		t.Fatalf("first role: %v", got)
	}
	if got := listIDs(ix, v.Apply(Filter{Role: second, Search: "a"})); !slices.Equal(got, []string{"id-b", "id-d"}) {
		t.Fatalf("another role while typing further must not narrow the first role's rows: %v", got)
	}
	if got := listIDs(ix, v.Apply(Filter{Search: "an"})); len(got) != len(ix.Filter(Filter{Search: "an"})) {
		t.Fatalf("clearing the role: %v", got)
	}
}
