package detail

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/data"
)

// staleWords is what the window shows when a change was made on a view that something
// else (another admin, a sync) changed after it was loaded.
const staleWords = "changed after you opened it"

// Every tab bases its change on the user as the view loaded them: once something else
// changed the user, a save on the old view is refused with the reason and writes nothing.
func TestDetailChangesOnAStaleViewAreRefused(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	anna := f.user["anna"]
	f.must(f.app.GrantLicence(ctx, anna, data.ContactCenter|data.Interact|data.Assistant))
	assigned, err := f.app.AssignRole(ctx, anna, f.roleID(data.RoleWorkflowAdmin), f.ou["Sales"])
	f.must(err)
	f.pane.ShowUser(anna)
	f.must(f.app.GrantLicence(ctx, anna, data.AttendantConsole)) // behind the view's back
	before := f.digest()

	n := f.pane.naReasons
	n.pick.SetSelected("Lunch")
	test.Tap(n.addBtn)
	test.Tap(n.bar.save)
	f.refused(before, n.bar.problem.Text, "Anna", staleWords)

	s := f.pane.skills
	test.Tap(s.add)
	if !detailSelectOption(s.skillPick, "French (Language)") || !detailSelectOption(s.levelPick, "Basic (1)") {
		t.Fatalf("French at Basic not offered: %v / %v", s.skillPick.Options, s.levelPick.Options)
	}
	test.Tap(s.form.save)
	f.refused(before, s.form.problem.Text, staleWords)

	pr := f.pane.profiles
	var offDuty int64
	for _, p := range f.detail("anna").Profiles {
		if p.Builtin == "off_duty" {
			offDuty = p.ID
		}
	}
	pr.makeActive(offDuty)
	f.refused(before, pr.problem.Text, staleWords)

	as := f.pane.assistant
	as.pick.SetSelected("CRM lookup")
	test.Tap(as.addBtn)
	test.Tap(as.bar.save)
	f.refused(before, as.bar.problem.Text, staleWords)

	ia := f.pane.interact
	ia.active.SetChecked(!ia.active.Checked)
	test.Tap(ia.bar.save)
	f.refused(before, ia.bar.problem.Text, staleWords)

	r := f.pane.roles
	test.Tap(r.add)
	dd := r.dialog
	if dd == nil || !detailSelectOption(dd.role, "Custom 1 (custom)") || !detailSelectOption(dd.scope, "Sales") {
		t.Fatal("the add dialog does not offer Custom 1 in Sales")
	}
	test.Tap(dd.save)
	f.refused(before, dd.problem.Text, staleWords)
	dd.close()
	var held data.RoleAssignment
	for _, a := range f.detail("anna").Roles {
		if a.ID == assigned {
			held = a
		}
	}
	r.onEditScope(held)
	dd = r.dialog
	if !detailSelectOption(dd.scope, "Sales/EMEA") {
		t.Fatalf("the scope dialog does not offer Sales/EMEA: %q", dd.scope.Selected)
	}
	test.Tap(dd.save)
	f.refused(before, dd.problem.Text, staleWords)
	dd.close()
	r.remove(held)
	if l := r.problems[assigned]; l == nil {
		t.Fatal("the role was removed on a stale view")
	} else {
		f.refused(before, l.Text, staleWords)
	}

	g := f.pane.general
	g.chooseOU(f.ou["Support"])
	g.save(func(error) {})
	f.refused(before, g.bar.problem.Text, staleWords)
}
