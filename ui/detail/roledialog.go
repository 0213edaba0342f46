package detail

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailRoleDialog adds a role in an OU scope, or moves an assignment to another scope.
// It warns of self-elevation before the admin saves, and keeps the rule's message inside
// the dialog when a rule refuses.
type detailRoleDialog struct {
	r       *detailRoles
	editing *data.RoleAssignment

	roles   []data.Role
	scopes  widgets.OUChoices
	role    *widget.Select
	scope   *widgets.OUPicker
	warning *widget.Label
	problem *widget.Label
	save    *widget.Button
	dlg     *widgets.Custom
}

func (r *detailRoles) openDialog(editing *data.RoleAssignment) {
	ctx := context.Background()
	dd := &detailRoleDialog{r: r, editing: editing, warning: widgets.NewProblem(), problem: widgets.NewProblem()}
	dd.warning.Importance = widget.WarningImportance
	tree, err := r.p.nimbus.OUTree(ctx)
	if err == nil {
		dd.roles, err = r.p.nimbus.AssignableRoles(ctx, r.d.User.ID)
	}
	if err != nil {
		widgets.ShowError(r.p.win, fmt.Errorf("the roles %s may hold could not be read (%w); close the window and open it again", r.d.User.DisplayName, err))
		return
	}
	dd.scopes = widgets.NewOUChoices(tree)
	var roleNames []string
	for _, role := range dd.roles {
		roleNames = append(roleNames, detailRoleLabel(role))
	}
	dd.role = &widget.Select{Options: roleNames, PlaceHolder: "Choose a role", OnChanged: func(string) { dd.check() }}
	dd.scope = &widgets.OUPicker{PlaceHolder: "Choose the OU it applies in", OnChanged: func(string) { dd.check() }}
	dd.scope.SetChoices(dd.scopes)
	title, verb := "Add a role to "+r.d.User.DisplayName, "Assign"
	if editing != nil {
		title, verb = "Scope of "+editing.Role.Name, "Save"
		dd.role.Options = []string{detailRoleLabel(editing.Role)}
		dd.role.SetSelected(detailRoleLabel(editing.Role))
		dd.role.Disable()
		dd.scope.SetSelected(tree.Path(editing.ScopeOUID))
	} else {
		dd.scope.SetSelected(tree.Path(r.d.User.OUID))
	}
	dd.save = &widget.Button{Text: verb, Importance: widget.HighImportance, OnTapped: dd.onSave}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { dd.close() }}
	form := widget.NewForm(widget.NewFormItem("Role", dd.role), widget.NewFormItem("Scope", dd.scope))
	content := container.NewVBox(form, dd.warning, dd.problem)
	// Esc cancels; Enter does what the highlighted button says, once it is enabled.
	dd.dlg = widgets.NewCustom(r.p.win, title, content, cancel.OnTapped, func() { widgets.Press(dd.save) })
	dd.dlg.SetButtons([]fyne.CanvasObject{cancel, dd.save})
	dd.dlg.Resize(fyne.NewSize(560, 320))
	r.dialog = dd
	dd.check()
	dd.dlg.Show()
}

func detailRoleLabel(r data.Role) string {
	switch r.Kind {
	case data.CustomRole:
		return r.Name + " (custom)"
	case data.AdminRole:
		return r.Name + " (admin)"
	}
	return r.Name + " (portal)"
}

// chosen reads the role and scope picked, with ok false until both are.
func (dd *detailRoleDialog) chosen() (data.Role, int64, bool) {
	ri, scope := dd.role.SelectedIndex(), dd.scopes.ID(dd.scope.Selected)
	if scope == 0 || (dd.editing == nil && ri < 0) {
		return data.Role{}, 0, false
	}
	if dd.editing != nil {
		return dd.editing.Role, scope, true
	}
	return dd.roles[ri], scope, true
}

// check shows the self-elevation warning for what is picked now.
func (dd *detailRoleDialog) check() {
	if dd.save == nil {
		return
	}
	role, scope, ok := dd.chosen()
	if !ok {
		dd.save.Disable()
		widgets.ShowProblem(dd.warning, nil)
		return
	}
	dd.save.Enable()
	var replacing int64
	if dd.editing != nil {
		replacing = dd.editing.ID
	}
	warn, err := dd.r.p.nimbus.SelfElevationWarning(context.Background(), dd.r.d.User.ID, role.ID, scope, replacing)
	if err != nil {
		warn = widgets.Failed("Cannot tell whether this role would change your own rights", err, "choose the role again")
	}
	widgets.ShowProblem(dd.warning, detailErrText(warn))
}

// onSave applies the change through the rule; on refusal the dialog stays open with the
// rule's message.
func (dd *detailRoleDialog) onSave() {
	role, scope, ok := dd.chosen()
	if !ok {
		return
	}
	ctx := context.Background()
	based := dd.r.d.Version
	var out app.Outcome
	var err error
	if dd.editing != nil {
		out, err = dd.r.p.nimbus.Do(ctx, app.ChangeRoleScope{Base: app.BasedOn(based), User: dd.r.d.User.ID,
			Assignment: dd.editing.ID, Scope: scope})
	} else {
		out, err = dd.r.p.nimbus.Do(ctx, app.AssignRole{Base: app.BasedOn(based), User: dd.r.d.User.ID,
			Role: role.ID, Scope: scope})
	}
	if err != nil {
		widgets.ShowProblem(dd.problem, err)
		return
	}
	dd.close()
	dd.r.p.changed(based, out, nil)
}

func (dd *detailRoleDialog) close() {
	dd.dlg.Hide()
	if dd.r.dialog == dd {
		dd.r.dialog = nil
	}
}

// detailSelectOption picks the option whose text is label in a drop-down or an OU
// picker, for tests and callers that know the name; false when it is not offered.
func detailSelectOption(s fyne.CanvasObject, label string) bool {
	switch s := s.(type) {
	case *widget.Select:
		if slices.Contains(s.Options, label) {
			s.SetSelected(label)
			return true
		}
	case *widgets.OUPicker:
		s.SetSelected(label)
		return s.Selected == label
	}
	return false
}
