package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
)

// ouTreePanel is the OU tree left of the list. A plain click (or Space) selects an OU
// with its entire subtree, Ctrl+click (Cmd on macOS, or Ctrl+Space) that single OU only;
// repeating it deselects. Parents of a partly selected subtree show a partial mark.
type ouTreePanel struct {
	tree      *ouTreeWidget
	selection *userlist.OUSelection
	ous       *app.OUTree
	modifiers func() fyne.KeyModifier // the keys held during a click; injected in tests
	onChanged func()
}

func newOUTreePanel(onChanged func()) *ouTreePanel {
	p := &ouTreePanel{modifiers: currentKeyModifiers, onChanged: onChanged}
	p.tree = &ouTreeWidget{}
	p.tree.ChildUIDs = p.childUIDs
	p.tree.IsBranch = p.isBranch
	p.tree.CreateNode = p.createNode
	p.tree.UpdateNode = p.updateNode
	p.tree.OnSelected = p.onSelected
	p.tree.ExtendBaseWidget(p.tree)
	return p
}

// currentKeyModifiers asks the desktop driver which modifier keys are held; drivers
// without a keyboard report none.
func currentKeyModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// setTree shows a (new) OU tree with the remembered selection.
func (p *ouTreePanel) setTree(ous *app.OUTree, selected []int64) {
	p.ous = ous
	p.selection = userlist.NewOUSelection(ous, selected)
	p.tree.Refresh()
	p.tree.OpenBranch(ouUID(ous.Root))
}

func ouUID(id int64) widget.TreeNodeID { return strconv.FormatInt(id, 10) }

func ouID(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}

func (p *ouTreePanel) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if p.ous == nil {
		return nil
	}
	if uid == "" {
		return []widget.TreeNodeID{ouUID(p.ous.Root)}
	}
	kids := p.ous.Children(ouID(uid))
	out := make([]widget.TreeNodeID, len(kids))
	for i, k := range kids {
		out[i] = ouUID(k)
	}
	return out
}

func (p *ouTreePanel) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || p.ous != nil && len(p.ous.Children(ouID(uid))) > 0
}

func (p *ouTreePanel) createNode(bool) fyne.CanvasObject {
	return container.NewHBox(widget.NewIcon(theme.CheckButtonIcon()), widget.NewLabel("Organization unit"))
}

func (p *ouTreePanel) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	if p.ous == nil {
		return
	}
	c := o.(*fyne.Container)
	id := ouID(uid)
	icon := theme.CheckButtonIcon()
	switch p.selection.State(id) {
	case userlist.OUChecked:
		icon = theme.CheckButtonCheckedIcon()
	case userlist.OUPartial:
		icon = theme.Icon(theme.IconNameCheckButtonPartial)
	}
	c.Objects[0].(*widget.Icon).SetResource(icon)
	c.Objects[1].(*widget.Label).SetText(p.ous.Name(id))
}

// onSelected turns the tree's selection into a toggle and unselects again, so that the
// next click on the same OU arrives too.
func (p *ouTreePanel) onSelected(uid widget.TreeNodeID) {
	p.tree.Unselect(uid)
	if p.selection == nil {
		return
	}
	if p.tree.single || p.modifiers()&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0 {
		p.selection.ClickSingle(ouID(uid))
	} else {
		p.selection.ClickSubtree(ouID(uid))
	}
	p.tree.Refresh()
	p.onChanged()
}

// clear deselects every OU.
func (p *ouTreePanel) clear() {
	if p.selection != nil {
		p.selection.Clear()
		p.tree.Refresh()
	}
}

// ouTreeWidget is a Tree that also takes Ctrl+Space (Cmd+Space) as the keyboard form of
// Ctrl+click on the focused OU.
type ouTreeWidget struct {
	widget.Tree
	single bool
}

// TypedShortcut selects the focused OU alone on Ctrl+Space.
func (t *ouTreeWidget) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.KeyName != fyne.KeySpace || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return
	}
	t.single = true
	t.Tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	t.single = false
}

// describe names the selection for the filter form: whole subtrees as "Sales (and below)",
// single OUs with children as "Sales (only)", at most two names and a count of the rest.
func (p *ouTreePanel) describe() string {
	if p.selection == nil {
		return ""
	}
	var names []string
	var walk func(id int64)
	walk = func(id int64) {
		hasKids := len(p.ous.Children(id)) > 0
		switch state := p.selection.State(id); {
		case state == userlist.OUChecked && hasKids:
			names = append(names, p.ous.Path(id)+" (and below)")
			return
		case state == userlist.OUChecked:
			names = append(names, p.ous.Path(id))
			return
		case state == userlist.OUUnchecked:
			return
		case p.selection.Selected(id):
			names = append(names, p.ous.Path(id)+" (only)")
		}
		for _, k := range p.ous.Children(id) {
			walk(k)
		}
	}
	walk(p.ous.Root)
	if len(names) > 2 {
		return fmt.Sprintf("%s, %s and %d more", names[0], names[1], len(names)-2)
	}
	return strings.Join(names, ", ")
}
