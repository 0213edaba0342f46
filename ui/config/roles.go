package config

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configRoleEditor is the Custom Roles screen: the roles with their holders,
// and an editor for name, OU, description and the permission tree.
type configRoleEditor struct {
	cw        *configWindow
	roles     []app.ConfigItem
	current   int64 // 0: a new role
	choice    widgets.OUChoices
	saved     app.CustomRoleSpec // the role as stored (or a new role's blank), to tell edits apart
	savedOU   string             // the OU picker's text as shown, for the same
	version   data.RowVersion    // what a save is based on
	selecting bool               // set while the list is selected again by the editor itself

	list        *widget.List
	name        *configEntry
	ou          *widgets.OUPicker
	description *configEntry
	holders     *configRoleHolders
	perms       *configPermTree
	saveBtn     *widget.Button
	deleteBtn   *widget.Button
	status      *widget.Label
}

func newConfigRoleEditor(cw *configWindow) *configRoleEditor { return &configRoleEditor{cw: cw} }

func (e *configRoleEditor) build() fyne.CanvasObject {
	e.list = widget.NewList(func() int { return len(e.roles) }, newNameAndWhereRow, e.updateRoleRow)
	e.list.OnSelected = e.onRoleSelected
	e.name = newConfigEntry(e.cw.saveShown, "Name, e.g. Workforce Planner")
	e.ou = &widgets.OUPicker{PlaceHolder: "Organization unit"}
	e.description = newConfigEntry(e.cw.saveShown, "Shown in role listings")
	e.holders = newConfigRoleHolders(e.cw)
	e.perms = newConfigPermTree(func() { e.status.SetText("Unsaved changes.") })
	e.saveBtn = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: e.onSave}
	e.deleteBtn = &widget.Button{Text: "Delete…", Importance: widget.DangerImportance, OnTapped: e.onDelete}
	e.status = widgets.NewStatus()
	newBtn := &widget.Button{Text: "New custom role", OnTapped: e.onNew}
	form := widget.NewForm(widget.NewFormItem("Name", e.name), widget.NewFormItem("Visible in", e.ou),
		widget.NewFormItem("Description", e.description), widget.NewFormItem("Users", e.holders.build()))
	top := container.NewVBox(form, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), container.NewHBox(e.saveBtn, e.deleteBtn), e.status)
	editor := container.NewBorder(top, bottom, nil, nil, e.perms.build())
	left := container.NewBorder(container.NewPadded(newBtn), nil, nil, nil, e.list)
	e.reload()
	if len(e.roles) > 0 {
		e.list.Select(0)
	}
	split := container.NewHSplit(left, container.NewPadded(editor))
	split.Offset = 0.24
	return split
}

// reload reads the roles again and shows the current one (or a blank new role).
func (e *configRoleEditor) reload() {
	roles, err := e.cw.nimbus.ConfigItems(context.Background(), data.ConfigCustomRoles)
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return
	}
	e.roles = roles
	e.choice = configLoadOUs(e.cw.nimbus, e.status)
	e.ou.SetChoices(e.choice)
	e.ou.Refresh()
	e.list.Refresh()
	if e.pending() == "" { // pending edits stay on screen; Save or Discard shows the role as stored
		e.show(e.current)
	}
}

func (e *configRoleEditor) updateRoleRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := e.roles[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(r.Name)
	holders := "held by nobody"
	switch {
	case len(r.Uses) > 0 && r.Uses[0].Count == 1:
		holders = "held by 1 user"
	case len(r.Uses) > 0:
		holders = fmt.Sprintf("held by %d users", r.Uses[0].Count)
	}
	box.Objects[1].(*widget.Label).SetText(r.OUPath + " · " + holders)
}

// onRoleSelected shows the role clicked in the list, asking first about pending edits
// of the role shown; Keep editing selects that role again.
func (e *configRoleEditor) onRoleSelected(i widget.ListItemID) {
	if e.selecting || i >= len(e.roles) || e.roles[i].ID == e.current {
		return
	}
	id := e.roles[i].ID
	e.cw.beforeLeaving([]configDraft{e}, "before showing another custom role", func() {
		e.show(id)
		e.status.SetText("")
	}, e.selectCurrent)
}

func (e *configRoleEditor) onNew() {
	e.cw.beforeLeaving([]configDraft{e}, "before starting a new custom role", func() {
		e.show(0)
		e.selectCurrent()
		e.status.SetText("")
	}, e.selectCurrent)
}

