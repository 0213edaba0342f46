package userlist

import (
	"slices"
	"testing"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// listFixtureIndex is a small in-memory index: three OUs and six users.
func listFixtureIndex() *Index {
	tree := outree.New([]data.OrganizationUnit{
		{ID: 1, Name: "Contoso"}, {ID: 2, Name: "Sales", ParentID: 1}, {ID: 3, Name: "EMEA", ParentID: 2},
	})
	rows := []data.UserListRow{
		{ID: "id-a", DisplayName: "Anna Berg", UPN: "anna@contoso.com", Department: "Sales", OUID: 3, RoutingServices: 2},
		{ID: "id-b", DisplayName: "ben Stone", UPN: "ben@fabrikam.com", Department: "Support", OUID: 2, Licences: data.AttendantConsole},
		{ID: "id-c", DisplayName: "Carl Annan", UPN: "carl@contoso.com", OUID: 1, Licences: data.ContactCenter, ActiveProfile: "On Duty", RoutingServices: 1},
		{ID: "id-d", DisplayName: "Dana Cruz", UPN: "dana@contoso.com", Department: "Sales", OUID: 3, Licences: data.ContactCenter},
		{ID: "id-e", DisplayName: "Eve Annberg", UPN: "eve@fabrikam.com", Department: "Sales", OUID: 2, RoutingServices: 5},
		{ID: "id-f", DisplayName: "Fay Long", UPN: "fay@contoso.com", Department: "IT", OUID: 1},
	}
	return NewIndex(rows, tree)
}

func listIDs(ix *Index, hits []int) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = ix.Rows[h].ID
	}
	return out
}

func TestListViewNarrowingGivesTheSameRowsAsAFullScan(t *testing.T) {
	ix := listFixtureIndex()
	v := NewView(ix)
	for _, q := range []string{"a", "an", "ann", "anna", "anna b", "ann", "@c", "@con", "@contoso.com", "@contoso.com d", "", "e"} {
		f := Filter{Search: q, Department: "Sales"}
		got := listIDs(ix, v.Apply(f))
		want := listIDs(ix, ix.Filter(f))
		if !slices.Equal(got, want) {
			t.Errorf("search %q: view gives %v, a full scan %v", q, got, want)
		}
	}
}

func TestListViewSortsByColumnAndKeepsTheOrderWhileFiltering(t *testing.T) {
	ix := listFixtureIndex()
	v := NewView(ix)
	v.SortBy(ColumnRoutingServices, true)
	if got := listIDs(ix, v.Apply(Filter{})); got[0] != "id-e" || got[1] != "id-a" || got[2] != "id-c" {
		t.Fatalf("sorted by routing services descending: %v", got)
	}
	v.SortBy(ColumnDisplayName, false)
	got := listIDs(ix, v.Apply(Filter{Search: "ann"}))
	if want := []string{"id-a", "id-c", "id-e"}; !slices.Equal(got, want) {
		t.Fatalf("display name ascending, case-insensitive, filtered: %v, want %v", got, want)
	}
	v.SortBy(ColumnDisplayName, true)
	got = listIDs(ix, v.Apply(Filter{Search: "ann"}))
	if want := []string{"id-e", "id-c", "id-a"}; !slices.Equal(got, want) {
		t.Fatalf("display name descending: %v, want %v", got, want)
	}
}

func TestNarrowsOnlyWhenTheNewQueryExtendsTheOld(t *testing.T) {
	for _, c := range []struct {
		prev, next string
		want       bool
	}{
		{"jo", "joh", true}, {"john", "john s", true}, {"joh", "jo", false},
		{"@con", "@contoso", true}, {"@contoso", "@con", false}, {"con", "@contoso", false},
		{"a b", "ab", true}, {"a b", "a", false}, {"", "x", true},
	} {
		if got := narrows(Filter{Search: c.prev}, Filter{Search: c.next}); got != c.want {
			t.Errorf("narrows(%q → %q) = %v, want %v", c.prev, c.next, got, c.want)
		}
	}
	if narrows(Filter{Search: "a"}, Filter{Search: "ab", Department: "IT"}) {
		t.Error("a changed filter must scan again")
	}
}

func TestFilterOptionListsNameBlanksLast(t *testing.T) {
	ix := listFixtureIndex()
	if got, want := ix.Departments(), []string{"IT", "Sales", "Support", NoDepartment}; !slices.Equal(got, want) {
		t.Errorf("departments %v, want %v", got, want)
	}
	if got, want := ix.ActiveProfiles(), []string{"On Duty", NoActiveProfile}; !slices.Equal(got, want) {
		t.Errorf("profiles %v, want %v", got, want)
	}
}

func TestListViewRemembersAtMostTwiceTheListInResults(t *testing.T) {
	ix := listFixtureIndex()
	v := NewView(ix)
	for _, q := range []string{"", "a", "an", "e", "o", "n", "r", "", "a"} {
		v.Apply(Filter{Search: q})
		kept := 0
		for _, r := range v.recent {
			kept += len(r.hits)
		}
		if len(v.recent) > 1 && kept > 2*len(ix.Rows) {
			t.Fatalf("after %q the view keeps %d positions in %d results for %d rows", q, kept, len(v.recent), len(ix.Rows))
		}
	}
	if got, want := listIDs(ix, v.Apply(Filter{Search: "a"})), listIDs(ix, ix.Filter(Filter{Search: "a"})); !slices.Equal(got, want) {
		t.Fatalf("a remembered result differs from a scan: %v, %v", got, want)
	}
}

// Scans says how much work the next Apply is, so that the window can run short ones at
// once: a remembered result costs nothing, a letter typed checks the previous hits only,
// anything else (another filter, a new role) checks every row.
func TestListViewScansSaysHowManyRowsApplyWouldCheck(t *testing.T) {
	ix := listFixtureIndex()
	v := NewView(ix)
	all := len(ix.Rows)
	if n := v.Scans(Filter{Search: "ann"}); n != all {
		t.Errorf("before any search: %d rows, want all %d", n, all)
	}
	hits := len(v.Apply(Filter{Search: "ann"}))
	for _, c := range []struct {
		f    Filter
		want int
	}{
		{Filter{Search: "ann"}, 0},
		{Filter{Search: "anna"}, hits},
		{Filter{Search: "ann b"}, hits},
		{Filter{Search: "an"}, all},
		{Filter{Search: "ann", Department: "Sales"}, all},
		{Filter{Search: "ann", Role: NewRoleHolders(data.Role{ID: 1}, []string{"id-a"})}, all},
	} {
		if n := v.Scans(c.f); n != c.want {
			t.Errorf("%+v after \"ann\": %d rows, want %d", c.f, n, c.want)
		}
	}
	v.Apply(Filter{Search: "an"})
	if n := v.Scans(Filter{Search: "ann"}); n != 0 {
		t.Errorf("\"ann\" again after \"an\": %d rows, want none (remembered)", n)
	}
}
