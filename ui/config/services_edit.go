package config

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configServicesEdit changes the shown service itself: the licence it carries (any
// service), and the name and existence of a Skill-based or None service. An MS
// Teams-based service takes its name from its Team and follows it, so it has neither.
type configServicesEdit struct {
	s       *configServicesScreen
	service data.Service
	filling bool   // set while show fills the licence picker, so that it changes nothing
	shown   string // the name as shown before the admin edited it

	licence   *widget.Select
	name      *configEntry
	renameBtn *widget.Button
	deleteBtn *widget.Button
	naming    *fyne.Container // name, Rename and Delete
}

func newConfigServicesEdit(s *configServicesScreen) *configServicesEdit {
	return &configServicesEdit{s: s}
}

func (e *configServicesEdit) build() fyne.CanvasObject {
	e.licence = &widget.Select{Options: configServicesLicenceNames(), OnChanged: e.onLicenceChanged}
	e.name = newConfigEntry(e.s.cw.saveShown, "The service's name")
	e.renameBtn = &widget.Button{Text: "Rename", OnTapped: e.onRename}
	e.deleteBtn = &widget.Button{Text: "Delete service…", Importance: widget.DangerImportance, OnTapped: e.onDelete}
	e.naming = container.NewBorder(nil, nil, &widget.Label{Text: "Name"}, container.NewHBox(e.renameBtn, e.deleteBtn), e.name)
	return container.NewVBox(widget.NewForm(widget.NewFormItem("Licence", e.licence)), e.naming)
}

// show fills the part for a service.
// A pending rename of the same service stays.
func (e *configServicesEdit) show(sv data.Service) {
	keep := sv.ID == e.service.ID && e.pending() != ""
	e.service = sv
	e.filling = true
	e.licence.SetSelected(sv.Licence.String())
	e.filling = false
	if !keep {
		e.name.SetText(sv.Name)
		e.shown = sv.Name
	}
	if sv.AssignmentType == data.TeamsBased {
		e.naming.Hide()
	} else {
		e.naming.Show()
	}
}

// onLicenceChanged gives the service the chosen licence; a refusal puts the picker back.
func (e *configServicesEdit) onLicenceChanged(label string) {
	if e.filling {
		return
	}
	sv, l := e.service, configServicesLicence(label)
	if _, err := e.s.cw.nimbus.Do(context.Background(), app.SetServiceLicence{Base: app.BasedOn(e.s.base), Service: sv.ID, Licence: l}); err != nil {
		e.filling = true
		e.licence.SetSelected(sv.Licence.String())
		e.filling = false
		widgets.ShowResult(e.s.status, err, "")
		return
	}
	e.s.adopt = true
	e.s.refresh()
	widgets.ShowResult(e.s.status, nil, fmt.Sprintf("%q carries the %s licence.", sv.Name, l))
}

func (e *configServicesEdit) onRename() { e.rename() }

// pending names the service when its name was edited and not saved.
func (e *configServicesEdit) pending() string {
	if e.name == nil || e.service.ID == 0 || e.service.AssignmentType == data.TeamsBased || e.name.Text == e.shown {
		return ""
	}
	return fmt.Sprintf("the name of the service %q", e.shown)
}

// rename saves the edited name, based on the version shown; false when refused.
func (e *configServicesEdit) rename() bool {
	sv, name := e.service, strings.TrimSpace(e.name.Text)
	if _, err := e.s.cw.nimbus.Do(context.Background(), app.RenameService{Base: app.BasedOn(e.s.base), Service: sv.ID, Name: e.name.Text}); err != nil {
		widgets.ShowResult(e.s.status, err, "")
		return false
	}
	e.name.SetText(name)
	e.shown = name
	e.s.adopt = true
	e.s.refresh()
	widgets.ShowResult(e.s.status, nil, fmt.Sprintf("Renamed %q to %q.", sv.Name, name))
	return true
}

// discard shows the stored name again.
func (e *configServicesEdit) discard() {
	e.name.SetText(e.shown)
}

// onDelete asks before deleting the service, naming everyone who would leave it.
func (e *configServicesEdit) onDelete() {
	sv := e.service
	affected, err := e.s.cw.nimbus.ServiceDeleteImpact(context.Background(), sv.ID)
	if err != nil {
		widgets.ShowResult(e.s.status, err, "")
		return
	}
	names := app.ServiceMemberNames(affected)
	question := fmt.Sprintf("Delete the %s service %q?", sv.AssignmentType, sv.Name)
	if len(names) > 0 {
		question += fmt.Sprintf("\n\nThese %s users leave it and lose the Agent and Service Owner roles it granted; they stay Nimbus users:\n\n%s",
			app.Thousands(len(names)), configFirstNames(names, configDialogNames))
	}
	e.s.cw.confirm("Delete service", question, func() {
		if _, err := e.s.cw.nimbus.Do(context.Background(), app.DeleteService{Base: app.BasedOn(e.s.base), Service: sv.ID, Confirmed: len(names) > 0}); err != nil {
			widgets.ShowResult(e.s.status, err, "")
			return
		}
		e.s.current = 0
		e.name.SetText("")
		e.shown = ""
		e.s.refresh()
		e.s.showNew()
		widgets.ShowResult(e.s.status, nil, fmt.Sprintf("Deleted the %s service %q.", sv.AssignmentType, sv.Name))
	})
}

// configDialogNames is how many people a question names before it says how many more:
// a question must fit the screen however many users a change touches.
const configDialogNames = 12

// configFirstNames lists the first n names one per line, then how many more there are.
func configFirstNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, "\n")
	}
	return strings.Join(names[:n], "\n") + fmt.Sprintf("\n… and %s more", app.Thousands(len(names)-n))
}
