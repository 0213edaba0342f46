package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/outree"
)

// OUFinder is an OU tree with a type-ahead entry above it, so that an admin finds an OU
// among hundreds by typing part of its name: typing narrows the tree to the OUs whose
// name or path holds the text (with the OUs above them), ↑/↓ move the highlight, Enter
// picks the highlighted OU and Esc gives up. The OU picker's drop-down and the dialog
// that moves a user show it.
type OUFinder struct {
	widget.BaseWidget

	// Search is the type-ahead entry, focused when the finder opens.
	Search *OUSearchEntry
	// Tree shows the OUs; a click highlights one.
	Tree *OUTree
	// PickOnTap makes a click pick the OU at once, as in a drop-down; otherwise a click
	// only highlights it and the owner's button or Enter picks.
	PickOnTap bool
	// OnHighlighted hears of each OU highlighted (0 when the text matches none), OnPicked
	// of the OU picked, OnCancelled of Esc.
	OnHighlighted func(id int64)
	OnPicked      func(id int64)
	OnCancelled   func()

	highlighted int64
}

// NewOUFinder shows the OUs of tree with current highlighted (0 for none).
func NewOUFinder(tree *outree.Tree, current int64) *OUFinder {
	f := &OUFinder{}
	f.Search = &OUSearchEntry{finder: f}
	f.Search.PlaceHolder = "Type to find an organization unit"
	f.Search.ExtendBaseWidget(f.Search)
	f.Search.OnChanged = f.narrow
	f.Tree = newOUPickTree(f.tapped)
	f.Tree.onKey = f.treeKey
	f.ExtendBaseWidget(f)
	f.Tree.SetOUs(tree)
	f.Reset(current)
	return f
}

// CreateRenderer puts the entry above the tree, which scrolls.
func (f *OUFinder) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(f.Search, nil, nil, nil, f.Tree))
}

// Reset empties the entry, shows every OU and highlights current.
func (f *OUFinder) Reset(current int64) {
	f.Search.SetText("")
	f.Tree.Narrow("")
	f.highlight(current)
}

// preferredHeight fits every OU below the entry without scrolling.
func (f *OUFinder) preferredHeight() float32 {
	row := f.Tree.CreateNode(false).MinSize().Height + theme.SeparatorThicknessSize()
	n := 0
	if f.Tree.ous != nil {
		n = len(f.Tree.ous.Subtree(f.Tree.ous.Root))
	}
	return f.Search.MinSize().Height + float32(n+1)*row // a row to spare for the paddings
}

// Highlighted is the OU Enter would pick, 0 when none is.
func (f *OUFinder) Highlighted() int64 { return f.highlighted }

func (f *OUFinder) highlight(id int64) {
	if f.Tree.ous == nil || !f.Tree.ous.Has(id) {
		id = 0
	}
	f.highlighted = id
	f.Tree.setHighlight(id)
	if f.OnHighlighted != nil {
		f.OnHighlighted(id)
	}
}

// narrow keeps the OUs that hold the typed text and highlights the first whose name
// starts with it, or else the first of them.
func (f *OUFinder) narrow(text string) {
	matches := f.Tree.Narrow(text)
	switch {
	case len(matches) > 0:
		first := matches[0]
		for _, id := range matches { // "s" finds Sales before Contoso
			if strings.HasPrefix(strings.ToLower(f.Tree.ous.Name(id)), strings.ToLower(strings.TrimSpace(text))) {
				first = id
				break
			}
		}
		f.highlight(first)
	case strings.TrimSpace(text) != "":
		f.highlight(0)
	default:
		f.highlight(f.highlighted)
	}
}

// move highlights the OU shown by steps below (or above) the highlighted one.
func (f *OUFinder) move(steps int) {
	var shown []int64
	var walk func(uid widget.TreeNodeID)
	walk = func(uid widget.TreeNodeID) {
		shown = append(shown, ouOfNode(uid))
		if f.Tree.IsBranchOpen(uid) {
			for _, k := range f.Tree.childUIDs(uid) {
				walk(k)
			}
		}
	}
	for _, r := range f.Tree.childUIDs("") {
		walk(r)
	}
	if len(shown) == 0 {
		return
	}
	at := -1
	for i, id := range shown {
		if id == f.highlighted {
			at = i
		}
	}
	at = min(max(at+steps, 0), len(shown)-1)
	f.highlight(shown[at])
}

// pick hands the highlighted OU to OnPicked.
func (f *OUFinder) pick() {
	if f.highlighted != 0 && f.OnPicked != nil {
		f.OnPicked(f.highlighted)
	}
}

func (f *OUFinder) cancel() {
	if f.OnCancelled != nil {
		f.OnCancelled()
	}
}

func (f *OUFinder) tapped(id int64) {
	f.highlight(id)
	if f.PickOnTap {
		f.pick()
	}
}

// treeKey lets Enter pick and Esc give up while the tree has the keyboard.
func (f *OUFinder) treeKey(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		f.Tree.Tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		if !f.PickOnTap {
			f.pick()
		}
	case fyne.KeyEscape:
		f.cancel()
	default:
		return false
	}
	return true
}

// newOUPickTree makes the tree of an OU picker: every click, repeated ones too, reaches
// onTapped, and the picker says which OU shows highlighted.
func newOUPickTree(onTapped func(id int64)) *OUTree {
	t := &OUTree{kind: ouTreePick, onSelected: onTapped}
	t.init()
	return t
}

// OUSearchEntry is the finder's type-ahead entry: ↑/↓ move the highlight in the tree,
// Enter picks it and Esc gives up, while the text stays where it is.
type OUSearchEntry struct {
	widget.Entry
	finder *OUFinder
}

// TypedKey moves, picks or gives up; every other key edits the text.
func (e *OUSearchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.finder.move(1)
	case fyne.KeyUp:
		e.finder.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.finder.pick()
	case fyne.KeyEscape:
		e.finder.cancel()
	default:
		e.Entry.TypedKey(k)
	}
}

// Narrow leaves only the OUs whose name contains text, ignoring case, or whose path does
// when the text holds a "/" ("sales/em"), with the OUs above them; "" shows every OU
// again. Matching names alone keeps the OUs below a match out unless they match too.
// Every branch is open, so that ↑/↓ reach every OU shown. It returns the OUs that match,
// in the order the tree shows them.
func (t *OUTree) Narrow(text string) []int64 {
	text = strings.ToLower(strings.TrimSpace(text))
	var matches []int64
	if text == "" {
		t.shown = nil
		t.OpenAllBranches()
		return nil
	}
	t.shown = map[int64]bool{}
	var walk func(id int64)
	walk = func(id int64) {
		of := t.ous.Name(id)
		if strings.Contains(text, "/") {
			of = t.ous.Path(id)
		}
		if strings.Contains(strings.ToLower(of), text) {
			matches = append(matches, id)
			for cur := id; cur != 0 && !t.shown[cur]; cur = t.ous.Parent(cur) {
				t.shown[cur] = true
			}
		}
		for _, k := range t.ous.Children(id) {
			walk(k)
		}
	}
	walk(t.ous.Root)
	t.OpenAllBranches()
	t.Refresh()
	return matches
}

// setHighlight shows an OU of a picker's tree highlighted, opening the branches above it
// and scrolling to it; 0 highlights none.
func (t *OUTree) setHighlight(id int64) {
	t.highlight = id
	if id != 0 {
		t.openAbove(id)
		t.ScrollTo(OUNodeID(id))
	}
	t.Refresh()
}
