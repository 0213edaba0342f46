package config

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configServicesTypes are the user assignment types in the order the create form offers them.
var configServicesTypes = []data.AssignmentType{data.TeamsBased, data.SkillBased, data.NoUsers}

// configServicesScreen is the Services screen: every service with its user assignment
// type, OU and user count; a form that creates a service of any of the three types with
// its licence (config_services_create.go); the selected service, its licence, name and
// users (config_services_members.go, config_services_edit.go, config_services_teams.go);
// and the feature matrix of the type in view.
type configServicesScreen struct {
	cw       *configWindow
	services []data.Service
	current  int64 // the service shown; 0 while creating one
	choice   widgets.OUChoices
	teamIDs  map[string]string // Team picker label → Team id
	versions map[int64]data.RowVersion
	base     data.RowVersion // the version of the service shown, that every change to it is based on
	adopt    bool            // set after the admin's own accepted change, so that base follows it

	list    *widget.List
	newBtn  *widget.Button
	create  *fyne.Container
	detail  *fyne.Container
	kind    *widget.RadioGroup
	team    *widget.Select
	name    *configEntry
	licence *widget.Select
	ou      *widgets.OUPicker
	which   *widget.FormItem // "Team" for a Teams-based service, else "Name"
	form    *widget.Form
	saveBtn *widget.Button
	matrix  *configServicesMatrix
	members *configServicesMembers
	status  *widget.Label
	right   *fyne.Container   // the create form or the service, the matrix and the status
	scroll  *container.Scroll // around right
}

func newConfigServices(cw *configWindow) *configServicesScreen {
	return &configServicesScreen{cw: cw, teamIDs: map[string]string{}}
}

func (s *configServicesScreen) build() fyne.CanvasObject {
	s.list = widget.NewList(func() int { return len(s.services) }, newNameAndWhereRow, s.updateServiceRow)
	s.list.OnSelected = s.onServiceSelected
	s.newBtn = &widget.Button{Text: "Create service", OnTapped: s.onNew}
	s.status = widgets.NewStatus()
	s.matrix = newConfigServicesMatrix()
	s.members = newConfigServicesMembers(s)

	labels := make([]string, len(configServicesTypes))
	for i, t := range configServicesTypes {
		labels[i] = t.String()
	}
	s.kind = &widget.RadioGroup{Options: labels, Horizontal: true, Required: true, OnChanged: s.onKindChanged}
	s.team = &widget.Select{PlaceHolder: "A synced Team that backs no service yet"}
	s.name = newConfigEntry(s.cw.saveShown, "Name, e.g. Escalations")
	s.ou = &widgets.OUPicker{PlaceHolder: "Organization unit"}
	s.licence = &widget.Select{Options: configServicesLicenceNames()}
	s.which = widget.NewFormItem("Team", container.NewStack(s.team, s.name))
	s.form = widget.NewForm(widget.NewFormItem("User assignment type", s.kind), s.which,
		widget.NewFormItem("Licence", s.licence), widget.NewFormItem("Lives in", s.ou))
	s.saveBtn = &widget.Button{Text: "Create", Importance: widget.HighImportance, OnTapped: s.onCreate}
	fixed := widgets.NewReason("The type cannot be changed after creation. " + app.AssignmentTypeFixedReason)
	s.create = container.NewVBox(&widget.Label{Text: "New service", TextStyle: fyne.TextStyle{Bold: true}},
		s.form, fixed, container.NewHBox(s.saveBtn))
	s.detail = container.NewVBox(s.members.build())

	// The status sits right under the buttons, so that a refusal is read where the
	// admin tapped; the matrix follows.
	s.right = container.NewVBox(container.NewStack(s.create, s.detail), s.status, widget.NewSeparator(), s.matrix.build())
	s.scroll = container.NewVScroll(s.right)
	left := container.NewBorder(container.NewPadded(s.newBtn), nil, nil, nil, s.list)
	s.reload()
	s.showNew()
	split := container.NewHSplit(left, container.NewPadded(s.scroll))
	split.Offset = 0.28
	return split
}

// reload reads everything again when the screen is shown; the agent picker reads the
// Nimbus users it offers each time it is filled, so their licences are always current.
func (s *configServicesScreen) reload() {
	s.refresh()
}

