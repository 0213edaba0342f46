package config

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configServicesTestScreen opens the Services screen headless over the demo tenant.
func configServicesTestScreen(t *testing.T) (*configServicesScreen, *app.App) {
	t.Helper()
	cw, w, nimbus := configTestWindow(t, "Services")
	if !slices.ContainsFunc(cw.tabs.Items, func(i *container.TabItem) bool { return i.Text == "Services" }) {
		t.Fatal("the Configuration window has no Services tab")
	}
	s := newConfigServices(cw)
	w.SetContent(s.build())
	return s, nimbus
}

// configServicesByName finds a service the screen created.
func configServicesByName(t *testing.T, nimbus *app.App, name string) data.Service {
	t.Helper()
	sv, err := nimbus.ServiceByName(context.Background(), name)
	if err != nil {
		t.Fatalf("service %q: %v", name, err)
	}
	return sv
}

// configServicesAvailable is what the matrix says about one feature.
func configServicesAvailable(s *configServicesScreen, feature string) string {
	for i, f := range s.matrix.features {
		if f.Feature == feature {
			return s.matrix.available[i].Text
		}
	}
	return "feature not shown"
}

func TestServicesScreenCreatesATeamsBasedServiceFromAnUntakenTeam(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	teams, _ := nimbus.DirectoryTeams(ctx)
	services, _ := nimbus.ServiceList(ctx)
	taken := map[string]bool{}
	for _, sv := range services {
		taken[sv.TeamID] = sv.TeamID != ""
	}
	var free []string
	for _, tm := range teams {
		if !taken[tm.ID] {
			free = append(free, tm.ID)
		}
	}
	if len(free) == 0 || len(free) == len(teams) {
		t.Fatalf("the demo tenant should have taken and free Teams: %d of %d free", len(free), len(teams))
	}
	s.kind.SetSelected(data.TeamsBased.String())
	var offered []string
	for _, label := range s.team.Options {
		offered = append(offered, s.teamIDs[label])
	}
	slices.Sort(offered)
	slices.Sort(free)
	if !slices.Equal(offered, free) {
		t.Fatalf("Team picker offers %v, want the Teams backing no service %v", offered, free)
	}

	label := s.team.Options[0]
	teamID := s.teamIDs[label]
	s.team.SetSelected(label)
	s.ou.SetSelected(s.choice.Paths[1])
	test.Tap(s.saveBtn)
	if !saidDone(s.status) {
		t.Fatalf("create refused: %s", s.status.Text)
	}
	name, _, _ := strings.Cut(label, " (")
	sv := configServicesByName(t, nimbus, name)
	if sv.AssignmentType != data.TeamsBased || sv.TeamID != teamID || sv.OUID != s.choice.ID(s.choice.Paths[1]) || sv.Users == 0 {
		t.Errorf("created %+v from Team %s", sv, teamID)
	}
	if _, still := s.teamIDs[label]; still || slices.Contains(s.team.Options, label) {
		t.Error("the Team that now backs a service is still offered")
	}
	if s.current != sv.ID || !s.detail.Visible() || s.members.kind.Text != "User assignment type: MS Teams-based (fixed)" ||
		len(s.members.members) == 0 || s.members.adding.Visible() {
		t.Errorf("after create the screen shows %d (%q, %d users, adding %v)", s.current, s.members.kind.Text,
			len(s.members.members), s.members.adding.Visible())
	}
	if !slices.ContainsFunc(s.services, func(x data.Service) bool { return x.ID == sv.ID }) {
		t.Error("the new service is not in the list")
	}
}

