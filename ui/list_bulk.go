package ui

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// bulkAction is a change the window can make to several selected users at once; each
// user's change goes through the same command and rules as when made for them alone.
type bulkAction int

// The changes for several users.
const (
	bulkGrant bulkAction = iota
	bulkRevoke
	bulkMove
	bulkRole
	bulkDelete
)

// bulkActionNames are the changes as the dialog offers them, in bulkAction order.
var bulkActionNames = []string{"Grant a licence", "Revoke a licence", "Move to an organization unit", "Add a role", "Delete from Nimbus"}

// bulkForm is the dialog that asks what to do to the selected users.
type bulkForm struct {
	l       *listTools
	rows    []*userlist.Row
	dlg     *widgets.Custom
	action  *widget.Select
	licence *widget.Select
	ou      *widgets.OUPicker
	role    *widget.Select
	scope   *widgets.OUPicker
	drop    *widget.Check // revoke with what needs the licence ended, move with what is out of scope removed
	apply   *widget.Button
	roles   []data.Role
	form    *widget.Form
}

// openBulk asks what to do to the selected users, starting with the action given.
func (l *listTools) openBulk(start bulkAction) {
	rows := l.m.table.selectedRows()
	if len(rows) == 0 || l.running != nil {
		return
	}
	roles, err := l.m.nimbus.Roles(context.Background())
	if err != nil {
		widgets.ShowError(l.m.win, fmt.Errorf("the roles could not be read (%w); nothing was changed", err))
		return
	}
	b := &bulkForm{l: l, rows: rows, roles: roles}
	var licences, roleNames []string
	for _, lic := range data.AllLicences {
		licences = append(licences, lic.String())
	}
	for _, r := range roles {
		roleNames = append(roleNames, r.Name)
	}
	b.licence = &widget.Select{Options: licences, PlaceHolder: "Choose a licence", OnChanged: b.changed}
	b.ou = widgets.NewOUPicker(l.m.index.Tree, b.changed)
	b.ou.PlaceHolder = "Choose the OU to move them to"
	b.role = &widget.Select{Options: roleNames, PlaceHolder: "Choose a role", OnChanged: b.changed}
	b.scope = widgets.NewOUPicker(l.m.index.Tree, b.changed)
	b.scope.PlaceHolder = "Choose the OU it applies in"
	b.drop = widget.NewCheck("", nil)
	b.action = &widget.Select{Options: bulkActionNames, OnChanged: b.changed}
	b.form = widget.NewForm()
	b.apply = &widget.Button{Importance: widget.HighImportance, OnTapped: b.onApply}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { b.dlg.Hide() }}
	note := widgets.Note("Each user is changed through the same rules as on their own; those the rules refuse are listed afterwards with the reason.")
	// Esc cancels; Enter applies once the form is complete (a deletion still asks first).
	b.dlg = widgets.NewCustom(l.m.win, fmt.Sprintf("Change %s", usersText(len(rows))), container.NewVBox(b.form, note), cancel.OnTapped, func() { widgets.Press(b.apply) })
	b.dlg.SetButtons([]fyne.CanvasObject{cancel, b.apply})
	b.dlg.Resize(fyne.NewSize(600, 340))
	l.bulkForm = b
	b.dlg.SetOnClosed(func() { l.bulkForm = nil })
	b.action.SetSelected(bulkActionNames[start])
	b.dlg.Show()
}

