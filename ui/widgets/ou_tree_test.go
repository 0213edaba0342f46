package widgets

import (
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
)

func TestOUFilterTreePlainClickReplacesTheSelectionCtrlClickTogglesOneOU(t *testing.T) {
	test.NewTempApp(t)
	changes := 0
	tree := NewOUFilterTree(func() { changes++ })
	sel := tree.SetOUsSelected(widgetsOUs(), nil)
	held := fyne.KeyModifier(0)
	tree.Modifiers = func() fyne.KeyModifier { return held }

	tree.Select(OUNodeID(3))
	if got := sel.IDs(); !slices.Equal(got, []int64{3, 4}) || changes != 1 {
		t.Fatalf("a click on Sales selects %v (%d changes), want Sales and EMEA", got, changes)
	}
	tree.Select(OUNodeID(2))
	if got := sel.IDs(); !slices.Equal(got, []int64{2}) {
		t.Fatalf("a click on Support after Sales selects %v, want Support alone", got)
	}
	tree.Select(OUNodeID(2))
	if got := sel.IDs(); !slices.Equal(got, []int64{2}) {
		t.Fatalf("a second click on Support leaves %v, want it still selected", got)
	}

	held = fyne.KeyModifierControl
	tree.Select(OUNodeID(3))
	if got := sel.IDs(); !slices.Equal(got, []int64{2, 3}) {
		t.Fatalf("Ctrl+click on Sales adds Sales alone to Support: %v", got)
	}
	tree.Select(OUNodeID(2))
	if got := sel.IDs(); !slices.Equal(got, []int64{3}) {
		t.Fatalf("Ctrl+click on the selected Support removes it alone, left %v", got)
	}
}

func TestOUFilterTreeEnterSelectsAsAClickCtrlSpaceAsACtrlClick(t *testing.T) {
	test.NewTempApp(t)
	tree := NewOUFilterTree(func() {})
	sel := tree.SetOUsSelected(widgetsOUs(), nil)
	tree.Modifiers = func() fyne.KeyModifier { return 0 }
	w := test.NewWindow(tree)
	defer w.Close()
	w.Canvas().Focus(tree)
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // Sales
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := sel.IDs(); !slices.Equal(got, []int64{3, 4}) {
		t.Fatalf("Enter on Sales selects %v, want Sales with EMEA", got)
	}
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // Support: Sales is closed
	tree.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySpace, Modifier: fyne.KeyModifierControl})
	if got := sel.IDs(); !slices.Equal(got, []int64{2, 3, 4}) {
		t.Fatalf("Ctrl+Space on Support adds it alone: %v", got)
	}
}

// widgetsNode draws the filter's node for an OU and reads its mark and whether it is
// highlighted.
func widgetsNode(tree *OUTree, id int64) (mark fyne.Resource, lit bool) {
	node := tree.CreateNode(false)
	tree.UpdateNode(OUNodeID(id), false, node)
	c := node.(*fyne.Container)
	icon := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Icon)
	return icon.Resource, c.Objects[0].(*canvas.Rectangle).FillColor != color.Transparent
}

func TestOUFilterTreeMarksWithSubtreeOnlyAndPartlyDifferently(t *testing.T) {
	test.NewTempApp(t)
	tree := NewOUFilterTree(func() {})
	tree.SetOUsSelected(widgetsOUs(), []int64{3, 4}) // Sales with EMEA
	tree.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierControl }
	tree.Select(OUNodeID(4)) // EMEA out: Sales alone

	only, onlyLit := widgetsNode(tree, 3)
	partly, partlyLit := widgetsNode(tree, 1)
	none, noneLit := widgetsNode(tree, 2)
	tree.Select(OUNodeID(4))
	whole, wholeLit := widgetsNode(tree, 3)
	if only == nil || partly == nil || whole == nil || only.Name() == partly.Name() || only.Name() == whole.Name() || partly.Name() == whole.Name() {
		t.Fatalf("the three states need three marks: only %v, partly %v, with subtree %v", only, partly, whole)
	}
	if none != nil || noneLit {
		t.Errorf("an OU with nothing selected shows mark %v, highlighted %v", none, noneLit)
	}
	if !onlyLit || !wholeLit || partlyLit {
		t.Errorf("selected OUs show highlighted (only %v, with subtree %v), a partly selected one not (%v)", onlyLit, wholeLit, partlyLit)
	}
	if only != OUStateMark(userlist.OUOnly) || whole != OUStateMark(userlist.OUWithSubtree) || partly != OUStateMark(userlist.OUPartly) {
		t.Error("the tree's marks differ from those the legend explains")
	}
}

func TestOUStateLegendExplainsEachMark(t *testing.T) {
	test.NewTempApp(t)
	var icons []fyne.Resource
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Icon:
			icons = append(icons, o.Resource)
		case *widget.Label:
			texts = append(texts, o.Text)
		case *fyne.Container:
			for _, k := range o.Objects {
				walk(k)
			}
		case *container.ThemeOverride:
			walk(o.Content)
		}
	}
	walk(NewOUStateLegend())
	for _, s := range []userlist.OUState{userlist.OUWithSubtree, userlist.OUOnly, userlist.OUPartly} {
		at := slices.Index(icons, OUStateMark(s))
		if at < 0 || at >= len(texts) || texts[at] == "" {
			t.Errorf("the legend does not explain the mark of state %d: icons %v, texts %q", s, icons, texts)
		}
	}
}
