package config

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/outree"
	"nimbusadmin/ui/widgets"
)

// configOUEditor is the organization unit tree editor: create, rename, move and delete,
// each through the OU rules in app (no cycles, only empty OUs can go).
type configOUEditor struct {
	cw       *configWindow
	tree     *outree.Tree
	choice   widgets.OUChoices
	selected int64

	ouTree    *widgets.OUTree
	title     *widget.Label
	holds     *widget.Label
	newName   *widget.Entry
	rename    *widget.Entry
	moveTo    *widgets.OUPicker
	addBtn    *widget.Button
	renameBtn *widget.Button
	moveBtn   *widget.Button
	deleteBtn *widget.Button
	status    *widget.Label
}

func newConfigOUEditor(cw *configWindow) *configOUEditor { return &configOUEditor{cw: cw} }

func (e *configOUEditor) build() fyne.CanvasObject {
	e.ouTree = widgets.NewOUTree(e.onSelected)
	e.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Text: "Select an organization unit"}
	e.holds = &widget.Label{Wrapping: fyne.TextWrapWord}
	e.newName = &widget.Entry{PlaceHolder: "Name of the new OU"}
	e.rename = &widget.Entry{PlaceHolder: "New name"}
	e.moveTo = &widgets.OUPicker{PlaceHolder: "Choose the new parent"}
	e.addBtn = &widget.Button{Text: "Add below", OnTapped: e.onAdd}
	e.renameBtn = &widget.Button{Text: "Rename", OnTapped: e.onRename}
	e.moveBtn = &widget.Button{Text: "Move", OnTapped: e.onMove}
	e.deleteBtn = &widget.Button{Text: "Delete…", Importance: widget.DangerImportance, OnTapped: e.onDelete}
	e.status = widgets.NewStatus()
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
		widgets.ShowOutcome(e.status, err, "")
		return
	}
	e.tree, e.choice = tree, widgets.NewOUChoices(tree)
	e.moveTo.SetChoices(e.choice)
	e.moveTo.Refresh()
	e.ouTree.SetOUs(tree)
	if e.selected == 0 || !tree.Has(e.selected) {
		e.selected = tree.Root
	}
	e.showSelected()
}

func (e *configOUEditor) onSelected(id int64) {
	e.selected = id
	e.status.SetText("")
	e.showSelected()
}

// selectOU selects an OU in the tree as a click would.
func (e *configOUEditor) selectOU(id int64) { e.ouTree.SelectOU(id) }

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
	widgets.EnableWhen(e.moveBtn, !isRoot)
	widgets.EnableWhen(e.deleteBtn, !isRoot)
	e.moveTo.ClearSelected()
}

func (e *configOUEditor) onAdd() {
	out, err := e.cw.nimbus.Do(context.Background(), app.CreateOU{Parent: e.selected, Name: e.newName.Text})
	if err == nil {
		e.newName.SetText("")
		e.reload()
		e.selectOU(out.ID)
	}
	widgets.ShowOutcome(e.status, err, fmt.Sprintf("Created %s.", e.tree.Path(out.ID)))
}

func (e *configOUEditor) onRename() {
	_, err := e.cw.nimbus.Do(context.Background(), app.RenameOU{OU: e.selected, Name: e.rename.Text})
	if err == nil {
		e.reload()
	}
	widgets.ShowOutcome(e.status, err, "Renamed to "+e.tree.Path(e.selected)+".")
}

func (e *configOUEditor) onMove() {
	parent := e.choice.ID(e.moveTo.Selected)
	if parent == 0 {
		widgets.ShowOutcome(e.status, fmt.Errorf("choose the organization unit to move %s below", e.tree.Path(e.selected)), "")
		return
	}
	_, err := e.cw.nimbus.Do(context.Background(), app.MoveOU{OU: e.selected, Parent: parent})
	if err == nil {
		e.reload()
		e.selectOU(e.selected)
	}
	widgets.ShowOutcome(e.status, err, "Moved to "+e.tree.Path(e.selected)+".")
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
		widgets.ShowOutcome(e.status, err, "Deleted "+path+".")
	})
}
