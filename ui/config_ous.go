package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
)

// configOUEditor is the organization unit tree editor: create, rename, move and delete,
// each through the OU rules in app (no cycles, only empty OUs can go).
type configOUEditor struct {
	cw       *configWindow
	tree     *app.OUTree
	choice   configOUChoice
	selected int64

	ouTree    *widget.Tree
	title     *widget.Label
	holds     *widget.Label
	newName   *widget.Entry
	rename    *widget.Entry
	moveTo    *widget.Select
	addBtn    *widget.Button
	renameBtn *widget.Button
	moveBtn   *widget.Button
	deleteBtn *widget.Button
	status    *widget.Label
}

func newConfigOUEditor(cw *configWindow) *configOUEditor { return &configOUEditor{cw: cw} }

func (e *configOUEditor) build() fyne.CanvasObject {
	e.ouTree = widget.NewTree(e.childUIDs, e.isBranch, e.newNode, e.updateNode)
	e.ouTree.OnSelected = e.onSelected
	e.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Text: "Select an organization unit"}
	e.holds = &widget.Label{Wrapping: fyne.TextWrapWord}
	e.newName = &widget.Entry{PlaceHolder: "Name of the new OU"}
	e.rename = &widget.Entry{PlaceHolder: "New name"}
	e.moveTo = &widget.Select{PlaceHolder: "Choose the new parent"}
	e.addBtn = &widget.Button{Text: "Add below", OnTapped: e.onAdd}
	e.renameBtn = &widget.Button{Text: "Rename", OnTapped: e.onRename}
	e.moveBtn = &widget.Button{Text: "Move", OnTapped: e.onMove}
	e.deleteBtn = &widget.Button{Text: "Delete…", Importance: widget.DangerImportance, OnTapped: e.onDelete}
	e.status = configStatus()
	row := func(label string, field fyne.CanvasObject, btn *widget.Button) fyne.CanvasObject {
		return container.NewBorder(nil, nil, &widget.Label{Text: label}, btn, field)
	}
	side := container.NewVBox(
		e.title, e.holds, widget.NewSeparator(),
		row("New OU", e.newName, e.addBtn),
		row("Rename", e.rename, e.renameBtn),
		row("Move below", e.moveTo, e.moveBtn),
		container.NewHBox(e.deleteBtn),
		widget.NewSeparator(), e.status)
	e.reload()
	split := container.NewHSplit(e.ouTree, container.NewVScroll(container.NewPadded(side)))
	split.Offset = 0.4
	return split
}

// reload reads the tree again and keeps the selection when the OU still exists.
func (e *configOUEditor) reload() {
	tree, err := e.cw.nimbus.OUTree(context.Background())
	if err != nil {
		configShow(e.status, err, "")
		return
	}
	e.tree, e.choice = tree, newConfigOUChoice(tree)
	e.moveTo.Options = e.choice.paths
	e.moveTo.Refresh()
	e.ouTree.Refresh()
	if e.selected == 0 || !tree.Has(e.selected) {
		e.selected = tree.Root
	}
	e.ouTree.OpenBranch(configUID(tree.Root))
	e.showSelected()
}

func configUID(id int64) string { return strconv.FormatInt(id, 10) }

func (e *configOUEditor) childUIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	if e.tree == nil {
		return nil
	}
	if id == "" {
		return []string{configUID(e.tree.Root)}
	}
	n, _ := strconv.ParseInt(id, 10, 64)
	var out []string
	for _, c := range e.tree.Children(n) {
		out = append(out, configUID(c))
	}
	return out
}

func (e *configOUEditor) isBranch(id widget.TreeNodeID) bool { return len(e.childUIDs(id)) > 0 }

func (e *configOUEditor) newNode(bool) fyne.CanvasObject { return &widget.Label{} }

func (e *configOUEditor) updateNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	n, _ := strconv.ParseInt(id, 10, 64)
	o.(*widget.Label).SetText(e.tree.Name(n))
}

func (e *configOUEditor) onSelected(id widget.TreeNodeID) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || !e.tree.Has(n) {
		return
	}
	e.selected = n
	e.status.SetText("")
	e.showSelected()
}

// selectOU selects an OU in the tree as a click would.
func (e *configOUEditor) selectOU(id int64) {
	for cur := e.tree.Parent(id); cur != 0; cur = e.tree.Parent(cur) {
		e.ouTree.OpenBranch(configUID(cur))
	}
	e.ouTree.Select(configUID(id))
}

func (e *configOUEditor) showSelected() {
	id := e.selected
	e.title.SetText(e.tree.Path(id))
	holds, err := e.cw.nimbus.OUHolds(context.Background(), id)
	switch {
	case err != nil:
		e.holds.SetText(err.Error())
	case holds == "":
		e.holds.SetText("Empty: nothing lives in this organization unit.")
	default:
		e.holds.SetText("Holds " + holds + ".")
	}
	e.rename.SetText(e.tree.Name(id))
	isRoot := id == e.tree.Root
	for _, b := range []*widget.Button{e.moveBtn, e.deleteBtn} {
		if isRoot {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	e.moveTo.ClearSelected()
}

func (e *configOUEditor) onAdd() {
	out, err := e.cw.nimbus.Do(context.Background(), app.CreateOU{Parent: e.selected, Name: e.newName.Text})
	if err == nil {
		e.newName.SetText("")
		e.reload()
		e.selectOU(out.ID)
	}
	configShow(e.status, err, fmt.Sprintf("Created %s.", e.tree.Path(out.ID)))
}

func (e *configOUEditor) onRename() {
	_, err := e.cw.nimbus.Do(context.Background(), app.RenameOU{OU: e.selected, Name: e.rename.Text})
	if err == nil {
		e.reload()
	}
	configShow(e.status, err, "Renamed to "+e.tree.Path(e.selected)+".")
}

func (e *configOUEditor) onMove() {
	parent, ok := e.choice.ids[e.moveTo.Selected]
	if !ok {
		configShow(e.status, fmt.Errorf("choose the organization unit to move %s below", e.tree.Path(e.selected)), "")
		return
	}
	_, err := e.cw.nimbus.Do(context.Background(), app.MoveOU{OU: e.selected, Parent: parent})
	if err == nil {
		e.reload()
		e.selectOU(e.selected)
	}
	configShow(e.status, err, "Moved to "+e.tree.Path(e.selected)+".")
}

func (e *configOUEditor) onDelete() {
	id, path := e.selected, e.tree.Path(e.selected)
	e.cw.confirm("Delete organization unit", fmt.Sprintf("Delete %s?", path), func() {
		_, err := e.cw.nimbus.Do(context.Background(), app.DeleteOU{OU: id})
		if err == nil {
			e.selected = e.tree.Parent(id)
			e.reload()
			e.selectOU(e.selected)
		}
		configShow(e.status, err, "Deleted "+path+".")
	})
}
