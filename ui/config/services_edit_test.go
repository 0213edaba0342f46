package config

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configServicesShow selects the first listed service the test wants.
func configServicesShow(t *testing.T, s *configServicesScreen, want func(data.Service) bool) data.Service {
	t.Helper()
	i := slices.IndexFunc(s.services, want)
	if i < 0 {
		t.Fatal("the demo tenant has no such service")
	}
	sv := s.services[i]
	s.list.Select(i)
	if s.current != sv.ID {
		t.Fatalf("selecting %q shows %d", sv.Name, s.current)
	}
	return sv
}

func configServicesWithUsers(kind data.AssignmentType) func(data.Service) bool {
	return func(sv data.Service) bool { return sv.AssignmentType == kind && sv.Users > 0 }
}

func TestServicesScreenRenamesASkillBasedServiceButNotATeamsBasedOne(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	teams := configServicesShow(t, s, configServicesWithUsers(data.TeamsBased))
	if s.members.edit.naming.Visible() {
		t.Error("an MS Teams-based service offers Rename and Delete")
	}
	sv := configServicesShow(t, s, configServicesWithUsers(data.SkillBased))
	if !s.members.edit.naming.Visible() || s.members.edit.name.Text != sv.Name {
		t.Fatalf("a Skill-based service: naming shown %v, name %q", s.members.edit.naming.Visible(), s.members.edit.name.Text)
	}
	s.members.edit.name.SetText("")
	test.Type(s.members.edit.name, " Escalation Desk ")
	test.Tap(s.members.edit.renameBtn)
	if !saidDone(s.status) {
		t.Fatalf("rename refused: %s", s.status.Text)
	}
	if got, _ := nimbus.ServiceByName(ctx, "Escalation Desk"); got.ID != sv.ID || s.members.name.Text != "Escalation Desk" {
		t.Errorf("after renaming the service is %+v and the screen shows %q", got, s.members.name.Text)
	}
	s.members.edit.name.SetText(strings.ToLower(teams.Name))
	test.Tap(s.members.edit.renameBtn)
	_, want := nimbus.Do(ctx, app.RenameService{Service: sv.ID, Name: strings.ToLower(teams.Name)})
	if !app.IsRule(want, "service.name-taken") || s.status.Importance != widget.DangerImportance || s.status.Text != widgets.Sentence(want.Error()) {
		t.Errorf("a taken name: status %q, want the rule's %v", s.status.Text, want)
	}
}

func TestServicesScreenDeletesAServiceOnlyAfterNamingWhoLeavesIt(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	sv := configServicesShow(t, s, configServicesWithUsers(data.SkillBased))
	members, _ := nimbus.ServiceMembers(ctx, sv.ID)
	var asked string
	s.cw.confirm = func(_, message string, _ func()) { asked = message } // the admin says no
	test.Tap(s.members.edit.deleteBtn)
	for _, m := range members {
		if !strings.Contains(asked, m.DisplayName+" (") {
			t.Errorf("the question does not name %s:\n%s", m.DisplayName, asked)
		}
	}
	if _, err := nimbus.ServiceByName(ctx, sv.Name); err != nil {
		t.Fatal("the service went without the admin's yes")
	}
	s.cw.confirm = func(_, _ string, ok func()) { ok() }
	test.Tap(s.members.edit.deleteBtn)
	if !saidDone(s.status) || s.current != 0 || !s.create.Visible() {
		t.Fatalf("after the yes: %q, showing %d", s.status.Text, s.current)
	}
	if _, err := nimbus.ServiceByName(ctx, sv.Name); err == nil || slices.ContainsFunc(s.services, func(x data.Service) bool { return x.ID == sv.ID }) {
		t.Error("the deleted service is still there")
	}
	for _, m := range members {
		if _, err := nimbus.UserDetail(ctx, m.UserID); err != nil {
			t.Errorf("%s is no Nimbus user any more: %v", m.DisplayName, err)
		}
	}
}

// configServicesMemberAt selects the first list row the test wants.
func configServicesMemberAt(t *testing.T, s *configServicesScreen, want func(app.ServiceMember) bool) app.ServiceMember {
	t.Helper()
	i := slices.IndexFunc(s.members.members, want)
	if i < 0 {
		t.Fatalf("no such member among %+v", s.members.members)
	}
	s.members.list.Select(i)
	return s.members.members[i]
}

func TestTheActiveToggleSwitchesATeamsBasedMemberOffAndOn(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	sv := configServicesShow(t, s, configServicesWithUsers(data.TeamsBased))
	teams := s.members.teams
	if !teams.box.Visible() || !teams.active.Disabled() {
		t.Fatalf("a Teams-based service: settings shown %v, Active enabled with nobody selected %v", teams.box.Visible(), !teams.active.Disabled())
	}
	m := configServicesMemberAt(t, s, func(m app.ServiceMember) bool { return m.Active })
	if teams.active.Disabled() || !teams.active.Checked {
		t.Fatalf("an active member selected: toggle enabled %v, checked %v", !teams.active.Disabled(), teams.active.Checked)
	}
	test.Tap(teams.active)
	if !saidDone(s.status) || !strings.Contains(s.status.Text, "inactive") {
		t.Fatalf("switching off: %q", s.status.Text)
	}
	now, _ := nimbus.ServiceMembers(ctx, sv.ID)
	if i := slices.IndexFunc(now, func(x app.ServiceMember) bool { return x.UserID == m.UserID }); i < 0 || now[i].Active {
		t.Errorf("%s is still active", m.DisplayName)
	}
	if teams.user != m.UserID || teams.active.Checked {
		t.Errorf("after the change the screen shows %q, checked %v", teams.user, teams.active.Checked)
	}
	if line := configServicesMemberLine(s.members.members[s.members.selected], sv.AssignmentType); !strings.HasSuffix(line, " · inactive") {
		t.Errorf("the list says %q", line)
	}
	test.Tap(teams.active)
	if now, _ := nimbus.ServiceMembers(ctx, sv.ID); !now[slices.IndexFunc(now, func(x app.ServiceMember) bool { return x.UserID == m.UserID })].Active {
		t.Errorf("%s was not switched on again: %q", m.DisplayName, s.status.Text)
	}
	// A Skill-based service has no Active toggle.
	configServicesShow(t, s, configServicesWithUsers(data.SkillBased))
	if teams.box.Visible() {
		t.Error("a Skill-based service shows the Teams-based settings")
	}
}

