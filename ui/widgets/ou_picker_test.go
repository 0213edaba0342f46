package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// widgetsPicker opens a window of the given size holding a picker of widgetsOUs and
// records what OnChanged hears.
func widgetsPicker(t *testing.T, w, h float32) (*OUPicker, fyne.Window, *[]string) {
	t.Helper()
	test.NewTempApp(t)
	var changes []string
	p := NewOUPicker(widgetsOUs(), func(path string) { changes = append(changes, path) })
	win := test.NewWindow(p)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return p, win, &changes
}

// widgetsShown lists the OUs a tree shows, open branches followed.
func widgetsShown(tree *OUTree) []int64 {
	var out []int64
	var walk func(uid string)
	walk = func(uid string) {
		if uid != "" {
			out = append(out, ouOfNode(uid))
		}
		if uid == "" || tree.IsBranchOpen(uid) {
			for _, k := range tree.ChildUIDs(uid) {
				walk(k)
			}
		}
	}
	walk("")
	return out
}

func TestOUPickerTypeAheadNarrowsToTheMatchesAndTheirParentsAndEnterPicks(t *testing.T) {
	p, win, changes := widgetsPicker(t, 500, 400)
	p.Open()
	f := p.Finder()
	if f == nil || !p.PopUp().Visible() || win.Canvas().Focused() != f.Search {
		t.Fatal("Open shows the drop-down with the type-ahead entry focused")
	}
	test.Type(f.Search, "em")
	if got := widgetsShown(f.Tree); !slices.Equal(got, []int64{1, 3, 4}) || f.Highlighted() != 4 {
		t.Fatalf("typing \"em\" shows %v with %d highlighted, want Contoso, Sales and EMEA with EMEA", got, f.Highlighted())
	}
	f.Search.SetText("sales")
	if got := widgetsShown(f.Tree); !slices.Equal(got, []int64{1, 3}) {
		t.Fatalf("typing \"sales\" shows %v, want Contoso and Sales without the OUs below it", got)
	}
	f.Search.SetText("sales/e")
	if got := widgetsShown(f.Tree); !slices.Equal(got, []int64{1, 3, 4}) {
		t.Fatalf("typing part of a path shows %v, want the OUs down to EMEA", got)
	}
	f.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Selected != "Sales/EMEA" || p.SelectedID() != 4 || !slices.Equal(*changes, []string{"Sales/EMEA"}) {
		t.Fatalf("Enter chose %q (%d), OnChanged heard %v", p.Selected, p.SelectedID(), *changes)
	}
	if p.PopUp().Visible() {
		t.Error("the drop-down stays open after Enter picked an OU")
	}
	p.Open()
	if got := widgetsShown(p.Finder().Tree); p.Finder().Search.Text != "" || len(got) != 4 || p.Finder().Highlighted() != 4 {
		t.Errorf("reopened, the drop-down shows %v under %q with %d highlighted, want every OU and EMEA", got, p.Finder().Search.Text, p.Finder().Highlighted())
	}
	test.Type(p.Finder().Search, "nowhere")
	p.Finder().Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Selected != "Sales/EMEA" || len(*changes) != 1 {
		t.Errorf("Enter with no OU matching chose %q", p.Selected)
	}
}

func TestOUPickerArrowsMoveTheHighlightAndEscClosesWithoutChoosing(t *testing.T) {
	p, _, changes := widgetsPicker(t, 500, 400)
	p.SetSelectedID(3)
	p.Open()
	f := p.Finder()
	if f.Highlighted() != 3 {
		t.Fatalf("the drop-down opens on %d, want the chosen Sales", f.Highlighted())
	}
	f.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if f.Highlighted() != 4 {
		t.Fatalf("↓ from Sales highlights %d, want EMEA below it", f.Highlighted())
	}
	f.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	f.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if f.Highlighted() != 1 {
		t.Fatalf("↑↑ from EMEA highlights %d, want Contoso", f.Highlighted())
	}
	f.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.PopUp().Visible() || p.Selected != "Sales" || !slices.Equal(*changes, []string{"Sales"}) {
		t.Fatalf("Esc: drop-down open %v, chosen %q, changes %v", p.PopUp().Visible(), p.Selected, *changes)
	}
}