func TestServicesScreenCreatesSkillBasedAndNoneServicesWithTheirFixedType(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	for _, c := range []struct {
		name string
		kind data.AssignmentType
	}{{"Premium Hotline", data.SkillBased}, {"Main Menu IVR", data.NoUsers}} {
		s.onNew()
		s.kind.SetSelected(c.kind.String())
		if s.which.Text != "Name" || !s.name.Visible() || s.team.Visible() {
			t.Fatalf("%s form asks for %q", c.kind, s.which.Text)
		}
		test.Type(s.name, c.name)
		s.ou.SetSelected(s.choice.Paths[2])
		test.Tap(s.saveBtn)
		if !saidDone(s.status) {
			t.Fatalf("create %s refused: %s", c.kind, s.status.Text)
		}
		sv := configServicesByName(t, nimbus, c.name)
		if sv.AssignmentType != c.kind || sv.OUID != s.choice.ID(s.choice.Paths[2]) || sv.Users != 0 {
			t.Errorf("created %+v", sv)
		}
		if s.members.kind.Text != "User assignment type: "+c.kind.String()+" (fixed)" {
			t.Errorf("shows %q", s.members.kind.Text)
		}
		if s.members.adding.Visible() != (c.kind == data.SkillBased) {
			t.Errorf("%s: adding users shown %v", c.kind, s.members.adding.Visible())
		}
	}
	// The same name again is refused with the rule's message.
	s.onNew()
	s.kind.SetSelected(data.SkillBased.String())
	test.Type(s.name, "premium hotline")
	test.Tap(s.saveBtn)
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, "already a service named") {
		t.Errorf("duplicate name: %q", s.status.Text)
	}
}

// configServicesSkillService creates an empty Skill-based service and shows it.
func configServicesSkillService(t *testing.T, s *configServicesScreen, nimbus *app.App) data.Service {
	t.Helper()
	out, err := nimbus.Do(context.Background(), app.CreateService{Type: data.SkillBased, Name: "Escalation Desk", OU: s.choice.ID(s.choice.Paths[0])})
	if err != nil {
		t.Fatal(err)
	}
	s.reload()
	for i, sv := range s.services {
		if sv.ID == out.ID {
			s.list.Select(i)
			return sv
		}
	}
	t.Fatal("the new service is not listed")
	return data.Service{}
}

