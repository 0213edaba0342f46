package outree

import (
	"strings"
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

func TestResolveMatchesNamesInTheirNFCForm(t *testing.T) {
	tree := New([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Café"}})
	if got, err := tree.Resolve("Cafe\u0301"); err != nil || got != 2 {
		t.Errorf("a decomposed é (as some keyboards type it) does not find Café: %d, %v", got, err)
	}
}

func TestAnUnknownPathIsQuotedShort(t *testing.T) {
	tree := New([]data.OrganizationUnit{{ID: 1, Name: "Contoso"}})
	_, err := tree.Resolve(strings.Repeat("Sales/\x1b[2J", 12<<10))
	if err == nil || len(err.Error()) > 200 || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("the error is not one short safe line: %.300q", err)
	}
}
