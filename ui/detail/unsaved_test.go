package detail

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// detailDraftOnNAReasons leaves anna with an unsaved N/A draft: Lunch added to an empty list.
func detailDraftOnNAReasons(t *testing.T, f *detailTenant) {
	t.Helper()
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter))
	f.pane.ShowUser(f.user["anna"])
	n := f.pane.naReasons
	n.pick.SetSelected("Lunch")
	test.Tap(n.addBtn)
	if !n.dirty() {
		t.Fatal("adding a reason did not make a draft")
	}
	if !strings.HasSuffix(f.pane.tab("N/A Reasons").item.Text, "•") {
		t.Errorf("the tab title does not mark the unsaved draft: %q", f.pane.tab("N/A Reasons").item.Text)
	}
}

func TestDetailSelectingAnotherUserAsksAndKeepEditingKeepsTheDraft(t *testing.T) {
	f := newDetailTenant(t)
	detailDraftOnNAReasons(t, f)
	before := f.digest()
	stayed := ""
	f.pane.OnStay = func(id string) { stayed = id }
	f.pane.ShowUser(f.user["ben"])
	if f.pane.ask == nil {
		t.Fatal("no question about the unsaved draft")
	}
	test.Tap(f.pane.ask.stay)
	if f.pane.userID != f.user["anna"] || !f.pane.naReasons.dirty() {
		t.Error("Keep editing lost the draft or left the user")
	}
	if stayed != f.user["anna"] {
		t.Errorf("the host was not told to select anna again (told %q)", stayed)
	}
	if f.digest() != before {
		t.Error("asking wrote to the cache")
	}
}

func TestDetailSelectingAnotherUserThenDiscardWritesNothing(t *testing.T) {
	f := newDetailTenant(t)
	detailDraftOnNAReasons(t, f)
	before := f.digest()
	f.pane.ShowUser(f.user["ben"])
	test.Tap(f.pane.ask.discard)
	if f.pane.userID != f.user["ben"] {
		t.Error("Discard did not go on to the next user")
	}
	if f.digest() != before {
		t.Error("Discard wrote to the cache")
	}
}

func TestDetailSelectingAnotherUserThenSaveKeepsTheEdit(t *testing.T) {
	f := newDetailTenant(t)
	var changed []string
	f.pane.onChanged = func(id string) { changed = append(changed, id) }
	detailDraftOnNAReasons(t, f)
	f.pane.ShowUser(f.user["ben"])
	test.Tap(f.pane.ask.save)
	if f.pane.userID != f.user["ben"] {
		t.Error("Save did not go on to the next user")
	}
	if got := detailNames(f.detail("anna").NAReasons); !slices.Equal(got, []string{"Lunch"}) {
		t.Errorf("anna's N/A reasons after Save: %v", got)
	}
	if !slices.Contains(changed, f.user["anna"]) {
		t.Error("the list was not told that anna changed")
	}
}

func TestDetailSaveRefusedWhileLeavingStaysOnTheUser(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter))
	f.pane.ShowUser(f.user["anna"])
	test.Tap(f.pane.naReasons.enabled) // enabled with no reason: the rule refuses it
	before := f.digest()
	f.pane.ShowUser(f.user["ben"])
	test.Tap(f.pane.ask.save)
	if f.pane.userID != f.user["anna"] {
		t.Fatal("a refused Save moved on and dropped the draft")
	}
	f.refused(before, f.pane.naReasons.bar.problem.Text, "without at least one reason")
	if f.pane.tabs.Selected() != f.pane.tab("N/A Reasons").item {
		t.Error("the view does not show the tab whose save was refused")
	}
}

func TestDetailOUPickerMovesTheUserOnSave(t *testing.T) {
	f := newDetailTenant(t)
	f.pane.ShowUser(f.user["anna"])
	g := f.pane.general
	test.Tap(g.changeOU)
	if g.ouDialog == nil {
		t.Fatal("no OU picker")
	}
	g.ouDialog.Hide()
	g.chooseOU(f.ou["Support"])
	if !strings.Contains(g.ou.Text, "Support") || !g.dirty() {
		t.Fatalf("the draft OU is not shown: %q", g.ou.Text)
	}
	test.Tap(g.bar.save)
	if got := f.detail("anna").OUPath; got != "Support" {
		t.Errorf("anna's OU after Save: %q", got)
	}
	j, _ := f.app.Journal(context.Background(), 1)
	if len(j) != 1 || j[0].Action != "user.ou" {
		t.Errorf("the move was not journaled: %+v", j)
	}
}

func TestDetailRoleDialogWarnsOfSelfElevation(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter)) // custom roles need it
	ou, err := f.app.Store().Read(context.Background()).BuiltinRole(data.RoleOUAdmin)
	f.must(err)
	_, err = f.app.AssignRole(context.Background(), f.user["anna"], ou.ID, f.ou["Sales"])
	f.must(err)
	_, err = f.app.Do(context.Background(), app.MoveUser{User: f.user["anna"], OU: f.ou["Support"]})
	f.must(err)
	f.pane.ShowUser(f.user["anna"])
	test.Tap(f.pane.roles.add)
	dd := f.pane.roles.dialog
	detailSelectOption(dd.role, "Mover (custom)")
	detailSelectOption(dd.scope, "Support")
	if !dd.warning.Visible() || !strings.Contains(dd.warning.Text, "Self-elevation") {
		t.Fatalf("no self-elevation warning: %q", dd.warning.Text)
	}
	if !detailSelectOption(dd.role, "Supervisor (Service) (portal)") {
		t.Fatalf("Supervisor (Service) not offered: %v", dd.role.Options)
	}
	if dd.warning.Visible() {
		t.Errorf("warning shown for a role that cannot move users: %q", dd.warning.Text)
	}
}
