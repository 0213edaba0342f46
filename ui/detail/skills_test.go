package detail

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/data"
)

func TestDetailSkillIsAssignedWithALevelAndTheLevelChanges(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter))
	f.pane.ShowUser(f.user["anna"])
	s := f.pane.skills
	test.Tap(s.add)
	if slices.Contains(s.skillPick.Options, "German (Language)") {
		t.Error("German, a skill of the sibling OU Support, is offered to anna in Sales/EMEA")
	}
	if !detailSelectOption(s.skillPick, "French (Language)") || !detailSelectOption(s.levelPick, "Basic (1)") {
		t.Fatalf("French at Basic not offered: %v / %v", s.skillPick.Options, s.levelPick.Options)
	}
	test.Tap(s.form.save)
	if got := f.detail("anna").Skills; len(got) != 1 || got[0].LevelName != "Basic" {
		t.Fatalf("anna's skills after Assign: %+v", got)
	}
	s.openDialog(f.id["French"])
	if s.levelPick.Selected != "Basic (1)" {
		t.Errorf("the level dialog does not start at the held level: %q", s.levelPick.Selected)
	}
	detailSelectOption(s.levelPick, "Fluent (2)")
	test.Tap(s.form.save)
	if got := f.detail("anna").Skills; len(got) != 1 || got[0].LevelName != "Fluent" {
		t.Errorf("anna's skills after changing the level: %+v", got)
	}
}

func TestDetailProfileAssignedAndMadeActiveShowsInTheList(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter))
	f.pane.ShowUser(f.user["anna"])
	pr := f.pane.profiles
	var held []string
	for _, p := range f.detail("anna").Profiles {
		held = append(held, fmt.Sprintf("%s active=%v", p.Name, p.Active))
	}
	slices.Sort(held)
	if !slices.Equal(held, []string{"Off Duty active=false", "On Duty active=true"}) {
		t.Errorf("a new Contact Center user starts with On Duty (active) and Off Duty, has %v", held)
	}
	test.Tap(pr.add)
	if !slices.Equal(pr.pick.Options, []string{"Early shift"}) {
		t.Errorf("profiles offered besides the two held: %v", pr.pick.Options)
	}
	detailSelectOption(pr.pick, "Early shift")
	test.Tap(pr.form.save)
	id := f.id["Early shift"]
	pr.makeActive(id)
	ix, err := f.app.LoadUserIndex(ctx)
	f.must(err)
	for _, r := range ix.Rows {
		if r.ID == f.user["anna"] && r.ActiveProfile != "Early shift" {
			t.Errorf("the list's Active Profile is %q", r.ActiveProfile)
		}
	}
	before := f.digest()
	pr.remove(id)
	f.refused(before, pr.problem.Text, "active profile")
}
