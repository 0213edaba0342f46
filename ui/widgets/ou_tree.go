package widgets

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/outree"
	"nimbusadmin/app/userlist"
)

// ouTreeKind says what a click on an OU of the tree does.
type ouTreeKind int

const (
	ouTreePlain  ouTreeKind = iota // the clicked OU becomes the tree's one selected OU
	ouTreeFilter                   // the click changes the main window's OU selection
	ouTreePick                     // the click is handed on; the owner shows a highlight
)

// OUTree shows the tenant's organization units as a tree of names, the root open. It is
// a plain tree whose selection is one OU (the OU editor), the OU filter of the main
// window, or the tree of an OU picker. In the filter a plain click (Space, Enter) selects
// an OU with its entire subtree and replaces the selection; Ctrl+click (Cmd on macOS, or
// Ctrl+Space) adds or removes that single OU. Each OU shows whether it is selected with
// its subtree, alone, or not while some OU below it is (OUStateMark).
type OUTree struct {
	widget.Tree

	// Modifiers tells which modifier keys are held during a click; tests replace it.
	Modifiers func() fyne.KeyModifier

	ous        *outree.Tree
	kind       ouTreeKind
	selection  *userlist.OUSelection // the filter's selection
	single     bool                  // a Ctrl+Space is being handled
	shown      map[int64]bool        // the OUs left by Narrow; nil shows all
	highlight  int64                 // the OU a picker's tree shows highlighted
	onSelected func(id int64)        // a plain or pick tree's clicks
	onChanged  func()                // the filter's changes
	onKey      func(*fyne.KeyEvent) bool
}

// NewOUTree makes a plain tree; onSelected hears of each OU the admin selects.
func NewOUTree(onSelected func(id int64)) *OUTree {
	t := &OUTree{onSelected: onSelected}
	t.init()
	return t
}

// NewOUFilterTree makes the main window's OU filter; onChanged hears of every change of
// its selection.
func NewOUFilterTree(onChanged func()) *OUTree {
	t := &OUTree{kind: ouTreeFilter, onChanged: onChanged}
	t.init()
	return t
}

func (t *OUTree) init() {
	t.Modifiers = currentKeyModifiers
	t.ChildUIDs = t.childUIDs
	t.IsBranch = t.isBranch
	t.CreateNode = t.createNode
	t.UpdateNode = t.updateNode
	t.OnSelected = t.onNodeSelected
	t.ExtendBaseWidget(t)
}

// currentKeyModifiers asks the desktop driver which modifier keys are held; drivers
// without a keyboard report none.
func currentKeyModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// OUNodeID is an OU's node id in the tree.
func OUNodeID(id int64) widget.TreeNodeID { return strconv.FormatInt(id, 10) }

// ouOfNode reads an OU id back from a node id; 0 for none.
func ouOfNode(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}

// SetOUs shows a (new) tree of OUs with its root open.
func (t *OUTree) SetOUs(ous *outree.Tree) {
	t.ous, t.shown = ous, nil
	t.Refresh()
	t.OpenBranch(OUNodeID(ous.Root))
}

// SetOUsSelected shows a (new) tree of OUs in the filter with the given OUs selected,
// and returns the selection that the admin's clicks change.
func (t *OUTree) SetOUsSelected(ous *outree.Tree, selected []int64) *userlist.OUSelection {
	t.selection = userlist.NewOUSelection(ous, selected)
	t.SetOUs(ous)
	return t.selection
}

// OUs is the tree shown, nil before the first Show.
func (t *OUTree) OUs() *outree.Tree { return t.ous }

// SelectOU selects an OU of a plain tree as a click would, opening the branches above it.
func (t *OUTree) SelectOU(id int64) {
	t.openAbove(id)
	t.Select(OUNodeID(id))
}