// selectCurrent selects the role being edited in the list (none for a new role) without
// asking or reading it again.
func (e *configRoleEditor) selectCurrent() {
	e.selecting = true
	defer func() { e.selecting = false }()
	for i, r := range e.roles {
		if r.ID == e.current {
			e.list.Select(i)
			return
		}
	}
	e.list.UnselectAll()
}

// show fills the editor with a role, or empties it for a new one.
func (e *configRoleEditor) show(id int64) {
	e.current = 0
	r := app.CustomRole{CustomRoleSpec: app.CustomRoleSpec{Permissions: permissions.Set{}}}
	if id != 0 {
		loaded, err := e.cw.nimbus.CustomRoleDefinition(context.Background(), id)
		if err == nil {
			r, e.current = loaded, id
		}
	}
	e.version = r.Version
	e.name.SetText(r.Name)
	e.description.SetText(r.Description)
	e.ou.SetSelected(r.OUPath)
	if r.OUPath == "" && len(e.choice.Paths) > 0 {
		e.ou.SetSelected(e.choice.Paths[0])
	}
	e.holders.show(e.current, r.Name)
	e.perms.show(r.Permissions)
	e.saved, e.savedOU = r.CustomRoleSpec, e.ou.Selected
	if e.current == 0 {
		e.saveBtn.SetText("Create role")
		e.deleteBtn.Disable()
	} else {
		e.saveBtn.SetText("Save")
		e.deleteBtn.Enable()
	}
}

func (e *configRoleEditor) spec() app.CustomRoleSpec {
	return app.CustomRoleSpec{Name: e.name.Text, OUID: e.choice.ID(e.ou.Selected), Description: e.description.Text,
		Permissions: e.perms.perms.Clone()}
}

func (e *configRoleEditor) onSave() { e.save() }

// pending names the role when its name, OU, description or permissions differ from
// what is stored.
func (e *configRoleEditor) pending() string {
	if e.name == nil {
		return ""
	}
	now := e.spec()
	same := now.Name == e.saved.Name && e.ou.Selected == e.savedOU && now.Description == e.saved.Description &&
		configSamePermissions(now.Permissions, e.saved.Permissions)
	switch {
	case same:
		return ""
	case e.current == 0:
		return "the new custom role"
	default:
		return fmt.Sprintf("the custom role %q", e.saved.Name)
	}
}

// save creates or updates the role, based on the version shown: a role changed by
// someone else since is refused as stale rather than overwritten.
func (e *configRoleEditor) save() bool {
	ctx := context.Background()
	var err error
	if e.current == 0 {
		var out app.Outcome
		out, err = e.cw.nimbus.Do(ctx, app.CreateCustomRole{CustomRoleSpec: e.spec()})
		if err == nil {
			e.current = out.ID
		}
	} else {
		_, err = e.cw.nimbus.Do(ctx, app.UpdateCustomRole{Base: app.BasedOn(e.version), Role: e.current, CustomRoleSpec: e.spec()})
	}
	name := strings.TrimSpace(e.name.Text)
	if err == nil {
		e.show(e.current)
		e.reload()
		e.selectCurrent()
	}
	widgets.ShowResult(e.status, err, fmt.Sprintf("Saved the custom role %q.", name))
	return err == nil
}

// discard shows the role as stored again.
func (e *configRoleEditor) discard() {
	e.show(e.current)
	e.status.SetText("")
}

// configSamePermissions tells whether two permission sets grant the same, an item
// without a bit counting as absent.
func configSamePermissions(a, b permissions.Set) bool {
	for k, v := range a {
		if v != b[k] {
			return false
		}
	}
	for k, v := range b {
		if v != a[k] {
			return false
		}
	}
	return true
}

func (e *configRoleEditor) onDelete() {
	id, name := e.current, e.name.Text
	e.cw.confirm("Delete custom role", fmt.Sprintf("Delete the custom role %q?", name), func() {
		_, err := e.cw.nimbus.Do(context.Background(), app.DeleteConfigItem{ConfigKind: data.ConfigCustomRoles, Item: id})
		if err == nil {
			e.show(0)
			e.reload()
			e.selectCurrent()
		}
		widgets.ShowResult(e.status, err, fmt.Sprintf("Deleted the custom role %q.", name))
	})
}
