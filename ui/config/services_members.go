package config

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configServicesPickerSize is how many matching Nimbus users the add picker offers.
const configServicesPickerSize = 50

// configServicesMembers shows one service: its fixed assignment type and why, its OU,
// its licence and name (edit), and its users. A Skill-based service's agents and owners
// are added and removed here; a Teams-based service's follow its Team, and the admin
// switches them active or inactive and changes owners' Team Owner role (teams); a None
// service has none.
type configServicesMembers struct {
	s        *configServicesScreen
	service  data.Service
	members  []app.ServiceMember
	selected int               // index in members, -1 for none
	picks    map[string]string // picker label → UPN

	name      *widget.Label
	kind      *widget.Label
	where     *widget.Label
	how       *widget.Label
	list      *widget.List
	adding    *fyne.Container
	search    *widget.Entry
	user      *widget.Select
	as        *widget.RadioGroup
	addBtn    *widget.Button
	removeBtn *widget.Button
	edit      *configServicesEdit
	teams     *configServicesTeams
}

func newConfigServicesMembers(s *configServicesScreen) *configServicesMembers {
	v := &configServicesMembers{s: s, selected: -1, picks: map[string]string{}, edit: newConfigServicesEdit(s)}
	v.teams = newConfigServicesTeams(v)
	return v
}

func (v *configServicesMembers) build() fyne.CanvasObject {
	v.name = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	v.kind = &widget.Label{}
	fixed := widgets.NewReason(app.AssignmentTypeFixedReason)
	v.where = &widget.Label{}
	v.how = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.list = widget.NewList(func() int { return len(v.members) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(configServicesMemberLine(v.members[i], v.service.AssignmentType))
		})
	v.list.OnSelected = v.onMemberSelected
	v.list.OnUnselected = func(widget.ListItemID) { v.selected = -1; v.removeBtn.Disable(); v.teams.selectMember("") }
	v.removeBtn = &widget.Button{Text: "Remove…", Importance: widget.DangerImportance, OnTapped: v.onRemove}
	v.search = &widget.Entry{PlaceHolder: "Find a Nimbus user by name or UPN", OnChanged: func(string) { v.refreshPicker() }}
	v.user = &widget.Select{PlaceHolder: "Nimbus user"}
	v.as = &widget.RadioGroup{Options: []string{string(data.Agent), string(data.Owner)}, Horizontal: true, Required: true}
	v.as.SetSelected(string(data.Agent))
	v.addBtn = &widget.Button{Text: "Add", Importance: widget.HighImportance, OnTapped: v.onAdd}
	v.adding = container.NewVBox(widget.NewForm(widget.NewFormItem("Find", v.search), widget.NewFormItem("User", v.user),
		widget.NewFormItem("As", v.as)), container.NewHBox(v.addBtn, v.removeBtn))
	members := container.New(layout.NewGridWrapLayout(fyne.NewSize(560, 220)), v.list)
	return container.NewVBox(v.name, v.kind, fixed, v.where, v.edit.build(), v.how, members, v.adding, v.teams.build())
}

// configServicesMemberLine is one user of a service as the list shows it; for an MS
// Teams-based service it says who is inactive and which owners hold Team Owner (limited).
func configServicesMemberLine(m app.ServiceMember, kind data.AssignmentType) string {
	line := fmt.Sprintf("%s <%s> · %s", m.DisplayName, m.UPN, m.Membership)
	if kind == data.TeamsBased {
		if m.OwnerRole != "" {
			line += " · " + m.OwnerRole.String()
		}
		if !m.Active {
			line += " · inactive"
		}
		return line
	}
	if m.Membership != data.Member && !m.Licences.Has(data.ContactCenter) {
		line += " · no Contact Center licence"
	}
	return line
}

