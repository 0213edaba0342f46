package detail

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// detailPendingOnGeneralAndInteract shows anna (Contact Center and Interact) with two
// unsaved edits: Attendant Console ticked on General, Active switched on Interact.
func detailPendingOnGeneralAndInteract(t *testing.T, f *detailTenant) {
	t.Helper()
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter|data.Interact))
	f.pane.ShowUser(f.user["anna"])
	test.Tap(f.pane.general.licences[data.AttendantConsole])
	test.Tap(f.pane.interact.active)
	detailWantPending(t, f, app.TabGeneral, app.TabInteract)
}

// detailWantPending checks that exactly the tabs want hold unsaved edits, each marked "•",
// and that the line under the tabs counts them.
func detailWantPending(t *testing.T, f *detailTenant, want ...app.Tab) {
	t.Helper()
	var got []app.Tab
	for _, tab := range f.pane.dirtyTabs() {
		got = append(got, tab.id)
		if !strings.HasSuffix(tab.item.Text, " •") {
			t.Errorf("the %s tab is not marked as unsaved: %q", tab.id, tab.item.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("tabs with unsaved edits: %v, want %v", got, want)
	}
	if len(want) > 0 && !strings.Contains(f.pane.pending.summary.Text, "unsaved change") {
		t.Errorf("the pending changes are not counted: %q", f.pane.pending.summary.Text)
	}
}

// An instant action on one tab (a role assigned) and the Save of another (N/A Reasons)
// keep the unsaved edits of General and Interact, which then save fine.
func TestDetailPendingEditsSurviveAnInstantActionAndAnotherTabsSave(t *testing.T) {
	f := newDetailTenant(t)
	detailPendingOnGeneralAndInteract(t, f)

	test.Tap(f.pane.roles.add)
	dd := f.pane.roles.dialog
	if !detailSelectOption(dd.role, "Workflow Administrator (admin)") || !detailSelectOption(dd.scope, "Sales") {
		t.Fatalf("Workflow Administrator in Sales not offered: %v", dd.role.Options)
	}
	test.Tap(dd.save)
	if len(f.detail("anna").Roles) != 1 {
		t.Fatal("the role was not assigned")
	}
	detailWantPending(t, f, app.TabGeneral, app.TabInteract)
	if !f.pane.general.licences[data.AttendantConsole].Checked || !f.pane.interact.active.Checked {
		t.Fatal("the edits were dropped by the role assignment")
	}
	if f.pane.pending.summary.Text != "Anna Åberg has 2 unsaved changes on the General and Interact tabs." {
		t.Errorf("pending line: %q", f.pane.pending.summary.Text)
	}

	n := f.pane.naReasons
	n.pick.SetSelected("Lunch")
	test.Tap(n.addBtn)
	test.Tap(n.bar.save)
	if n.bar.problem.Visible() {
		t.Fatalf("N/A Reasons not saved: %s", n.bar.problem.Text)
	}
	detailWantPending(t, f, app.TabGeneral, app.TabInteract)

	f.pane.SaveAll()
	detailWantPending(t, f)
	anna := f.detail("anna")
	if !anna.User.Licences.Has(data.AttendantConsole) || anna.Interact == nil || !anna.Interact.Active {
		t.Errorf("Save all did not write the kept edits: licences %v, interact %+v", anna.User.Licences, anna.Interact)
	}
	if got := detailNames(anna.NAReasons); !slices.Equal(got, []string{"Lunch"}) || len(anna.Roles) != 1 {
		t.Errorf("the earlier changes were undone: reasons %v, roles %d", got, len(anna.Roles))
	}
}

// A draft kept over the admin's own change must still be refused as stale when anyone
// else changed the user after the draft was loaded: before the own change, after it, or
// between the own change and the reload.
func TestDetailKeptDraftsAreStillRefusedWhenSomeoneElseChangedTheUser(t *testing.T) {
	ctx := context.Background()
	behindTheBack := func(f *detailTenant) { // a write no view shows: another admin's
		_, err := f.app.Do(ctx, app.AssignRole{User: f.user["anna"], Role: f.roleID(data.RoleWorkflowAdmin), Scope: f.ou["Support"]})
		f.must(err)
	}
	makeActive := func(f *detailTenant) { // the view's own instant action
		var offDuty int64
		for _, p := range f.pane.profiles.d.Profiles {
			if p.Builtin == "off_duty" {
				offDuty = p.ID
			}
		}
		f.pane.profiles.makeActive(offDuty)
	}
	for name, between := range map[string]func(f *detailTenant){
		"before the own change, the view showing it": func(f *detailTenant) {
			behindTheBack(f)
			f.pane.ShowUser(f.user["anna"]) // the same user again: the view shows the change, the drafts stay on their base
			makeActive(f)
			if f.pane.profiles.problem.Visible() {
				t.Fatalf("Make active refused: %s", f.pane.profiles.problem.Text)
			}
		},
		"before the own change": func(f *detailTenant) {
			behindTheBack(f)
			before := f.digest()
			makeActive(f)
			f.refused(before, f.pane.profiles.problem.Text, staleWords)
		},
		"after the own change": func(f *detailTenant) {
			makeActive(f)
			if f.pane.profiles.problem.Visible() {
				t.Fatalf("Make active refused: %s", f.pane.profiles.problem.Text)
			}
			behindTheBack(f)
		},
		"between the own change and the reload": func(f *detailTenant) {
			seen := f.pane.detail.Version
			out, err := f.app.Do(ctx, app.SetActiveProfile{Base: app.BasedOn(seen), User: f.user["anna"], Profile: f.pane.profiles.d.Profiles[0].ID})
			f.must(err)
			behindTheBack(f)
			f.pane.changed(seen, out, nil)
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := newDetailTenant(t)
			detailPendingOnGeneralAndInteract(t, f)
			between(f)
			detailWantPending(t, f, app.TabGeneral, app.TabInteract)
			before := f.digest()
			f.pane.SaveAll()
			f.refused(before, f.pane.pending.problem.Text, "General", "Interact", staleWords)
			detailWantPending(t, f, app.TabGeneral, app.TabInteract)
		})
	}
}

// A draft whose own fields the admin's other change altered keeps its old base: saving
// it would overwrite what that change did, so it is refused as stale.
func TestDetailADraftWhoseFieldsAnotherSaveChangedIsNotRebased(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter))
	_, err := f.app.Do(ctx, app.SetNAReasons{User: f.user["anna"], Enabled: true, Reasons: []int64{f.id["Meeting"]}})
	f.must(err)
	f.pane.ShowUser(f.user["anna"])
	n := f.pane.naReasons
	n.pick.SetSelected("Lunch")
	test.Tap(n.addBtn)
	g := f.pane.general
	g.chooseOU(f.ou["Support"]) // Meeting (Sales) is out of the new OU's path: the move drops it
	g.save(func(error) {})
	if g.dropAsk == nil {
		t.Fatal("the move did not ask about the reason it drops")
	}
	g.dropAsk.Confirm()
	if f.detail("anna").OUPath != "Support" || len(f.detail("anna").NAReasons) != 0 {
		t.Fatal("the move was not saved with the reason it drops")
	}
	detailWantPending(t, f, app.TabNAReasons)
	before := f.digest()
	f.pane.SaveAll()
	f.refused(before, f.pane.pending.problem.Text, "N/A Reasons", staleWords)
}

