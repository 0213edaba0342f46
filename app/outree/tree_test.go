package outree

import (
	"testing"

	"nimbusadmin/data"
)

func TestOUTreeResolveAndPaths(t *testing.T) {
	tree := New([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Sales"},
		{ID: 3, ParentID: 2, Name: "EMEA"}, {ID: 4, ParentID: 1, Name: "Support"}})
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