// show fills the view for a service.
func (v *configServicesMembers) show(sv data.Service) {
	ctx := context.Background()
	v.service = sv
	v.name.SetText(sv.Name)
	v.kind.SetText("User assignment type: " + sv.AssignmentType.String() + " (fixed)")
	v.where.SetText("Lives in: " + v.s.choice.Path(sv.OUID))
	members, err := v.s.cw.nimbus.ServiceMembers(ctx, sv.ID)
	if err != nil {
		widgets.ShowResult(v.s.status, err, "")
	}
	v.members = members
	v.selected = -1
	v.list.UnselectAll()
	v.list.Refresh()
	v.removeBtn.Disable()
	v.edit.show(sv)
	v.teams.show(sv)
	switch sv.AssignmentType {
	case data.TeamsBased:
		v.how.SetText(fmt.Sprintf("Members and owners follow the Team %q: change them in Microsoft Teams, then sync. "+
			"Select one to switch them active or inactive, or to change an owner's Team Owner role.", configServicesTeamName(v.s, sv.TeamID)))
		v.adding.Hide()
	case data.NoUsers:
		v.how.SetText("A service with the user assignment type None has no users (IVR and first-level redirection).")
		v.adding.Hide()
	default:
		v.how.SetText("Agents and owners are added by hand from the Nimbus users; both need a Contact Center licence, and the service the Contact Center licence.")
		v.refreshPicker()
		v.adding.Show()
	}
}

// configServicesTeamName is the cached name of a Team, or its id when it is gone.
func configServicesTeamName(s *configServicesScreen, id string) string {
	teams, _ := s.cw.nimbus.TeamSummaries(context.Background())
	for _, t := range teams {
		if t.ID == id {
			return t.DisplayName
		}
	}
	return id
}

// refreshPicker offers the first Nimbus users matching the search, read by name until
// there are enough (never the whole tenant); users without a Contact Center licence are
// offered too, marked, so that the rule can say why not.
func (v *configServicesMembers) refreshPicker() {
	v.picks = map[string]string{}
	v.user.Options = nil
	users, err := v.s.cw.nimbus.PickNimbusUsers(context.Background(), v.search.Text, configServicesPickerSize)
	if err != nil {
		widgets.ShowResult(v.s.status, err, "")
	}
	for _, r := range users {
		label := fmt.Sprintf("%s <%s>", r.DisplayName, r.UPN)
		if !r.Licences.Has(data.ContactCenter) {
			label += " · no Contact Center"
		}
		v.picks[label] = r.UPN
		v.user.Options = append(v.user.Options, label)
	}
	if _, ok := v.picks[v.user.Selected]; !ok {
		v.user.ClearSelected()
	}
	if len(v.user.Options) == 1 {
		v.user.SetSelected(v.user.Options[0])
	}
	v.user.Refresh()
}

func (v *configServicesMembers) onMemberSelected(i widget.ListItemID) {
	v.selected = i
	switch v.service.AssignmentType {
	case data.SkillBased:
		v.removeBtn.Enable()
	case data.TeamsBased:
		v.teams.selectMember(v.members[i].UserID)
	}
}

// reselect selects a user in the list again after it was read anew.
func (v *configServicesMembers) reselect(userID string) {
	for i, m := range v.members {
		if m.UserID == userID {
			v.list.Select(i)
			return
		}
	}
}

func (v *configServicesMembers) onAdd() {
	upn, ok := v.picks[v.user.Selected]
	if !ok {
		widgets.ShowResult(v.s.status, fmt.Errorf("choose the Nimbus user to add"), "")
		return
	}
	m := data.Membership(v.as.Selected)
	_, err := v.s.cw.nimbus.Do(context.Background(), app.AddServiceMember{Base: app.BasedOn(v.s.base), Service: v.service.ID, User: upn, As: m})
	if err != nil {
		widgets.ShowResult(v.s.status, err, "")
		return
	}
	v.s.adopt = true
	v.s.refresh()
	widgets.ShowResult(v.s.status, nil, fmt.Sprintf("Added %s as %s of %q.", upn, m, v.service.Name))
}

func (v *configServicesMembers) onRemove() {
	if v.selected < 0 || v.selected >= len(v.members) {
		return
	}
	m, service := v.members[v.selected], v.service
	v.s.cw.confirm("Remove from service", fmt.Sprintf("Remove %s as %s of %q?", m.DisplayName, m.Membership, service.Name), func() {
		_, err := v.s.cw.nimbus.Do(context.Background(), app.RemoveServiceMember{Base: app.BasedOn(v.s.base), Service: service.ID, User: m.UserID, As: m.Membership})
		if err == nil {
			v.s.adopt = true
			v.s.refresh()
		}
		widgets.ShowResult(v.s.status, err, fmt.Sprintf("Removed %s as %s of %q.", m.DisplayName, m.Membership, service.Name))
	})
}
