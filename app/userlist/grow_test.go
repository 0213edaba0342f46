package userlist

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// growRows are users in O365 ID order, as the cache reads them part by part, with
// namesakes and departments that tie, so that the order of ties shows.
func growRows() []data.UserListRow {
	names := []string{"Zoe Park", "anna berg", "Anna Berg", "Carl Annan", "ben Stone", "Anna Berg", "Eve Annberg", "dana cruz"}
	depts := []string{"Sales", "", "Support", "Sales", "IT", "Sales", "Support", "IT"}
	var rows []data.UserListRow
	for i := range 40 {
		rows = append(rows, data.UserListRow{ID: fmt.Sprintf("id-%03d", i), DisplayName: names[(i*5)%len(names)],
			UPN: fmt.Sprintf("u%d@contoso.com", i), Department: depts[(i*3)%len(depts)], OUID: int64(1 + i%3), RoutingServices: i % 4})
	}
	return rows
}

// byName sorts rows as the cache lists a part: by lower-case display name, then O365 ID.
func byName(rows []data.UserListRow) []data.UserListRow {
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b data.UserListRow) int {
		if c := strings.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return rows
}

// A list grown part by part lists, sorts and filters its rows exactly as the list read
// whole, in every sort order, ties included.
func TestAListGrownInPartsShowsWhatTheWholeListShows(t *testing.T) {
	tree := outree.New([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}, {ID: 2, Name: "Sales", ParentID: 1}, {ID: 3, Name: "EMEA", ParentID: 2}})
	all := growRows()
	whole := NewIndex(byName(all), tree)
	for _, sort := range []struct {
		col  Column
		desc bool
	}{{ColumnDisplayName, false}, {ColumnDisplayName, true}, {ColumnDepartment, false}, {ColumnRoutingServices, true}} {
		want := NewView(whole)
		want.SortBy(sort.col, sort.desc)

		ix := NewIndex(byName(all[:7]), tree)
		v := NewView(ix)
		v.SortBy(sort.col, sort.desc)
		for lo, hi := 7, 20; lo < len(all); lo, hi = hi, min(hi+13, len(all)) {
			ix = ix.WithRows(byName(all[lo:hi]), len(all))
			v = v.Grow(ix)
		}
		for _, f := range []Filter{{}, {Search: "anna"}, {Department: "Sales"}, {OUs: []int64{2}, Search: "@contoso"}} {
			got, exp := listIDs(ix, v.Apply(f)), listIDs(whole, want.Apply(f))
			if !slices.Equal(got, exp) {
				t.Errorf("sorted by %v (desc %v), filter %+v:\ngrown %v\nwhole %v", sort.col, sort.desc, f, got, exp)
			}
		}
		v.SortBy(ColumnDisplayName, false) // back to the names: ties by O365 ID, as the whole list
		if got, exp := listIDs(ix, v.Apply(Filter{})), listIDs(whole, NewView(whole).Apply(Filter{})); !slices.Equal(got, exp) {
			t.Errorf("sorted by %v, then by name again:\ngrown %v\nwhole %v", sort.col, got, exp)
		}
	}
}

// Packing the rows' text into blocks and sharing it with the search keys changes no
// value a row shows, and a search still finds a user by a mail written as the UPN.
func TestPackedRowsShowTheTextTheCacheGave(t *testing.T) {
	tree := outree.New([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}})
	rows := []data.UserListRow{
		{ID: "id-1", DisplayName: "Anna Berg", UPN: "anna@contoso.com", Mail: "anna@contoso.com", OUID: 1},
		{ID: "ID-2", DisplayName: "Ben Stone", UPN: "Ben.Stone@Contoso.com", Mail: "ben@fabrikam.com", OUID: 1},
		{ID: "id-3", DisplayName: "Carl Annan", UPN: "carl@contoso.com", Mail: "Carl@Contoso.com", OUID: 1},
	}
	ix := NewIndex(slices.Clone(rows), tree)
	v := NewView(ix)
	for i, r := range ix.Rows {
		if r.UserListRow != rows[i] {
			t.Errorf("row %d shows %+v, the cache gave %+v", i, r.UserListRow, rows[i])
		}
	}
	for search, want := range map[string]string{"anna@contoso": "id-1", "ben.stone": "ID-2", "fabrikam": "ID-2", "carl@": "id-3", "id-2": "ID-2"} {
		if got := listIDs(ix, v.Apply(Filter{Search: search})); !slices.Equal(got, []string{want}) {
			t.Errorf("search %q lists %v, want %s", search, got, want)
		}
	}
}