func TestAnAdminSwitchesATeamOwnerBetweenFullAndLimited(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	sv := configServicesShow(t, s, func(x data.Service) bool { return x.AssignmentType == data.TeamsBased && x.Users > 1 })
	teams := s.members.teams
	configServicesMemberAt(t, s, func(m app.ServiceMember) bool {
		return m.Membership == data.Member && !slices.ContainsFunc(s.members.members, func(o app.ServiceMember) bool {
			return o.UserID == m.UserID && o.Membership == data.Owner
		})
	})
	if !teams.ownerRole.Disabled() {
		t.Error("the owner role can be changed for a member who owns nothing")
	}
	owner := configServicesMemberAt(t, s, func(m app.ServiceMember) bool { return m.Membership == data.Owner })
	if teams.ownerRole.Disabled() || teams.ownerRole.Selected != owner.OwnerRole.String() {
		t.Fatalf("an owner selected: picker enabled %v, shows %q, holds %q", !teams.ownerRole.Disabled(), teams.ownerRole.Selected, owner.OwnerRole)
	}
	other := data.LimitedOwner
	if owner.OwnerRole == data.LimitedOwner {
		other = data.FullOwner
	}
	teams.ownerRole.SetSelected(other.String())
	if !saidDone(s.status) {
		t.Fatalf("switch refused: %s", s.status.Text)
	}
	now, _ := nimbus.ServiceMembers(ctx, sv.ID)
	i := slices.IndexFunc(now, func(x app.ServiceMember) bool { return x.UserID == owner.UserID && x.Membership == data.Owner })
	if now[i].OwnerRole != other || teams.ownerRole.Selected != other.String() {
		t.Errorf("%s holds %q, the screen shows %q; want %q", owner.DisplayName, now[i].OwnerRole, teams.ownerRole.Selected, other)
	}
	journal, _ := nimbus.Journal(ctx, 1)
	if journal[0].Action != "service.owner-role" || journal[0].Target != sv.Name {
		t.Errorf("journal: %+v", journal[0])
	}
}

func TestServicesScreenChangesLicenceAndTeamsSettingsAndShowsRefusals(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	skill := configServicesShow(t, s, configServicesWithUsers(data.SkillBased))
	edit := s.members.edit
	if edit.licence.Selected != "Contact Center" {
		t.Fatalf("a Skill-based service shows the licence %q", edit.licence.Selected)
	}
	edit.licence.SetSelected("Advanced Routing")
	_, want := nimbus.Do(ctx, app.SetServiceLicence{Service: skill.ID, Licence: data.AdvancedRoutingService})
	if !app.IsRule(want, "service.licence-has-agents") || s.status.Text != widgets.Sentence(want.Error()) || edit.licence.Selected != "Contact Center" {
		t.Errorf("refused licence change: status %q, picker %q; want the rule's %v", s.status.Text, edit.licence.Selected, want)
	}
	teams := configServicesShow(t, s, configServicesWithUsers(data.TeamsBased))
	edit.licence.SetSelected("Enterprise Routing")
	s.members.teams.defaultOwner.SetSelected(data.LimitedOwner.String())
	if got, _ := nimbus.ServiceByName(ctx, teams.Name); got.Licence != data.EnterpriseRoutingService || got.DefaultOwnerRole != data.LimitedOwner {
		t.Errorf("after the changes: %+v (status %q)", got, s.status.Text)
	}
	if !strings.Contains(configServicesSummary(s.services[slices.IndexFunc(s.services, func(x data.Service) bool { return x.ID == teams.ID })], s.choice), "Enterprise Routing") {
		t.Error("the list line does not show the new licence")
	}
}

func TestTheCreateFormOffersTheLicence(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	s.onNew()
	for kind, want := range map[data.AssignmentType]string{data.SkillBased: "Contact Center", data.NoUsers: "Advanced Routing", data.TeamsBased: "Advanced Routing"} {
		s.kind.SetSelected(kind.String())
		if s.licence.Selected != want {
			t.Errorf("%s proposes %q, want %q", kind, s.licence.Selected, want)
		}
	}
	s.kind.SetSelected(data.SkillBased.String())
	s.licence.SetSelected("Enterprise Routing")
	test.Type(s.name, "Routing Desk")
	test.Tap(s.saveBtn)
	if got, _ := nimbus.ServiceByName(context.Background(), "Routing Desk"); got.Licence != data.EnterpriseRoutingService {
		t.Errorf("created %+v (%q)", got, s.status.Text)
	}
}