// configServicesFindUser picks a Nimbus user with or without Contact Center.
func configServicesFindUser(t *testing.T, nimbus *app.App, withCC bool) userlist.Row {
	t.Helper()
	ix, err := nimbus.LoadUserIndex(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ix.Rows {
		if r.Licences.Has(data.ContactCenter) == withCC {
			return r
		}
	}
	t.Fatalf("no demo user with Contact Center %v", withCC)
	return userlist.Row{}
}

func TestAddingAnAgentWithoutContactCenterShowsTheRuleAndWritesNothing(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	sv := configServicesSkillService(t, s, nimbus)
	u := configServicesFindUser(t, nimbus, false)
	before, _ := nimbus.Journal(ctx, 10000)
	test.Type(s.members.search, u.UPN)
	if len(s.members.user.Options) != 1 || !strings.Contains(s.members.user.Selected, "no Contact Center") {
		t.Fatalf("picker for %s: %v (selected %q)", u.UPN, s.members.user.Options, s.members.user.Selected)
	}
	test.Tap(s.members.addBtn)
	_, want := nimbus.Do(ctx, app.AddServiceMember{Service: sv.ID, User: u.UPN, As: data.Agent})
	if !app.IsRule(want, "service.cc-required") {
		t.Fatalf("the rule itself: %v", want)
	}
	if s.status.Importance != widget.DangerImportance || s.status.Text != widgets.Sentence(want.Error()) {
		t.Errorf("status %q, want the rule's message %q", s.status.Text, want)
	}
	after, _ := nimbus.Journal(ctx, 10000)
	members, _ := nimbus.ServiceMembers(ctx, sv.ID)
	if len(after) != len(before) || len(members) != 0 || len(s.members.members) != 0 {
		t.Errorf("a refused add wrote: %d → %d journal entries, members %+v", len(before), len(after), members)
	}
	// Once the licence is granted (on the user's General tab), showing the screen again
	// lets the same add through.
	if err := nimbus.GrantLicence(ctx, u.UPN, data.ContactCenter); err != nil {
		t.Fatal(err)
	}
	s.reload()
	test.Type(s.members.search, " ")
	if strings.Contains(s.members.user.Selected, "no Contact Center") {
		t.Errorf("the picker still marks %s without Contact Center: %q", u.UPN, s.members.user.Selected)
	}
	test.Tap(s.members.addBtn)
	if !saidDone(s.status) || len(s.members.members) != 1 || s.members.members[0].UserID != u.ID {
		t.Errorf("add after the grant: %q, members %+v", s.status.Text, s.members.members)
	}
}

func TestAddAndRemoveAnAgentOfASkillBasedService(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	ctx := context.Background()
	sv := configServicesSkillService(t, s, nimbus)
	u := configServicesFindUser(t, nimbus, true)
	test.Type(s.members.search, u.UPN)
	s.members.as.SetSelected(string(data.Owner))
	test.Tap(s.members.addBtn)
	if !saidDone(s.status) {
		t.Fatalf("add refused: %s", s.status.Text)
	}
	if len(s.members.members) != 1 || s.members.members[0].UserID != u.ID || s.members.members[0].Membership != data.Owner {
		t.Fatalf("members after add: %+v", s.members.members)
	}
	if line := configServicesSummary(s.services[slices.IndexFunc(s.services, func(x data.Service) bool { return x.ID == sv.ID })], s.choice); !strings.Contains(line, " · 1 user · ") {
		t.Errorf("list line after add: %q", line)
	}
	if !s.members.removeBtn.Disabled() {
		t.Error("Remove enabled with nobody selected")
	}
	s.members.list.Select(0)
	test.Tap(s.members.removeBtn)
	if !saidDone(s.status) || len(s.members.members) != 0 {
		t.Fatalf("remove: %q, members %+v", s.status.Text, s.members.members)
	}
	journal, _ := nimbus.Journal(ctx, 2)
	if journal[0].Action != "service.member.remove" || journal[1].Action != "service.member.add" || journal[0].Target != sv.Name {
		t.Errorf("journal: %+v", journal)
	}
}

func TestTeamsBasedMembersCannotBeRemovedHere(t *testing.T) {
	s, nimbus := configServicesTestScreen(t)
	services, _ := nimbus.ServiceList(context.Background())
	i := slices.IndexFunc(s.services, func(x data.Service) bool { return x.AssignmentType == data.TeamsBased && x.Users > 0 })
	if i < 0 {
		t.Fatalf("no Teams-based service with users among %d", len(services))
	}
	s.list.Select(i)
	s.members.list.Select(0)
	if !s.members.removeBtn.Disabled() || s.members.adding.Visible() || !strings.Contains(s.members.how.Text, "Microsoft Teams") {
		t.Errorf("Teams-based service: remove enabled %v, adding shown %v, says %q",
			!s.members.removeBtn.Disabled(), s.members.adding.Visible(), s.members.how.Text)
	}
}

func TestFeatureMatrixFollowsTheAssignmentType(t *testing.T) {
	s, _ := configServicesTestScreen(t)
	for _, c := range []struct {
		kind                             data.AssignmentType
		adaptive, policy, name, switches string
	}{
		{data.TeamsBased, "Yes", "No", "No", "No"},
		{data.SkillBased, "No", "Yes", "Yes", "Yes"},
		{data.NoUsers, "No", "No", "Yes", "No"},
	} {
		s.kind.SetSelected(c.kind.String())
		got := [4]string{configServicesAvailable(s, "Adaptive Cards"), configServicesAvailable(s, "Setting of a Distribution Policy"),
			configServicesAvailable(s, `Editable "Name" field`), configServicesAvailable(s, "Users switching Duty States / Responsibility Profiles")}
		if got != [4]string{c.adaptive, c.policy, c.name, c.switches} || s.matrix.title.Text != "Features of "+c.kind.String()+" services" {
			t.Errorf("%s: %q shows %v", c.kind, s.matrix.title.Text, got)
		}
	}
	// Showing an existing service shows its own type's features.
	i := slices.IndexFunc(s.services, func(x data.Service) bool { return x.AssignmentType == data.NoUsers })
	if i < 0 {
		t.Fatal("the demo tenant has no None service")
	}
	s.kind.SetSelected(data.TeamsBased.String())
	s.list.Select(i)
	if s.matrix.shown != data.NoUsers || configServicesAvailable(s, "Reporting section") != "No" {
		t.Errorf("a None service shows the matrix of %s", s.matrix.shown)
	}
}