func (t *OUTree) openAbove(id int64) {
	for cur := t.ous.Parent(id); cur != 0; cur = t.ous.Parent(cur) {
		t.OpenBranch(OUNodeID(cur))
	}
}

// ClearSelection deselects every OU of the filter.
func (t *OUTree) ClearSelection() {
	if t.selection != nil {
		t.selection.Clear()
		t.Refresh()
	}
}

func (t *OUTree) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if t.ous == nil {
		return nil
	}
	if uid == "" {
		return []widget.TreeNodeID{OUNodeID(t.ous.Root)}
	}
	var out []widget.TreeNodeID
	for _, k := range t.ous.Children(ouOfNode(uid)) {
		if t.shown == nil || t.shown[k] {
			out = append(out, OUNodeID(k))
		}
	}
	return out
}

func (t *OUTree) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(t.childUIDs(uid)) > 0
}

// createNode is a name; in the filter a mark before it, and in the filter and a picker a
// highlight behind it.
func (t *OUTree) createNode(bool) fyne.CanvasObject {
	name := widget.NewLabel("Organization unit")
	switch t.kind {
	case ouTreeFilter:
		return container.NewStack(canvas.NewRectangle(color.Transparent), container.NewHBox(widget.NewIcon(nil), name))
	case ouTreePick:
		return container.NewStack(canvas.NewRectangle(color.Transparent), name)
	}
	return name
}

func (t *OUTree) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	if t.ous == nil {
		return
	}
	id := ouOfNode(uid)
	if t.kind == ouTreePlain {
		o.(*widget.Label).SetText(t.ous.Name(id))
		return
	}
	c := o.(*fyne.Container)
	lit := id == t.highlight
	if t.kind == ouTreeFilter {
		state := userlist.OUNotSelected
		if t.selection != nil {
			state = t.selection.State(id)
		}
		lit = state == userlist.OUWithSubtree || state == userlist.OUOnly
		row := c.Objects[1].(*fyne.Container)
		row.Objects[0].(*widget.Icon).SetResource(OUStateMark(state))
		row.Objects[1].(*widget.Label).SetText(t.ous.Name(id))
	} else {
		c.Objects[1].(*widget.Label).SetText(t.ous.Name(id))
	}
	bg := c.Objects[0].(*canvas.Rectangle)
	bg.FillColor, bg.CornerRadius = color.Color(color.Transparent), theme.InputRadiusSize()
	if lit {
		bg.FillColor = t.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	}
	bg.Refresh()
}

// onNodeSelected hands a plain tree's selection on. The filter and a picker's tree
// unselect again at once, so that the next click on the same OU arrives too; the filter
// turns the click into a change of its selection.
func (t *OUTree) onNodeSelected(uid widget.TreeNodeID) {
	id := ouOfNode(uid)
	if t.kind != ouTreePlain {
		t.Unselect(uid)
	}
	if t.ous == nil || !t.ous.Has(id) {
		return
	}
	if t.kind != ouTreeFilter {
		if t.onSelected != nil {
			t.onSelected(id)
		}
		return
	}
	if t.selection == nil {
		return
	}
	if t.single || t.Modifiers()&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0 {
		t.selection.ToggleOnly(id)
	} else {
		t.selection.SelectWithSubtree(id)
	}
	t.Refresh()
	t.onChanged()
}

// TypedKey selects the focused OU on Enter as on Space; ↑/↓ move and ←/→ close and open
// as in any tree.
func (t *OUTree) TypedKey(e *fyne.KeyEvent) {
	if t.onKey != nil && t.onKey(e) {
		return
	}
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		e = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	t.Tree.TypedKey(e)
}

// TypedShortcut adds or removes the focused OU of the filter alone on Ctrl+Space
// (Cmd+Space), the keyboard form of Ctrl+click.
func (t *OUTree) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if t.kind != ouTreeFilter || !ok || cs.KeyName != fyne.KeySpace || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return
	}
	t.single = true
	t.Tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	t.single = false
}
