package detail

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailRoles is the Roles tab: each role with its OU scope and whether it was granted
// automatically. Adding, re-scoping and removing each happen in a dialog whose button
// saves; locked roles say why instead of offering Edit and Remove.
type detailRoles struct {
	p *Pane

	lock, custom, hint *widget.Label
	add                *widget.Button
	rows               *fyne.Container
	problems           map[int64]*widget.Label // per assignment: the rule's message
	removeBtns         map[int64]*widget.Button
	editBtns           map[int64]*widget.Button

	d       app.UserDetail
	dialog  *detailRoleDialog // the open add or scope dialog, if any
	confirm *widgets.Confirm  // the open "Remove role" question, if any
}

func newDetailRoles(p *Pane) *detailRoles {
	r := &detailRoles{p: p, lock: widgets.NewProblem(), custom: widgets.Note(""), hint: widgets.Note(""), rows: container.NewVBox()}
	r.lock.Importance = widget.WarningImportance
	r.add = &widget.Button{Text: "Add role…", OnTapped: r.onAdd}
	return r
}

func (r *detailRoles) object() fyne.CanvasObject {
	top := container.NewVBox(container.NewBorder(nil, nil, nil, r.add, container.NewVBox(r.custom, r.hint)), r.lock,
		detailListHeader(container.NewHBox(widget.NewButton("Scope…", nil), widget.NewButton("Remove", nil)),
			"Role", "Scope (organization unit)", "Granted"))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(r.rows))
}

func (r *detailRoles) show(d app.UserDetail) {
	r.d = d
	st, err := r.p.nimbus.RoleStatus(context.Background(), d.User.ID)
	if err != nil {
		st.Manage = widgets.Failed("Cannot read the roles of "+d.User.DisplayName, err, "select the user again in the list")
	}
	whole := st.Manage
	widgets.ShowProblem(r.lock, detailErrText(whole))
	r.hint.SetText(st.Hint)
	if st.Hint == "" {
		r.hint.Hide()
	} else {
		r.hint.Show()
	}
	if whole != "" {
		r.add.Disable()
	} else {
		r.add.Enable()
	}
	custom := 0
	r.rows.RemoveAll()
	tree, err := r.p.nimbus.OUTree(context.Background())
	if err != nil {
		r.rows.Add(widgets.NewReason(widgets.Failed("Cannot read the organization units", err, "select the user again in the list")))
		return
	}
	r.problems, r.removeBtns, r.editBtns = map[int64]*widget.Label{}, map[int64]*widget.Button{}, map[int64]*widget.Button{}
	seen := map[int64]bool{}
	for _, as := range d.Roles {
		as := as
		if as.Role.Kind == data.CustomRole && !seen[as.Role.ID] {
			seen[as.Role.ID] = true
			custom++
		}
		name := as.Role.Name
		if as.Role.Kind == data.CustomRole {
			name += " (custom)"
		}
		problem := widgets.NewProblem()
		r.problems[as.ID] = problem
		edit := &widget.Button{Text: "Scope…", OnTapped: func() { r.onEditScope(as) }}
		remove := &widget.Button{Text: "Remove", OnTapped: func() { r.onRemove(as) }}
		r.editBtns[as.ID], r.removeBtns[as.ID] = edit, remove
		granted := "by an admin"
		if as.AutoGranted {
			granted = "automatically"
		}
		if effect := st.NoEffect[as.ID]; effect != "" {
			granted += " · " + effect
		}
		if reason := st.Locked[as.ID]; reason != "" {
			problem.SetText(reason)
			problem.Importance, problem.SizeName = widget.MediumImportance, theme.SizeNameCaptionText
			problem.Show()
		}
		if st.Locked[as.ID] != "" || whole != "" {
			edit.Disable()
			remove.Disable()
		}
		r.rows.Add(container.NewVBox(
			detailListRow(container.NewHBox(edit, remove), detailCell(name), detailCell(tree.Path(as.ScopeOUID)), detailCell(granted)),
			problem))
	}
	if len(d.Roles) == 0 {
		r.rows.Add(widgets.Note("This user holds no role yet."))
	}
	r.custom.SetText(fmt.Sprintf("Custom roles: %d of at most %d per user.", custom, app.MaxCustomRoles))
}

// detailErrText turns a message into an error for widgets.ShowProblem ("" for none).
func detailErrText(msg string) error {
	if msg == "" {
		return nil
	}
	return fmt.Errorf("%s", msg)
}

// onRemove checks the rule first and shows a refusal beside the row; only a removal the
// rules allow is asked about, then made.
func (r *detailRoles) onRemove(as data.RoleAssignment) {
	if err := r.p.nimbus.Check(context.Background(), r.removal(as)); err != nil {
		r.refused(as, err)
		return
	}
	r.confirm = widgets.NewRemoval(r.p.win, "Remove role", fmt.Sprintf("Remove %s from %s?", as.Role.Name, r.d.User.DisplayName), "Remove", func(ok bool) {
		r.confirm = nil
		if ok {
			r.remove(as)
		}
	})
	r.confirm.Show()
}

// removal is the change that removes an assignment, on the view shown.
func (r *detailRoles) removal(as data.RoleAssignment) app.RemoveRole {
	return app.RemoveRole{Base: app.BasedOn(r.d.Version), User: r.d.User.ID, Assignment: as.ID}
}

func (r *detailRoles) remove(as data.RoleAssignment) {
	out, err := r.p.nimbus.Do(context.Background(), r.removal(as))
	if err != nil {
		r.refused(as, err)
		return
	}
	r.p.changed(r.d.Version, out, nil)
}

// refused shows the rule's message beside the assignment's row.
func (r *detailRoles) refused(as data.RoleAssignment, err error) {
	if l := r.problems[as.ID]; l != nil {
		l.Importance, l.SizeName = widget.DangerImportance, theme.SizeNameText
		widgets.ShowProblem(l, err)
	}
}

func (r *detailRoles) onAdd() { r.openDialog(nil) }

func (r *detailRoles) onEditScope(as data.RoleAssignment) { r.openDialog(&as) }
