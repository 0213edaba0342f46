package config

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

// configServicesOwnerRoles are the two Team Owner roles as the pickers offer them.
var configServicesOwnerRoles = []data.OwnerRole{data.FullOwner, data.LimitedOwner}

// configServicesTeams holds what only an MS Teams-based service has: the Team Owner role
// new owners get, whether members may change their own Active state, and for the member
// selected in the list, their Active toggle and (for an owner) their Team Owner role.
type configServicesTeams struct {
	v       *configServicesMembers
	service data.Service
	user    string // the selected member's id, "" for none
	filling bool   // set while the pickers are filled, so that they change nothing

	box           *fyne.Container
	defaultOwner  *widget.Select
	membersActive *widget.Check
	selected      *widget.Label
	active        *widget.Check
	ownerRole     *widget.Select
}

func newConfigServicesTeams(v *configServicesMembers) *configServicesTeams {
	return &configServicesTeams{v: v}
}

func (t *configServicesTeams) build() fyne.CanvasObject {
	roles := make([]string, len(configServicesOwnerRoles))
	for i, r := range configServicesOwnerRoles {
		roles[i] = r.String()
	}
	t.defaultOwner = &widget.Select{Options: roles, OnChanged: func(string) { t.onSettingsChanged() }}
	t.membersActive = &widget.Check{Text: "Team members can change their Active state", OnChanged: func(bool) { t.onSettingsChanged() }}
	t.selected = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.active = &widget.Check{Text: "Active: Nimbus distributes calls to this user", OnChanged: t.onActiveChanged}
	t.ownerRole = &widget.Select{Options: roles, OnChanged: t.onOwnerRoleChanged}
	settings := widget.NewForm(widget.NewFormItem("Default Team Owner role", t.defaultOwner), widget.NewFormItem("", t.membersActive))
	member := widget.NewForm(widget.NewFormItem("", t.active), widget.NewFormItem("Owner role", t.ownerRole))
	t.box = container.NewVBox(settings, t.selected, member)
	return t.box
}

// show fills the part for a service; it is hidden for the other types.
func (t *configServicesTeams) show(sv data.Service) {
	t.service = sv
	if sv.AssignmentType != data.TeamsBased {
		t.box.Hide()
		return
	}
	t.filling = true
	t.defaultOwner.SetSelected(sv.DefaultOwnerRole.String())
	t.membersActive.SetChecked(sv.MembersCanChangeActive)
	t.filling = false
	t.selectMember("")
	t.box.Show()
}

// selectMember shows the Active toggle and the owner role of a member ("" for none).
func (t *configServicesTeams) selectMember(userID string) {
	t.user = userID
	var mine []app.ServiceMember
	for _, m := range t.v.members {
		if m.UserID == userID {
			mine = append(mine, m)
		}
	}
	t.filling = true
	defer func() { t.filling = false }()
	t.active.Disable()
	t.ownerRole.Disable()
	t.ownerRole.ClearSelected()
	if len(mine) == 0 {
		t.user = ""
		t.selected.SetText("Select a user in the list to switch them active or inactive, or to change an owner's Team Owner role.")
		return
	}
	t.selected.SetText(mine[0].DisplayName + " <" + mine[0].UPN + ">")
	t.active.SetChecked(mine[0].Active)
	t.active.Enable()
	for _, m := range mine {
		if m.Membership == data.Owner {
			t.ownerRole.SetSelected(m.OwnerRole.String())
			t.ownerRole.Enable()
		}
	}
}

func (t *configServicesTeams) onSettingsChanged() {
	if t.filling {
		return
	}
	sv := t.service
	set := app.TeamsServiceSettings{DefaultOwnerRole: configServicesOwnerRole(t.defaultOwner.Selected), MembersCanChangeActive: t.membersActive.Checked}
	_, err := t.v.s.cw.nimbus.Do(context.Background(), app.SetTeamsServiceSettings{Base: app.BasedOn(t.v.s.base), Service: sv.ID, TeamsServiceSettings: set})
	t.v.s.adopt = err == nil
	t.v.s.refresh()
	may := "can"
	if !set.MembersCanChangeActive {
		may = "cannot"
	}
	widgets.ShowResult(t.v.s.status, err, fmt.Sprintf("New owners of the Team of %q get %s; members %s change their Active state.", sv.Name, set.DefaultOwnerRole, may))
}

func (t *configServicesTeams) onActiveChanged(on bool) {
	if t.filling || t.user == "" {
		return
	}
	sv, user := t.service, t.user
	_, err := t.v.s.cw.nimbus.Do(context.Background(), app.SetServiceMemberActive{Base: app.BasedOn(t.v.s.base), Service: sv.ID, User: user, Active: on})
	t.v.s.adopt = err == nil
	t.v.s.refresh()
	t.v.reselect(user)
	state := "inactive: Nimbus distributes no calls to them"
	if on {
		state = "active: Nimbus distributes calls to them"
	}
	widgets.ShowResult(t.v.s.status, err, fmt.Sprintf("%s is %s in %q.", t.selected.Text, state, sv.Name))
}

func (t *configServicesTeams) onOwnerRoleChanged(label string) {
	if t.filling || t.user == "" {
		return
	}
	sv, user, role := t.service, t.user, configServicesOwnerRole(label)
	_, err := t.v.s.cw.nimbus.Do(context.Background(), app.SetServiceOwnerRole{Base: app.BasedOn(t.v.s.base), Service: sv.ID, User: user, Role: role})
	t.v.s.adopt = err == nil
	t.v.s.refresh()
	t.v.reselect(user)
	widgets.ShowResult(t.v.s.status, err, fmt.Sprintf("%s holds %s in %q.", t.selected.Text, role, sv.Name))
}

// configServicesOwnerRole is the owner role a picker label names.
func configServicesOwnerRole(label string) data.OwnerRole {
	for _, r := range configServicesOwnerRoles {
		if r.String() == label {
			return r
		}
	}
	return ""
}