// changed shows the fields the chosen action needs and enables Apply once they are filled.
func (b *bulkForm) changed(string) {
	if b.form == nil || b.apply == nil {
		return
	}
	act := bulkAction(b.action.SelectedIndex())
	items := []*widget.FormItem{widget.NewFormItem("Change", b.action)}
	ready := true
	switch act {
	case bulkGrant:
		items = append(items, widget.NewFormItem("Licence", b.licence))
		ready = b.licence.SelectedIndex() >= 0
	case bulkRevoke:
		b.drop.Text = "Also end what needs the licence (otherwise users with such things are refused)"
		items = append(items, widget.NewFormItem("Licence", b.licence), widget.NewFormItem("", b.drop))
		ready = b.licence.SelectedIndex() >= 0
	case bulkMove:
		b.drop.Text = "Also remove what is assigned from outside the new OU (otherwise those users are refused)"
		items = append(items, widget.NewFormItem("Move to", b.ou), widget.NewFormItem("", b.drop))
		ready = b.ou.SelectedID() != 0
	case bulkRole:
		items = append(items, widget.NewFormItem("Role", b.role), widget.NewFormItem("Scope", b.scope))
		ready = b.role.SelectedIndex() >= 0 && b.scope.SelectedID() != 0
	}
	if !slices.EqualFunc(b.form.Items, items, func(x, y *widget.FormItem) bool { return x.Widget == y.Widget }) {
		b.drop.Checked = false // asked anew for each kind of change
		b.form.Items = items
		b.form.Refresh()
	}
	b.drop.Refresh()
	if act == bulkDelete {
		b.apply.SetText(fmt.Sprintf("Delete %s…", usersText(len(b.rows)))) // a question follows
	} else {
		b.apply.SetText("Apply to " + usersText(len(b.rows)))
	}
	widgets.EnableWhen(b.apply, ready)
}

// job builds the chosen change, with ok false when the form is not filled in. Users the
// list shows as already so (holding the licence granted, lacking the one revoked, in the
// OU moved to) are left alone and counted.
func (b *bulkForm) job() (bulkJob, bool) {
	j := bulkJob{what: b.action.Selected}
	switch act := bulkAction(b.action.SelectedIndex()); act {
	case bulkGrant, bulkRevoke:
		i := b.licence.SelectedIndex()
		if i < 0 {
			return j, false
		}
		lic, drop := data.AllLicences[i], b.drop.Checked
		j.what += ": " + lic.String()
		if act == bulkGrant {
			j.build = func(id string) app.Command { return app.ChangeLicences{User: id, Grant: lic} }
			j.already, j.alreadyText = func(r *userlist.Row) bool { return r.Licences.Has(lic) }, "already held it"
		} else {
			j.build = func(id string) app.Command { return app.ChangeLicences{User: id, Revoke: lic, DropDependent: drop} }
			j.already, j.alreadyText = func(r *userlist.Row) bool { return !r.Licences.Has(lic) }, "did not hold it"
		}
	case bulkMove:
		ou, drop := b.ou.SelectedID(), b.drop.Checked
		if ou == 0 {
			return j, false
		}
		j.what += ": " + b.ou.Selected
		j.build = func(id string) app.Command { return app.MoveUser{User: id, OU: ou, DropOutOfScope: drop} }
		j.already, j.alreadyText = func(r *userlist.Row) bool { return r.OUID == ou }, "were there already"
	case bulkRole:
		i, scope := b.role.SelectedIndex(), b.scope.SelectedID()
		if i < 0 || scope == 0 {
			return j, false
		}
		role := b.roles[i].ID
		j.what += ": " + b.roles[i].Name + " in " + b.scope.Selected
		j.build = func(id string) app.Command { return app.AssignRole{User: id, Role: role, Scope: scope} }
	case bulkDelete:
		j.build = func(id string) app.Command { return app.DeleteUser{User: id} }
	default:
		return j, false
	}
	return j, true
}

// onApply closes the form and runs the change for every selected user; a delete first
// checks who may be deleted and asks about the others.
func (b *bulkForm) onApply() {
	job, ok := b.job()
	if !ok {
		return
	}
	b.dlg.Hide()
	if bulkAction(b.action.SelectedIndex()) == bulkDelete {
		b.l.deleteSeveral(b.rows)
		return
	}
	b.l.runBulk(job, b.rows, nil)
}