// A draft of a tab the admin's other change hid (its licence revoked) cannot be saved
// any more: it goes, and the pane says so.
func TestDetailADraftOfAHiddenTabIsDroppedAndSaid(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter|data.Interact))
	f.pane.ShowUser(f.user["anna"])
	n := f.pane.naReasons
	n.pick.SetSelected("Lunch")
	test.Tap(n.addBtn)
	test.Tap(f.pane.general.licences[data.ContactCenter])
	f.pane.general.save(func(error) {})
	if ask := f.pane.general.dropAsk; ask != nil {
		ask.Confirm()
	}
	detailWantPending(t, f)
	if got := f.pane.pending.problem.Text; !strings.Contains(got, "N/A Reasons") || !strings.Contains(got, "dropped") {
		t.Errorf("the dropped draft is not said: %q", got)
	}
}

// Save all writes what the rules accept, names each refused part with its tab and the
// rule's message, and keeps that part pending.
func TestDetailSaveAllNamesTheRefusedPartAndKeepsIt(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter|data.Interact))
	f.pane.ShowUser(f.user["anna"])
	test.Tap(f.pane.naReasons.enabled) // enabled with no reason: the rule refuses it
	test.Tap(f.pane.interact.active)
	test.Tap(f.pane.pending.save)
	if got := f.pane.pending.problem.Text; !strings.Contains(got, "N/A Reasons") || !strings.Contains(got, "without at least one reason") {
		t.Errorf("the refused part is not named with the rule's message: %q", got)
	}
	detailWantPending(t, f, app.TabNAReasons)
	if ia := f.detail("anna").Interact; ia == nil || !ia.Active {
		t.Error("the accepted part was not written")
	}
	if f.pane.tabs.Selected() != f.pane.tab(app.TabNAReasons).item {
		t.Error("the refused tab is not shown")
	}
	n := f.pane.naReasons
	n.pick.SetSelected("Lunch")
	test.Tap(n.addBtn) // the cause is fixed, the draft still pending: the message goes
	if f.pane.pending.problem.Visible() || n.bar.problem.Visible() || !n.dirty() {
		t.Errorf("the refusal stays after its cause was fixed: %q", f.pane.pending.problem.Text)
	}
	test.Tap(f.pane.interact.audioVideo)
	test.Tap(f.pane.pending.discard)
	detailWantPending(t, f)
}