func TestOUPickerClickPicksAndTheDropDownFitsTheWindow(t *testing.T) {
	p, win, _ := widgetsPicker(t, 300, 200)
	test.TapCanvas(win.Canvas(), fyne.NewPos(30, 10)) // on the path, over the button
	if p.PopUp() == nil || !p.PopUp().Visible() {
		t.Fatal("a click on the picker does not open its drop-down")
	}
	c, size := p.PopUp().Content, win.Canvas().Size()
	if c.Position().X < 0 || c.Position().Y < 0 || c.Position().X+c.Size().Width > size.Width || c.Position().Y+c.Size().Height > size.Height {
		t.Fatalf("the drop-down at %v sized %v runs off the window of %v", c.Position(), c.Size(), size)
	}
	p.Finder().Tree.Select(OUNodeID(2))
	if p.Selected != "Support" || p.PopUp().Visible() {
		t.Fatalf("a click on Support chose %q; drop-down open %v", p.Selected, p.PopUp().Visible())
	}
}

func TestOUPickerReadsLikeASelect(t *testing.T) {
	p, _, changes := widgetsPicker(t, 500, 400)
	p.SetSelected("Sales/EMEA")
	p.SetSelected("Sales/EMEA")
	p.SetSelected("Sales/Nowhere")
	if p.Selected != "Sales/EMEA" || !slices.Equal(*changes, []string{"Sales/EMEA", "Sales/EMEA"}) {
		t.Fatalf("SetSelected: chosen %q, OnChanged heard %v; want it told of each valid call, as a Select", p.Selected, *changes)
	}
	p.ClearSelected()
	if p.Selected != "" || p.SelectedID() != 0 || (*changes)[len(*changes)-1] != "" {
		t.Fatalf("ClearSelected leaves %q and tells OnChanged %v", p.Selected, *changes)
	}
	p.Disable()
	p.Open()
	if p.PopUp() != nil && p.PopUp().Visible() {
		t.Error("a disabled picker opens its drop-down")
	}
	p.Enable()
	p.SetSelected("Support")
	if p.Selected != "Support" {
		t.Errorf("a new tree that still has Support dropped the choice: %q", p.Selected)
	}
}

func TestOUPickerOpensFromTheKeyboardAndALetterStartsTheSearch(t *testing.T) {
	p, win, _ := widgetsPicker(t, 500, 400)
	win.Canvas().FocusNext()
	focused := win.Canvas().Focused()
	if focused == nil {
		t.Fatal("Tab does not reach the picker")
	}
	focused.TypedRune('E')
	if p.PopUp() == nil || !p.PopUp().Visible() || p.Finder().Search.Text != "E" || p.Finder().Highlighted() != 4 {
		t.Fatalf("typing E on the picker: drop-down shown %v, searching %q", p.PopUp() != nil && p.PopUp().Visible(), p.Finder().Search.Text)
	}
	p.Finder().Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if win.Canvas().Focused() != focused {
		t.Error("Esc does not give the keyboard back to the picker")
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if !p.PopUp().Visible() {
		t.Error("↓ on the picker does not open its drop-down")
	}
}

func TestOUPickerShowsTheNewTreeAfterSetOUs(t *testing.T) {
	p, _, _ := widgetsPicker(t, 500, 400)
	p.Open()
	p.Close()
	fewer := widgetsOUs()
	p.SetOUs(fewer)
	p.Open()
	if p.PopUp().Content != p.Finder() || p.Finder().Tree.OUs() != fewer {
		t.Error("after SetOUs the drop-down still shows the old tree")
	}
}
