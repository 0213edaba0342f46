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

// detailSkills is the Skills tab (Contact Center): the user's skills with their levels.
// Adding a skill and changing a level happen in a dialog whose button saves.
type detailSkills struct {
	p *Pane

	add  *widget.Button
	rows *fyne.Container
	d    app.UserDetail
	form *detailFormDialog // the open dialog, if any

	problem *widget.Label    // a refused removal, under the list
	confirm *widgets.Confirm // the open "Remove skill" question, if any

	choices    []app.DetailSkillChoice
	skillPick  *widget.Select
	levelPick  *widget.Select
	levelsShow []data.SkillLevel
}

func newDetailSkills(p *Pane) *detailSkills {
	s := &detailSkills{p: p, rows: container.NewVBox(), problem: widgets.NewProblem()}
	s.add = &widget.Button{Text: "Add skill…", OnTapped: s.onAdd}
	return s
}

func (s *detailSkills) object() fyne.CanvasObject {
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, s.add, widgets.Note("Skills from the user's organization unit or above, each with a level of its category.")),
		s.problem,
		detailListHeader(container.NewHBox(widget.NewButton("Level…", nil), widget.NewButton("Remove", nil)),
			"Skill", "Category", "Level"))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.rows))
}

func (s *detailSkills) show(d app.UserDetail) {
	s.d = d
	widgets.ShowProblem(s.problem, nil)
	s.rows.RemoveAll()
	for _, us := range d.Skills {
		us := us
		level := us.LevelName
		if level == "" {
			level = "(no levels)"
		}
		s.rows.Add(detailListRow(container.NewHBox(
			&widget.Button{Text: "Level…", OnTapped: func() { s.openDialog(us.Skill.ID) }},
			&widget.Button{Text: "Remove", OnTapped: func() { s.onRemove(us) }}),
			detailCell(us.Skill.Name), detailCell(us.Category), detailCell(level)))
	}
	if len(d.Skills) == 0 {
		s.rows.Add(widgets.Note("No skills yet."))
	}
}

func (s *detailSkills) onAdd() { s.openDialog(0) }

// openDialog offers the skills the user may hold (skillID 0) or the levels of one they
// hold.
func (s *detailSkills) openDialog(skillID int64) {
	var err error
	if s.choices, err = s.p.nimbus.AssignableSkills(context.Background(), s.d.User.ID); err != nil {
		widgets.ShowError(s.p.win, fmt.Errorf("the skills %s may hold could not be read (%w); close the window and open it again", s.d.User.DisplayName, err))
		return
	}
	if skillID == 0 { // adding: offer only the skills the user does not hold yet
		held := map[int64]bool{}
		for _, us := range s.d.Skills {
			held[us.Skill.ID] = true
		}
		s.choices = slices.DeleteFunc(s.choices, func(c app.DetailSkillChoice) bool { return held[c.Skill.ID] })
	}
	var names []string
	for _, c := range s.choices {
		names = append(names, c.Skill.Name+" ("+c.Category+")")
	}
	s.levelPick = &widget.Select{PlaceHolder: "Choose a level"}
	s.skillPick = &widget.Select{Options: names, PlaceHolder: "Choose a skill", OnChanged: func(string) { s.onSkillPicked() }}
	title, verb := "Add a skill to "+s.d.User.DisplayName, "Assign"
	if skillID != 0 {
		for i, c := range s.choices {
			if c.Skill.ID == skillID {
				s.skillPick.SetSelectedIndex(i)
			}
		}
		s.skillPick.Disable()
		title, verb = "Level of "+s.skillPick.Selected, "Save"
	}
	form := widget.NewForm(widget.NewFormItem("Skill", s.skillPick), widget.NewFormItem("Level", s.levelPick))
	s.form = detailOpenForm(s.p.win, title, verb, form, s.save)
}

// onSkillPicked offers the levels of the chosen skill's category.
func (s *detailSkills) onSkillPicked() {
	i := s.skillPick.SelectedIndex()
	if i < 0 {
		return
	}
	s.levelsShow = s.choices[i].Levels
	var opts []string
	for _, l := range s.levelsShow {
		opts = append(opts, fmt.Sprintf("%s (%d)", l.Name, l.Value))
	}
	s.levelPick.Options = opts
	s.levelPick.ClearSelected()
	for _, held := range s.d.Skills {
		if held.Skill.ID == s.choices[i].Skill.ID {
			for j, l := range s.levelsShow {
				if l.ID == held.LevelID {
					s.levelPick.SetSelectedIndex(j)
				}
			}
		}
	}
	if len(opts) == 0 {
		s.levelPick.PlaceHolder = "This category has no levels"
		s.levelPick.Disable()
	} else {
		s.levelPick.PlaceHolder = "Choose a level"
		s.levelPick.Enable()
	}
	s.levelPick.Refresh()
}

// save gives the skill at the chosen level through the rule.
func (s *detailSkills) save() error {
	i := s.skillPick.SelectedIndex()
	if i < 0 {
		return fmt.Errorf("choose a skill")
	}
	var level int64
	if j := s.levelPick.SelectedIndex(); j >= 0 {
		level = s.levelsShow[j].ID
	}
	out, err := s.p.nimbus.Do(context.Background(), app.SetUserSkill{Base: app.BasedOn(s.d.Version), User: s.d.User.ID,
		Skill: s.choices[i].Skill.ID, Level: level})
	if err == nil {
		s.p.changed(s.d.Version, out, nil)
	}
	return err
}

// onRemove checks the rule first and shows a refusal under the list; only a removal the
// rules allow is asked about, then made.
func (s *detailSkills) onRemove(us data.UserSkill) {
	removal := app.RemoveUserSkill{Base: app.BasedOn(s.d.Version), User: s.d.User.ID, Skill: us.Skill.ID}
	if err := s.p.nimbus.Check(context.Background(), removal); err != nil {
		widgets.ShowProblem(s.problem, err)
		return
	}
	s.confirm = widgets.NewRemoval(s.p.win, "Remove skill", fmt.Sprintf("Remove the skill %s from %s?", us.Skill.Name, s.d.User.DisplayName), "Remove", func(ok bool) {
		s.confirm = nil
		if !ok {
			return
		}
		out, err := s.p.nimbus.Do(context.Background(), removal)
		if err != nil {
			widgets.ShowProblem(s.problem, err)
			return
		}
		s.p.changed(s.d.Version, out, nil)
	})
	s.confirm.Show()
}
