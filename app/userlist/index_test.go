package userlist

import (
	"slices"
	"testing"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

func testIndex() *Index {
	tree := outree.New([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Sales"},
		{ID: 3, ParentID: 2, Name: "EMEA"}, {ID: 4, ParentID: 1, Name: "Support"}})
	rows := []data.UserListRow{
		{ID: "id-a", DisplayName: "Anna Åberg", UPN: "anna@contoso.example", Mail: "anna@sales.contoso.example", Department: "Sales", OUID: 3, Licences: data.ContactCenter | data.AttendantConsole, ActiveProfile: "On Duty", RoutingServices: 2},
		{ID: "id-b", DisplayName: "Ben Okafor", UPN: "ben@emea.contoso.example", Department: "Support", OUID: 4, Licences: data.Interact},
		{ID: "id-c", DisplayName: "Мария Иванова", UPN: "maria@contoso.example", OUID: 2, Licences: data.ContactCenter, RoutingServices: 1},
	}
	return NewIndex(rows, tree)
}

func ids(ix *Index, hits []int) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, ix.Rows[h].ID)
	}
	return out
}

func TestSearchAndFiltersCombineWithAnd(t *testing.T) {
	ix := testIndex()
	cases := []struct {
		name string
		f    Filter
		want []string
	}{
		{"empty", Filter{}, []string{"id-a", "id-b", "id-c"}},
		{"case-insensitive name", Filter{Search: "åBERG"}, []string{"id-a"}},
		{"non-Latin", Filter{Search: "мария"}, []string{"id-c"}},
		{"O365 ID", Filter{Search: "ID-B"}, []string{"id-b"}},
		{"OU name", Filter{Search: "emea"}, []string{"id-a", "id-b"}}, // Anna's OU, Ben's UPN domain
		{"department", Filter{Search: "support"}, []string{"id-b"}},
		{"words AND", Filter{Search: "anna sales"}, []string{"id-a"}},
		{"words AND none", Filter{Search: "anna support"}, []string{}},
		{"@domain UPN", Filter{Search: "@contoso.example"}, []string{"id-a", "id-c"}},
		{"@domain prefix", Filter{Search: "@emea"}, []string{"id-b"}},
		{"@domain mail", Filter{Search: "@sales.contoso"}, []string{"id-a"}},
		{"licence", Filter{WithLicences: data.ContactCenter}, []string{"id-a", "id-c"}},
		{"without licence", Filter{WithoutLicences: data.AttendantConsole}, []string{"id-b", "id-c"}},
		{"search AND licence", Filter{Search: "@contoso.example", WithLicences: data.AttendantConsole}, []string{"id-a"}},
		{"OU subtree", Filter{OUs: ix.Tree.Subtree(2)}, []string{"id-a", "id-c"}},
		{"OU only", Filter{OUs: []int64{2}}, []string{"id-c"}},
		{"department filter", Filter{Department: "sales"}, []string{"id-a"}},
		{"blank department", Filter{Department: NoDepartment}, []string{"id-c"}},
		{"active profile", Filter{ActiveProfile: "on duty"}, []string{"id-a"}},
		{"no active profile", Filter{ActiveProfile: NoActiveProfile}, []string{"id-b", "id-c"}},
		{"routing none", Filter{Routing: RoutingNone}, []string{"id-b"}},
		{"routing any AND OU", Filter{Routing: RoutingAny, OUs: []int64{3}}, []string{"id-a"}},
	}
	for _, c := range cases {
		if got := ids(ix, ix.Filter(c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