// Esc in a field of a draft tab puts that field back as saved and leaves the others;
// where there is nothing to put back, Esc keeps the window's meaning.
func TestDetailEscRevertsTheFocusedField(t *testing.T) {
	f := newDetailTenant(t)
	detailPendingOnGeneralAndInteract(t, f)
	windowEsc := 0
	f.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			windowEsc++
		}
	})
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	f.win.Canvas().Focus(f.pane.general.licences[data.AttendantConsole])
	f.win.Canvas().Focused().TypedKey(esc)
	if f.pane.general.licences[data.AttendantConsole].Checked || f.pane.general.dirty() {
		t.Error("Esc did not put the licence back")
	}
	detailWantPending(t, f, app.TabInteract)
	if windowEsc != 0 {
		t.Error("Esc that reverted a field also reached the window")
	}
	f.win.Canvas().Focused().TypedKey(esc)
	if windowEsc != 1 {
		t.Error("Esc on a field as saved did not keep the window's meaning")
	}
	f.pane.general.chooseOU(f.ou["Support"])
	f.win.Canvas().Focus(f.pane.general.changeOU)
	f.win.Canvas().Focused().TypedKey(esc)
	if f.pane.general.dirty() {
		t.Error("Esc on Change… did not put the OU back")
	}
	f.pane.tabs.Select(f.pane.tab(app.TabInteract).item)
	f.win.Canvas().Focus(f.pane.interact.active)
	f.win.Canvas().Focused().TypedKey(esc)
	detailWantPending(t, f)
}

// A removal the rules refuse says so at once, instead of asking "Are you sure?" first.
func TestDetailRefusedRemovalSaysWhyBeforeAsking(t *testing.T) {
	f := newDetailTenant(t)
	f.pane.ShowUser(f.user["ben"])
	as := f.detail("ben").Roles[0] // granted automatically: it cannot be removed
	f.pane.roles.onRemove(as)
	if f.win.Canvas().Overlays().Top() != nil {
		t.Error("a removal the rules refuse was asked about")
	}
	if l := f.pane.roles.problems[as.ID]; !strings.Contains(l.Text, "cannot be edited or removed") {
		t.Errorf("the refusal is not shown: %q", l.Text)
	}
}
