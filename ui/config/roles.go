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
	cw      *configWindow
	roles   []app.ConfigItem
	current int64 // 0: a new role
	choice  widgets.OUChoices

	list        *widget.List
	name        *widget.Entry
	ou          *widgets.OUPicker
	description *widget.Entry
	holders     *widget.Label
	perms       *configPermTree
	saveBtn     *widget.Button
	deleteBtn   *widget.Button
	status      *widget.Label
}

func newConfigRoleEditor(cw *configWindow) *configRoleEditor { return &configRoleEditor{cw: cw} }

func (e *configRoleEditor) build() fyne.CanvasObject {
	e.list = widget.NewList(func() int { return len(e.roles) }, e.newRoleRow, e.updateRoleRow)
	e.list.OnSelected = e.onRoleSelected
	e.name = &widget.Entry{PlaceHolder: "Name, e.g. Workforce Planner"}
	e.ou = &widgets.OUPicker{PlaceHolder: "Organization unit"}
	e.description = &widget.Entry{PlaceHolder: "Shown in role listings"}
	e.holders = &widget.Label{Wrapping: fyne.TextWrapWord}
	e.perms = newConfigPermTree(func() { e.status.SetText("Unsaved changes.") })
	e.saveBtn = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: e.onSave}
	e.deleteBtn = &widget.Button{Text: "Delete…", Importance: widget.DangerImportance, OnTapped: e.onDelete}
	e.status = widgets.NewStatus()
	newBtn := &widget.Button{Text: "New custom role", OnTapped: e.onNew}
	form := widget.NewForm(widget.NewFormItem("Name", e.name), widget.NewFormItem("Visible in", e.ou),
		widget.NewFormItem("Description", e.description), widget.NewFormItem("Users", e.holders))
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
		widgets.ShowOutcome(e.status, err, "")
		return
	}
	e.roles = roles
	e.choice = configLoadOUs(e.cw.nimbus, e.status)
	e.ou.SetChoices(e.choice)
	e.ou.Refresh()
	e.list.Refresh()
	e.show(e.current)
}

func (e *configRoleEditor) newRoleRow() fyne.CanvasObject {
	name, where := widget.NewLabel(""), widget.NewLabel("")
	name.TextStyle.Bold, name.Truncation = true, fyne.TextTruncateEllipsis
	where.Truncation, where.Importance = fyne.TextTruncateEllipsis, widget.LowImportance
	return container.NewVBox(name, where)
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

func (e *configRoleEditor) onRoleSelected(i widget.ListItemID) {
	if i < len(e.roles) {
		e.show(e.roles[i].ID)
		e.status.SetText("")
	}
}

func (e *configRoleEditor) onNew() {
	e.list.UnselectAll()
	e.show(0)
	e.status.SetText("")
}

// show fills the editor with a role, or empties it for a new one.
func (e *configRoleEditor) show(id int64) {
	e.current = 0
	r := app.CustomRole{CustomRoleSpec: app.CustomRoleSpec{Permissions: permissions.Set{}}}
	if id != 0 {
		loaded, err := e.cw.nimbus.CustomRole(context.Background(), id)
		if err == nil {
			r, e.current = loaded, id
		}
	}
	e.name.SetText(r.Name)
	e.description.SetText(r.Description)
	e.ou.SetSelected(r.OUPath)
	if r.OUPath == "" && len(e.choice.Paths) > 0 {
		e.ou.SetSelected(e.choice.Paths[0])
	}
	e.holders.SetText(configHolders(r.Holders))
	e.perms.show(r.Permissions)
	if e.current == 0 {
		e.saveBtn.SetText("Create role")
		e.deleteBtn.Disable()
	} else {
		e.saveBtn.SetText("Save")
		e.deleteBtn.Enable()
	}
}

func configHolders(hs []app.CustomRoleHolder) string {
	if len(hs) == 0 {
		return "Nobody holds this role yet; assign it on a user's Roles tab."
	}
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = fmt.Sprintf("%s (in %s)", h.DisplayName, h.ScopePath)
	}
	return strings.Join(parts, ", ")
}

func (e *configRoleEditor) spec() app.CustomRoleSpec {
	return app.CustomRoleSpec{Name: e.name.Text, OUID: e.choice.ID(e.ou.Selected), Description: e.description.Text,
		Permissions: e.perms.perms.Clone()}
}

func (e *configRoleEditor) onSave() {
	ctx := context.Background()
	var err error
	if e.current == 0 {
		var out app.Outcome
		out, err = e.cw.nimbus.Do(ctx, app.CreateCustomRole{CustomRoleSpec: e.spec()})
		e.current = out.ID
	} else {
		_, err = e.cw.nimbus.Do(ctx, app.UpdateCustomRole{Role: e.current, CustomRoleSpec: e.spec()})
	}
	name := strings.TrimSpace(e.name.Text)
	if err == nil {
		e.reload()
	}
	widgets.ShowOutcome(e.status, err, fmt.Sprintf("Saved the custom role %q.", name))
}

func (e *configRoleEditor) onDelete() {
	id, name := e.current, e.name.Text
	e.cw.confirm("Delete custom role", fmt.Sprintf("Delete the custom role %q?", name), func() {
		_, err := e.cw.nimbus.Do(context.Background(), app.DeleteConfigItem{ConfigKind: data.ConfigCustomRoles, Item: id})
		if err == nil {
			e.current = 0
			e.list.UnselectAll()
			e.reload()
		}
		widgets.ShowOutcome(e.status, err, fmt.Sprintf("Deleted the custom role %q.", name))
	})
}
