package config

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/outree"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configOUEditor is the organization unit tree editor: create, rename, move and delete,
// each through the OU rules in app (no cycles, only empty OUs can go).
type configOUEditor struct {
	cw        *configWindow
	tree      *outree.Tree
	choice    widgets.OUChoices
	selected  int64
	versions  map[int64]data.RowVersion // what a change to each OU is based on
	selecting bool                      // set while the tree is selected again by the editor itself

	ouTree    *widgets.OUTree
	title     *widget.Label
	holds     *widget.Label
	newName   *configEntry
	rename    *configEntry
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
	e.newName = newConfigEntry(e.cw.saveShown, "Name of the new OU")
	e.rename = newConfigEntry(e.cw.saveShown, "New name")
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
	ctx := context.Background()
	versions, err := e.cw.nimbus.RowVersions(ctx, "ou") // before the tree: see RowVersion
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return
	}
	tree, err := e.cw.nimbus.OUTree(ctx)
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return
	}
	e.versions = versions
	pending := e.pending() != ""
	e.tree, e.choice = tree, widgets.NewOUChoices(tree)
	e.moveTo.SetChoices(e.choice)
	e.moveTo.Refresh()
	e.ouTree.SetOUs(tree)
	if e.selected == 0 || !tree.Has(e.selected) {
		e.selected, pending = tree.Root, false
	}
	if pending { // the edits stay on screen; Save or Discard shows the OU as stored
		e.reselect()
		return
	}
	e.showSelected()
}

// onSelected shows the OU clicked in the tree, asking first about pending edits of the
// OU shown; Keep editing selects that OU again.
func (e *configOUEditor) onSelected(id int64) {
	if e.selecting || id == e.selected {
		return
	}
	e.cw.beforeLeaving([]configDraft{e}, "before showing another organization unit", func() {
		e.selected = id
		e.status.SetText("")
		e.showSelected()
	}, e.reselect)
}

// reselect selects the OU shown in the tree again, without asking or reading it.
func (e *configOUEditor) reselect() {
	e.selecting = true
	defer func() { e.selecting = false }()
	e.ouTree.SelectOU(e.selected)
}

// selectOU selects an OU in the tree as a click would.
func (e *configOUEditor) selectOU(id int64) { e.ouTree.SelectOU(id) }

// pending names the OU shown when a new name or a new parent was chosen and not saved,
// or a new OU below it was named and not added.
func (e *configOUEditor) pending() string {
	if e.tree == nil || e.rename == nil {
		return ""
	}
	var parts []string
	if strings.TrimSpace(e.rename.Text) != e.tree.Name(e.selected) || e.moveTo.Selected != "" {
		parts = append(parts, "the organization unit "+e.tree.Path(e.selected))
	}
	if strings.TrimSpace(e.newName.Text) != "" {
		parts = append(parts, fmt.Sprintf("the new organization unit %q", strings.TrimSpace(e.newName.Text)))
	}
	return strings.Join(parts, " and ")
}

// save renames, moves, then adds below, as far as each was asked for; the first refusal
// stops and keeps what was not saved.
func (e *configOUEditor) save() bool {
	if strings.TrimSpace(e.rename.Text) != e.tree.Name(e.selected) && !e.doRename() {
		return false
	}
	if e.moveTo.Selected != "" && !e.doMove() {
		return false
	}
	if strings.TrimSpace(e.newName.Text) != "" && !e.doAdd() {
		return false
	}
	return true
}

// discard shows the OU as stored again and empties the new OU's name.
func (e *configOUEditor) discard() {
	e.newName.SetText("")
	e.status.SetText("")
	e.showSelected()
}

// version is what a change to the OU is based on.
func (e *configOUEditor) version(id int64) data.RowVersion {
	return app.VersionOf(e.versions, "ou", id)
}

func (e *configOUEditor) showSelected() {
	id := e.selected
	e.title.SetText(e.tree.Path(id))
	holds, err := e.cw.nimbus.OUHolds(context.Background(), id)
	switch {
	case err != nil:
		e.holds.SetText(widgets.Failed("Cannot tell what lives in this organization unit", err, "choose it again in the tree"))
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

func (e *configOUEditor) onAdd()    { e.doAdd() }
func (e *configOUEditor) onRename() { e.doRename() }
func (e *configOUEditor) onMove()   { e.doMove() }

// doAdd creates the named OU below the one shown and shows it, unless the OU shown has
// a pending rename or move: then that OU stays shown with its edits.
func (e *configOUEditor) doAdd() bool {
	out, err := e.cw.nimbus.Do(context.Background(), app.CreateOU{Parent: e.selected, Name: e.newName.Text})
	if err == nil {
		e.newName.SetText("")
		stay := e.pending() != "" // a pending rename or move keeps the OU shown
		e.reload()
		if !stay {
			e.selected = out.ID
			e.reselect()
			e.showSelected()
		}
	}
	widgets.ShowResult(e.status, err, fmt.Sprintf("Created %s.", e.tree.Path(out.ID)))
	return err == nil
}

func (e *configOUEditor) doRename() bool {
	_, err := e.cw.nimbus.Do(context.Background(), app.RenameOU{Base: app.BasedOn(e.version(e.selected)), OU: e.selected, Name: e.rename.Text})
	if err == nil {
		move := e.moveTo.Selected // a chosen new parent stays pending
		e.rename.SetText(strings.TrimSpace(e.rename.Text))
		e.reload()
		e.showSelected()
		e.moveTo.SetSelected(move)
	}
	widgets.ShowResult(e.status, err, "Renamed to "+e.tree.Path(e.selected)+".")
	return err == nil
}

func (e *configOUEditor) doMove() bool {
	parent := e.choice.ID(e.moveTo.Selected)
	if parent == 0 {
		widgets.ShowResult(e.status, fmt.Errorf("choose the organization unit to move %s below", e.tree.Path(e.selected)), "")
		return false
	}
	_, err := e.cw.nimbus.Do(context.Background(), app.MoveOU{Base: app.BasedOn(e.version(e.selected)), OU: e.selected, Parent: parent})
	if err == nil {
		e.moveTo.ClearSelected()
		e.reload()
		e.reselect()
	}
	widgets.ShowResult(e.status, err, "Moved to "+e.tree.Path(e.selected)+".")
	return err == nil
}

func (e *configOUEditor) onDelete() {
	id, path := e.selected, e.tree.Path(e.selected)
	e.cw.confirm("Delete organization unit", fmt.Sprintf("Delete %s?", path), func() {
		_, err := e.cw.nimbus.Do(context.Background(), app.DeleteOU{Base: app.BasedOn(e.version(id)), OU: id})
		if err == nil {
			e.selected = e.tree.Parent(id)
			e.rename.SetText(e.tree.Name(e.selected))
			e.newName.SetText("")
			e.moveTo.ClearSelected()
			e.reload()
			e.reselect()
		}
		widgets.ShowResult(e.status, err, "Deleted "+path+".")
	})
}
