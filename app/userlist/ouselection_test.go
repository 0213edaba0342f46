package userlist

import (
	"slices"
	"testing"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// ouSelectionTree is Contoso with Sales (EMEA and APAC below it) and Support.
func ouSelectionTree() *outree.Tree {
	return outree.New([]data.OrganizationUnit{
		{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Sales"}, {ID: 3, ParentID: 2, Name: "EMEA"},
		{ID: 4, ParentID: 2, Name: "APAC"}, {ID: 5, ParentID: 1, Name: "Support"},
	})
}

func TestOUSelectionPlainClickReplacesTheSelectionWithTheSubtree(t *testing.T) {
	s := NewOUSelection(ouSelectionTree(), nil)
	s.SelectWithSubtree(2)
	if got := s.IDs(); !slices.Equal(got, []int64{2, 3, 4}) {
		t.Fatalf("a click on Sales selects %v, want Sales, EMEA and APAC", got)
	}
	s.SelectWithSubtree(5)
	if got := s.IDs(); !slices.Equal(got, []int64{5}) {
		t.Fatalf("a click on Support after Sales selects %v, want Support alone", got)
	}
	s.SelectWithSubtree(5)
	if got := s.IDs(); !slices.Equal(got, []int64{5}) {
		t.Fatalf("a second click on Support leaves %v, want Support still selected", got)
	}
	s.SelectWithSubtree(99)
	if got := s.IDs(); !slices.Equal(got, []int64{5}) {
		t.Fatalf("a click on an OU no longer in the tree changed the selection to %v", got)
	}
}

func TestOUSelectionCtrlClickAddsAndRemovesThatOUAlone(t *testing.T) {
	s := NewOUSelection(ouSelectionTree(), nil)
	s.SelectWithSubtree(2)
	s.ToggleOnly(5)
	if got := s.IDs(); !slices.Equal(got, []int64{2, 3, 4, 5}) {
		t.Fatalf("Ctrl+click on Support adds it to Sales: %v", got)
	}
	s.ToggleOnly(2)
	if got := s.IDs(); !slices.Equal(got, []int64{3, 4, 5}) {
		t.Fatalf("Ctrl+click on the selected Sales removes Sales alone, left %v", got)
	}
	s.ToggleOnly(2)
	if got := s.IDs(); !slices.Equal(got, []int64{2, 3, 4, 5}) {
		t.Fatalf("Ctrl+click on Sales again adds it back alone: %v", got)
	}
}

func TestOUSelectionTellsWithSubtreeOnlyAndPartlyApart(t *testing.T) {
	s := NewOUSelection(ouSelectionTree(), []int64{2, 3})
	for id, want := range map[int64]OUState{1: OUPartly, 2: OUOnly, 3: OUWithSubtree, 4: OUNotSelected, 5: OUNotSelected} {
		if got := s.State(id); got != want {
			t.Errorf("OU %d shows state %d, want %d", id, got, want)
		}
	}
	s.ToggleOnly(4)
	if s.State(2) != OUWithSubtree {
		t.Error("Sales, EMEA and APAC selected one by one make Sales's subtree whole")
	}
	s.ToggleOnly(2)
	if s.State(2) != OUPartly {
		t.Errorf("Sales removed alone shows %d, want partly (its OUs below stay)", s.State(2))
	}
}

func TestOUSelectionDropsOUsNoLongerInTheTreeAndNarrowsTheList(t *testing.T) {
	ix := listFixtureIndex()
	if NewOUSelection(ix.Tree, []int64{3, 99}).IDs()[0] != 3 || len(NewOUSelection(ix.Tree, []int64{99}).IDs()) != 0 {
		t.Fatal("restored selections drop OUs that no longer exist")
	}
	s := NewOUSelection(ix.Tree, nil)
	s.SelectWithSubtree(2)
	s.ToggleOnly(2)
	if got := listIDs(ix, ix.Filter(Filter{OUs: s.IDs()})); !slices.Equal(got, []string{"id-a", "id-d"}) {
		t.Fatalf("EMEA only: %v", got)
	}
}