// refresh reads the services, the OUs and the Teams again and shows the current service
// (or the create form); a membership change calls it, as it changes no user's licences.
func (s *configServicesScreen) refresh() {
	ctx := context.Background()
	versions, err := s.cw.nimbus.RowVersions(ctx, "service") // before the services: see RowVersion
	if err != nil {
		widgets.ShowResult(s.status, err, "")
		return
	}
	services, err := s.cw.nimbus.ServiceList(ctx)
	if err != nil {
		widgets.ShowResult(s.status, err, "")
		return
	}
	s.services, s.versions = services, versions
	s.choice = configLoadOUs(s.cw.nimbus, s.status)
	s.ou.SetChoices(s.choice)
	if s.ou.Selected == "" && len(s.choice.Paths) > 0 {
		s.ou.SetSelected(s.choice.Paths[0])
	}
	s.ou.Refresh()
	s.reloadTeams()
	s.list.Refresh()
	if s.current != 0 {
		s.show(s.current)
	}
}

// newNameAndWhereRow is a row of the custom roles' and the services' lists: the name in
// bold, and below it, smaller but readable, where the item lives and who it holds.
func newNameAndWhereRow() fyne.CanvasObject {
	name, where := widget.NewLabel(""), widget.NewLabel("")
	name.TextStyle.Bold, name.Truncation = true, fyne.TextTruncateEllipsis
	where.Truncation, where.SizeName = fyne.TextTruncateEllipsis, theme.SizeNameCaptionText
	return container.NewVBox(name, where)
}

func (s *configServicesScreen) updateServiceRow(i widget.ListItemID, o fyne.CanvasObject) {
	sv := s.services[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(sv.Name)
	box.Objects[1].(*widget.Label).SetText(configServicesSummary(sv, s.choice))
}

// configServicesSummary is a service's list line: type, licence, user count and OU
// (last, as the part a narrow list may cut).
func configServicesSummary(sv data.Service, ch widgets.OUChoices) string {
	path := ch.Path(sv.OUID)
	users := fmt.Sprintf("%d users", sv.Users)
	if sv.Users == 1 {
		users = "1 user"
	}
	return strings.Join([]string{sv.AssignmentType.String(), sv.Licence.String(), users, path}, " · ")
}

// onServiceSelected shows the service clicked in the list, asking first about a pending
// rename of the service shown.
func (s *configServicesScreen) onServiceSelected(i widget.ListItemID) {
	s.list.UnselectAll() // so that a second click on the same service shows it again
	if i >= len(s.services) {
		return
	}
	id := s.services[i].ID
	if id == s.current {
		if s.serviceDraft().pending() == "" {
			s.refresh() // a second click shows what the cache holds now
		}
		return
	}
	s.cw.beforeLeaving([]configDraft{s.serviceDraft()}, "before showing another service", func() {
		s.status.SetText("")
		s.show(id)
	}, func() {})
}

// onNew shows the create form, asking first about a pending rename of the service shown.
func (s *configServicesScreen) onNew() {
	s.cw.beforeLeaving([]configDraft{s.serviceDraft()}, "before creating a service", s.showNew, func() {})
}

// showNew shows the create form as the admin left it.
func (s *configServicesScreen) showNew() {
	s.current = 0
	s.detail.Hide()
	s.create.Show()
	if s.kind.Selected == "" {
		s.kind.SetSelected(data.TeamsBased.String())
	}
	s.onKindChanged(s.kind.Selected)
}

// show puts a service on the right: its users and the features of its type.
func (s *configServicesScreen) show(id int64) {
	for _, sv := range s.services {
		if sv.ID == id {
			if id != s.current || s.adopt || s.members.edit.pending() == "" {
				s.base = app.VersionOf(s.versions, "service", id)
			}
			s.current, s.adopt = id, false
			s.create.Hide()
			s.members.show(sv)
			s.detail.Show()
			s.matrix.show(sv.AssignmentType)
			s.relayout()
			return
		}
	}
	s.showNew()
}

// relayout lays the right side out again after a part of it was shown or hidden.
func (s *configServicesScreen) relayout() {
	if s.right != nil {
		s.right.Refresh()
		s.scroll.Refresh()
	}
}
