package app

import (
	"slices"
	"testing"

	"nimbusadmin/data"
)

func testIndex() *UserIndex {
	tree := NewOUTree([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Sales"},
		{ID: 3, ParentID: 2, Name: "EMEA"}, {ID: 4, ParentID: 1, Name: "Support"}})
	rows := []data.UserListRow{
		{ID: "id-a", DisplayName: "Anna Åberg", UPN: "anna@contoso.example", Mail: "anna@sales.contoso.example", Department: "Sales", OUID: 3, Licences: data.ContactCenter | data.AttendantConsole, ActiveProfile: "On Duty", RoutingServices: 2},
		{ID: "id-b", DisplayName: "Ben Okafor", UPN: "ben@emea.contoso.example", Department: "Support", OUID: 4, Licences: data.Interact},
		{ID: "id-c", DisplayName: "Мария Иванова", UPN: "maria@contoso.example", OUID: 2, Licences: data.ContactCenter, RoutingServices: 1},
	}
	return NewUserIndex(rows, tree)
}

func ids(ix *UserIndex, hits []int) []string {
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
		f    UserFilter
		want []string
	}{
		{"empty", UserFilter{}, []string{"id-a", "id-b", "id-c"}},
		{"case-insensitive name", UserFilter{Search: "åBERG"}, []string{"id-a"}},
		{"non-Latin", UserFilter{Search: "мария"}, []string{"id-c"}},
		{"O365 ID", UserFilter{Search: "ID-B"}, []string{"id-b"}},
		{"OU name", UserFilter{Search: "emea"}, []string{"id-a", "id-b"}}, // Anna's OU, Ben's UPN domain
		{"department", UserFilter{Search: "support"}, []string{"id-b"}},
		{"words AND", UserFilter{Search: "anna sales"}, []string{"id-a"}},
		{"words AND none", UserFilter{Search: "anna support"}, []string{}},
		{"@domain UPN", UserFilter{Search: "@contoso.example"}, []string{"id-a", "id-c"}},
		{"@domain prefix", UserFilter{Search: "@emea"}, []string{"id-b"}},
		{"@domain mail", UserFilter{Search: "@sales.contoso"}, []string{"id-a"}},
		{"licence", UserFilter{WithLicences: data.ContactCenter}, []string{"id-a", "id-c"}},
		{"without licence", UserFilter{WithoutLicences: data.AttendantConsole}, []string{"id-b", "id-c"}},
		{"search AND licence", UserFilter{Search: "@contoso.example", WithLicences: data.AttendantConsole}, []string{"id-a"}},
		{"OU subtree", UserFilter{OUs: ix.Tree.Subtree(2)}, []string{"id-a", "id-c"}},
		{"OU only", UserFilter{OUs: []int64{2}}, []string{"id-c"}},
		{"department filter", UserFilter{Department: "sales"}, []string{"id-a"}},
		{"blank department", UserFilter{Department: NoDepartment}, []string{"id-c"}},
		{"active profile", UserFilter{ActiveProfile: "on duty"}, []string{"id-a"}},
		{"no active profile", UserFilter{ActiveProfile: NoActiveProfile}, []string{"id-b", "id-c"}},
		{"routing none", UserFilter{Routing: RoutingNone}, []string{"id-b"}},
		{"routing any AND OU", UserFilter{Routing: RoutingAny, OUs: []int64{3}}, []string{"id-a"}},
	}
	for _, c := range cases {
		if got := ids(ix, ix.Filter(c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestOUTreeResolveAndPaths(t *testing.T) {
	tree := testIndex().Tree
	for in, want := range map[string]int64{"Sales/EMEA": 3, "sales/emea": 3, "Contoso/Sales": 2, "/": 1, "Contoso": 1, "4": 4, " Support ": 4} {
		if got, err := tree.Resolve(in); err != nil || got != want {
			t.Errorf("Resolve(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := tree.Resolve("Sales/Nowhere"); err == nil {
		t.Error("unknown path resolved")
	}
	if tree.Path(3) != "Sales/EMEA" || tree.Path(1) != "Contoso" {
		t.Errorf("paths %q %q", tree.Path(3), tree.Path(1))
	}
	if !tree.IsSameOrAncestor(2, 3) || tree.IsSameOrAncestor(3, 2) || tree.IsSameOrAncestor(4, 3) || !tree.IsSameOrAncestor(1, 4) {
		t.Error("IsSameOrAncestor is wrong")
	}
}

func TestSearchDirectoryHidesNimbusUsersWhenAsked(t *testing.T) {
	f := newFixture(t)
	all, err := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "@contoso.example"})
	if err != nil || len(all) != 6 {
		t.Fatalf("all: %d, %v", len(all), err)
	}
	fresh, _ := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "@contoso.example", ExcludeNimbus: true})
	if len(fresh) != 1 || fresh[0].ID != f.user["frank"] {
		t.Fatalf("excluding Nimbus users: %+v", fresh)
	}
	if one, _ := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "", Limit: 2}); len(one) != 2 {
		t.Errorf("limit: %d", len(one))
	}
	if hit, _ := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "MÜLLER dept"}); len(hit) != 1 || hit[0].ID != f.user["eve"] {
		t.Errorf("words: %+v", hit)
	}
}
