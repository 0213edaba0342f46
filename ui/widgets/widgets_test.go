package widgets

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// widgetsOUs is Contoso with Sales (EMEA below it) and Support.
func widgetsOUs() *outree.Tree {
	return outree.New([]data.OrganizationUnit{
		{ID: 1, Name: "Contoso"}, {ID: 2, ParentID: 1, Name: "Support"},
		{ID: 3, ParentID: 1, Name: "Sales"}, {ID: 4, ParentID: 3, Name: "EMEA"},
	})
}

func TestOUChoicesListParentsBeforeChildrenAndReadTheOUBack(t *testing.T) {
	ch := NewOUChoices(widgetsOUs())
	if want := []string{"Contoso", "Sales", "Sales/EMEA", "Support"}; !slices.Equal(ch.Paths, want) {
		t.Fatalf("paths %v, want %v", ch.Paths, want)
	}
	if ch.ID("Sales/EMEA") != 4 || ch.Path(4) != "Sales/EMEA" || ch.ID("Sales/Nowhere") != 0 {
		t.Errorf("EMEA reads back as %d (%q); an unknown path as %d", ch.ID("Sales/EMEA"), ch.Path(4), ch.ID("Sales/Nowhere"))
	}
	if none := NewOUChoices(nil); len(none.Paths) != 0 || none.Path(4) != "" {
		t.Errorf("an unread tree offers %v and names OU 4 %q", none.Paths, none.Path(4))
	}
}

func TestOUTreeSelectsOneOUAndOpensTheBranchesAboveIt(t *testing.T) {
	test.NewTempApp(t)
	var picked []int64
	tree := NewOUTree(func(id int64) { picked = append(picked, id) })
	tree.SetOUs(widgetsOUs())
	tree.SelectOU(4)
	if !slices.Equal(picked, []int64{4}) || !tree.IsBranchOpen(OUNodeID(3)) {
		t.Fatalf("selecting EMEA picked %v; Sales open: %v", picked, tree.IsBranchOpen(OUNodeID(3)))
	}
	if got := tree.ChildUIDs(OUNodeID(1)); !slices.Equal(got, []string{OUNodeID(3), OUNodeID(2)}) {
		t.Errorf("the root's children %v, want Sales then Support", got)
	}
}

func TestOrderedListMovesWithItsButtonsAndStaysPutWhenLocked(t *testing.T) {
	test.NewTempApp(t)
	changes := 0
	l := NewOrderedList(strings.ToUpper, func() { changes++ })
	l.Set([]string{"lunch", "meeting", "training"})
	if !l.Row(0).Up.Disabled() || !l.Row(2).Down.Disabled() {
		t.Fatal("the first row moves up or the last one down")
	}
	test.Tap(l.Row(0).Down)
	test.Tap(l.Row(2).Remove)
	if !slices.Equal(l.Items(), []string{"meeting", "lunch"}) || changes != 2 {
		t.Fatalf("after moving lunch down and removing the last: %v, %d changes", l.Items(), changes)
	}
	l.SetLocked(true)
	for _, b := range []*widget.Button{l.Row(0).Down, l.Row(1).Up, l.Row(0).Remove} {
		if !b.Disabled() {
			t.Error("a locked list offers a move or a removal")
		}
	}
	l.dragged(0, 1)
	if !slices.Equal(l.Items(), []string{"meeting", "lunch"}) {
		t.Errorf("a drag moved a locked list: %v", l.Items())
	}
}

func TestOrderedListShowsWhereADraggedRowWouldLandBeforeItIsDropped(t *testing.T) {
	test.NewTempApp(t)
	l := NewOrderedList(strings.ToUpper, nil)
	l.Set([]string{"lunch", "meeting", "training"})
	w := test.NewWindow(l.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	grip := l.Row(0).Grip.(*dragHandle)
	rowHeight := l.Object().(*fyne.Container).Objects[0].Size().Height + theme.Padding()
	grip.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: rowHeight * 2.1}})
	if row, shown := l.landing(); !shown || row != 2 {
		t.Fatalf("dragging lunch two rows down marks row %d (shown %v), want a line at row 2", row, shown)
	}
	if !l.marks[0].label.TextStyle.Bold || !l.marks[2].below.Visible() {
		t.Error("the dragged row is not bold or the line is not below the row it would follow")
	}
	grip.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -rowHeight * 2}})
	if _, shown := l.landing(); shown {
		t.Error("back at its own place the row still shows a landing line")
	}
	grip.DragEnd()
	if _, shown := l.landing(); shown || !slices.Equal(l.Items(), []string{"lunch", "meeting", "training"}) {
		t.Errorf("after dropping in place: %v, line shown %v", l.Items(), shown)
	}
}
