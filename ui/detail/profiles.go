package detail

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailProfiles is the Profiles tab (Contact Center): the responsibility profiles
// assigned to the user, one of them active (the list's "Active Profile").
type detailProfiles struct {
	p *Pane

	add     *widget.Button
	rows    *fyne.Container
	problem *widget.Label
	d       app.UserDetail

	choices []data.Profile
	pick    *widget.Select
	form    *detailFormDialog
	confirm *widgets.Confirm // the open "Remove profile" question, if any
}

func newDetailProfiles(p *Pane) *detailProfiles {
	pr := &detailProfiles{p: p, rows: container.NewVBox(), problem: widgets.NewProblem()}
	pr.add = &widget.Button{Text: "Assign profile…", OnTapped: pr.onAdd}
	return pr
}

func (pr *detailProfiles) object() fyne.CanvasObject {
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, pr.add, widgets.Note("On Duty and Off Duty are always available; other profiles come from the user's organization unit or above.")),
		pr.problem,
		detailListHeader(container.NewHBox(widget.NewButton("Make active", nil), widget.NewButton("Remove", nil)), "Profile", "State"))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(pr.rows))
}

func (pr *detailProfiles) show(d app.UserDetail) {
	pr.d = d
	widgets.ShowProblem(pr.problem, nil)
	pr.rows.RemoveAll()
	for _, up := range d.Profiles {
		up := up
		makeActive := &widget.Button{Text: "Make active", OnTapped: func() { pr.makeActive(up.ID) }}
		remove := &widget.Button{Text: "Remove", OnTapped: func() { pr.onRemove(up) }}
		state := detailCell("")
		if up.Active {
			state.SetText("Active")
			state.TextStyle.Bold = true
			makeActive.Disable()
		}
		if up.Builtin != "" {
			remove.Disable() // On Duty and Off Duty are built in and always available
			if !up.Active {
				state.SetText("Built in")
			}
		}
		pr.rows.Add(detailListRow(container.NewHBox(makeActive, remove), detailCell(up.Name), state))
	}
	if len(d.Profiles) == 0 {
		pr.rows.Add(widgets.Note("No profile assigned yet."))
	}
}

// makeActive switches the active profile through the rule.
func (pr *detailProfiles) makeActive(id int64) {
	out, err := pr.p.nimbus.Do(context.Background(), app.SetActiveProfile{Base: app.BasedOn(pr.d.Version), User: pr.d.User.ID,
		Profile: id})
	if err != nil {
		widgets.ShowProblem(pr.problem, err)
		return
	}
	pr.p.changed(pr.d.Version, out, nil)
}

func (pr *detailProfiles) onAdd() {
	var err error
	if pr.choices, err = pr.p.nimbus.AssignableProfiles(context.Background(), pr.d.User.ID); err != nil {
		widgets.ShowError(pr.p.win, fmt.Errorf("the profiles %s may hold could not be read (%w); close the window and open it again", pr.d.User.DisplayName, err))
		return
	}
	held := map[int64]bool{}
	for _, up := range pr.d.Profiles {
		held[up.ID] = true
	}
	var names []string
	var offered []data.Profile
	for _, c := range pr.choices {
		if !held[c.ID] {
			names = append(names, c.Name)
			offered = append(offered, c)
		}
	}
	pr.choices = offered
	pr.pick = &widget.Select{Options: names, PlaceHolder: "Choose a profile"}
	pr.form = detailOpenForm(pr.p.win, "Assign a profile to "+pr.d.User.DisplayName, "Assign",
		widget.NewForm(widget.NewFormItem("Profile", pr.pick)), pr.assign)
}

func (pr *detailProfiles) assign() error {
	i := pr.pick.SelectedIndex()
	if i < 0 {
		return fmt.Errorf("choose a profile")
	}
	out, err := pr.p.nimbus.Do(context.Background(), app.AssignProfile{Base: app.BasedOn(pr.d.Version), User: pr.d.User.ID,
		Profile: pr.choices[i].ID})
	if err == nil {
		pr.p.changed(pr.d.Version, out, nil)
	}
	return err
}

// onRemove checks the rule first and shows a refusal under the list; only a removal the
// rules allow is asked about, then made.
func (pr *detailProfiles) onRemove(up data.UserProfile) {
	if err := pr.p.nimbus.Check(context.Background(), pr.removal(up.ID)); err != nil {
		widgets.ShowProblem(pr.problem, err)
		return
	}
	pr.confirm = widgets.NewRemoval(pr.p.win, "Remove profile", fmt.Sprintf("Remove the profile %s from %s?", up.Name, pr.d.User.DisplayName), "Remove", func(ok bool) {
		pr.confirm = nil
		if ok {
			pr.remove(up.ID)
		}
	})
	pr.confirm.Show()
}

// removal is the change that takes a profile from the user, on the view shown.
func (pr *detailProfiles) removal(id int64) app.UnassignProfile {
	return app.UnassignProfile{Base: app.BasedOn(pr.d.Version), User: pr.d.User.ID, Profile: id}
}

func (pr *detailProfiles) remove(id int64) {
	out, err := pr.p.nimbus.Do(context.Background(), pr.removal(id))
	if err != nil {
		widgets.ShowProblem(pr.problem, err)
		return
	}
	pr.p.changed(pr.d.Version, out, nil)
}
