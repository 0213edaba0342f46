package outree

import (
	"errors"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// FuzzResolve checks the OU path parser on a tree the name rule allows (no OU directly
// below the root named like it): whatever is typed, Resolve either finds an OU of the
// tree, and then the path it prints leads back to the same OU, or says it found none in
// one short line that cannot act on a terminal.
func FuzzResolve(f *testing.F) {
	tree := New([]data.OrganizationUnit{
		{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Sales"}, {ID: 3, ParentID: 2, Name: "EMEA"},
		{ID: 4, ParentID: 2, Name: "APAC"}, {ID: 5, ParentID: 1, Name: "Support"}, {ID: 6, ParentID: 5, Name: "Café"},
		{ID: 7, ParentID: 3, Name: "Zürich 1st Level"}, {ID: 8, ParentID: 2, Name: "Contoso"}, {ID: 9, ParentID: 8, Name: "佐藤"},
	})
	for _, s := range []string{
		"", "/", "//", "Contoso", "contoso/sales", "Sales/EMEA", "/Sales/EMEA/", " Sales / EMEA ", "Contoso/Sales/Contoso/佐藤",
		"3", "+3", "-1", "0", "99", "9223372036854775808", "Support/Cafe\u0301", "Sales/Nowhere", "..", "Sales/../EMEA",
		"\x1b[2J", "bank\u202egnp", "\xff\xfe", strings.Repeat("Sales/", 1000), "Contoso/Contoso",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		id, err := tree.Resolve(typed)
		if err != nil {
			var unknown *UnknownError
			msg := err.Error()
			if !errors.As(err, &unknown) || len(msg) > 600 || strings.ContainsAny(msg, "\x1b\n\r\u202e") {
				t.Fatalf("Resolve(%q): %q is not one short safe line about an unknown OU", typed, msg)
			}
			return
		}
		if !tree.Has(id) {
			t.Fatalf("Resolve(%q) = %d, which is no OU of the tree", typed, id)
		}
		if back, err := tree.Resolve(tree.Path(id)); err != nil || back != id {
			t.Fatalf("Resolve(%q) = %d, but its path %q resolves to %d, %v", typed, id, tree.Path(id), back, err)
		}
	})
}
