package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/outree"
	"nimbusadmin/app/userlist"
)

// OUTree shows the tenant's organization units as a tree of names, the root open. It is
// either a plain tree whose selection is one OU (the OU editor, the OU picker of a user)
// or a checklist of OUs (the main window's OU filter): there a plain click (or Space)
// checks an OU with its entire subtree, Ctrl+click (Cmd on macOS, or Ctrl+Space) that
// single OU only, repeating it unchecks, and parents of a partly checked subtree show a
// partial mark.
type OUTree struct {
	widget.Tree

	// Modifiers tells which modifier keys are held during a click; tests replace it.
	Modifiers func() fyne.KeyModifier

	ous        *outree.Tree
	checklist  bool
	checks     *userlist.OUSelection // what a checklist has checked
	single     bool                  // a Ctrl+Space is being handled
	onSelected func(id int64)        // a plain tree's selection
	onChecked  func()                // a checklist's changes
}

// NewOUTree makes a plain tree; onSelected hears of each OU the admin selects.
func NewOUTree(onSelected func(id int64)) *OUTree {
	t := &OUTree{onSelected: onSelected}
	t.init()
	return t
}

// NewOUChecklist makes a checklist; onChanged hears of every check and uncheck.
func NewOUChecklist(onChanged func()) *OUTree {
	t := &OUTree{checklist: true, onChecked: onChanged}
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
	t.ous = ous
	t.Refresh()
	t.OpenBranch(OUNodeID(ous.Root))
}

// SetOUsChecked shows a (new) tree of OUs in a checklist with the given OUs checked, and
// returns the checks that the admin's clicks change.
func (t *OUTree) SetOUsChecked(ous *outree.Tree, checked []int64) *userlist.OUSelection {
	t.checks = userlist.NewOUSelection(ous, checked)
	t.SetOUs(ous)
	return t.checks
}

// OUs is the tree shown, nil before the first Show.
func (t *OUTree) OUs() *outree.Tree { return t.ous }

// SelectOU selects an OU of a plain tree as a click would, opening the branches above it.
func (t *OUTree) SelectOU(id int64) {
	for cur := t.ous.Parent(id); cur != 0; cur = t.ous.Parent(cur) {
		t.OpenBranch(OUNodeID(cur))
	}
	t.Select(OUNodeID(id))
}

// ClearChecks unchecks every OU of a checklist.
func (t *OUTree) ClearChecks() {
	if t.checks != nil {
		t.checks.Clear()
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
	kids := t.ous.Children(ouOfNode(uid))
	out := make([]widget.TreeNodeID, len(kids))
	for i, k := range kids {
		out[i] = OUNodeID(k)
	}
	return out
}

func (t *OUTree) isBranch(uid widget.TreeNodeID) bool {
	return t.ous != nil && (uid == "" || len(t.ous.Children(ouOfNode(uid))) > 0)
}

// createNode is a name, with a check mark before it in a checklist.
func (t *OUTree) createNode(bool) fyne.CanvasObject {
	if t.checklist {
		return container.NewHBox(widget.NewIcon(theme.CheckButtonIcon()), widget.NewLabel("Organization unit"))
	}
	return widget.NewLabel("Organization unit")
}

func (t *OUTree) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	if t.ous == nil {
		return
	}
	id := ouOfNode(uid)
	if !t.checklist {
		o.(*widget.Label).SetText(t.ous.Name(id))
		return
	}
	c := o.(*fyne.Container)
	icon := theme.CheckButtonIcon()
	if t.checks != nil {
		switch t.checks.State(id) {
		case userlist.OUChecked:
			icon = theme.CheckButtonCheckedIcon()
		case userlist.OUPartial:
			icon = theme.Icon(theme.IconNameCheckButtonPartial)
		}
	}
	c.Objects[0].(*widget.Icon).SetResource(icon)
	c.Objects[1].(*widget.Label).SetText(t.ous.Name(id))
}

// onNodeSelected hands a plain tree's selection on. A checklist turns the selection into
// a check or uncheck and unselects again, so that the next click on the same OU arrives
// too.
func (t *OUTree) onNodeSelected(uid widget.TreeNodeID) {
	id := ouOfNode(uid)
	if !t.checklist {
		if t.ous != nil && t.ous.Has(id) && t.onSelected != nil {
			t.onSelected(id)
		}
		return
	}
	t.Unselect(uid)
	if t.checks == nil {
		return
	}
	if t.single || t.Modifiers()&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0 {
		t.checks.ClickSingle(id)
	} else {
		t.checks.ClickSubtree(id)
	}
	t.Refresh()
	t.onChecked()
}

// TypedShortcut checks the focused OU of a checklist alone on Ctrl+Space (Cmd+Space), the
// keyboard form of Ctrl+click.
func (t *OUTree) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if !t.checklist || !ok || cs.KeyName != fyne.KeySpace || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return
	}
	t.single = true
	t.Tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	t.single = false
}
