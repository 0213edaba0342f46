package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// listRowsWhere are the first n listed rows (by position) whose users satisfy ok.
func listRowsWhere(t *testing.T, m *mainWindow, n int, ok func(*userlist.Row) bool) []int {
	t.Helper()
	var out []int
	for i, h := range m.table.hits {
		if len(out) < n && ok(&m.index.Rows[h]) {
			out = append(out, i)
		}
	}
	if len(out) < n {
		t.Fatalf("only %d such users are listed, want %d", len(out), n)
	}
	return out
}

// Granting a licence to several users runs the same rule for each: with one licence left
// short by the tenant's contingent, the others get it and the one refused is named with
// the rule's reason; nothing is said to be done that was not.
func TestBulkGrantChangesEachUserAndListsTheRefusedOneWithItsReason(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	totals, err := m.nimbus.LicenceTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tot := range totals {
		if tot.Licence == data.Assistant {
			if _, err := m.nimbus.Do(ctx, app.SetLicenceContingent{Licence: data.Assistant, Contingent: tot.InUse + 2}); err != nil {
				t.Fatal(err)
			}
		}
	}
	m.load("")
	rows := listRowsWhere(t, m, 3, func(r *userlist.Row) bool { return !r.Licences.Has(data.Assistant) })
	listClick(t, m, rows[0], 0)
	listClick(t, m, rows[1], fyne.KeyModifierControl)
	listClick(t, m, rows[2], fyne.KeyModifierControl)
	holder := listRowsWhere(t, m, 1, func(r *userlist.Row) bool { return r.Licences.Has(data.Assistant) })[0]
	m.table.toggleRow(holder) // as Ctrl+click does, wherever the row is
	if n := len(listSelectedIDs(m)); n != 4 {
		t.Fatalf("%d users selected, want 4", n)
	}
	var picked []string
	for _, r := range rows {
		picked = append(picked, m.index.Rows[m.table.hits[r]].ID)
	}
	holderID := m.index.Rows[m.table.hits[holder]].ID
	third := m.index.Rows[m.table.hits[rows[2]]]

	test.Tap(m.list.bulk)
	b := m.list.bulkForm
	if b == nil {
		t.Fatal("Change… opens no dialog")
	}
	b.action.SetSelected("Grant a licence")
	if !b.apply.Disabled() {
		t.Error("Apply is enabled before a licence is chosen")
	}
	b.licence.SetSelected(data.Assistant.String())
	test.Tap(b.apply)

	report := m.list.lastReport
	lines := strings.Split(report, "\n")
	if lines[0] != "2 changed; 1 already held it; 1 refused:" || len(lines) != 2 {
		t.Fatalf("the outcome reads:\n%s\nwant 2 changed, 1 already holding it and 1 refused, named", report)
	}
	if !strings.HasPrefix(lines[1], third.DisplayName+" ("+third.UPN+") — ") || !strings.Contains(lines[1], "Assistant: all ") {
		t.Errorf("the refused user is listed as %q, want %s with the contingent's reason", lines[1], third.DisplayName)
	}
	if !strings.Contains(m.status.Text, "2 changed; 1 already held it; 1 refused") {
		t.Errorf("the status line says %q", m.status.Text)
	}
	for i, id := range picked {
		d, err := m.nimbus.UserDetail(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if want := i < 2; d.User.Licences.Has(data.Assistant) != want {
			t.Errorf("%s holds Assistant: %v, want %v", d.User.UPN, !want, want)
		}
	}
	if d, err := m.nimbus.UserDetail(ctx, holderID); err != nil || !d.User.Licences.Has(data.Assistant) {
		t.Errorf("the user who held Assistant no longer does: %v", err)
	}
	if got := listSelectedIDs(m); len(got) != 4 {
		t.Errorf("after the change %d users are selected, want the same 4", len(got))
	}
	selectRefused := uitest.Button(m.win.Canvas().Overlays().Top(), "Select the refused users")
	if selectRefused == nil {
		t.Fatal("the outcome offers no way to select the refused users")
	}
	test.Tap(selectRefused)
	if got := listSelectedIDs(m); len(got) != 1 || got[0] != third.ID || m.selectedID() != third.ID {
		t.Errorf("Select the refused users selects %v, want %s alone", got, third.UPN)
	}
}

// Delete with several users selected checks them first: the confirmation names those the
// rule keeps, with the reason, and the delete removes only the others.
func TestDeleteWithSeveralSelectedNamesThoseKeptBeforeAsking(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	kept := windowUserWhere(t, m, func(d app.UserDetail) bool { return !d.Deletable() })
	gone := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.Deletable() })
	m.selectUser(kept.User.ID)
	for i, h := range m.table.hits {
		if m.index.Rows[h].ID == gone.User.ID {
			m.table.toggleRow(i)
		}
	}
	if m.table.selectionCount() != 2 {
		t.Fatalf("%d users selected, want 2", m.table.selectionCount())
	}
	m.table.TypedKey(windowDeleteKey)
	if m.confirm == nil {
		t.Fatal("Delete with two users selected asks nothing")
	}
	if want := kept.User.DisplayName + " (" + kept.User.UPN + ") — cannot delete: " + kept.DeleteBlockedReason; !strings.Contains(m.deleteAsked, want) ||
		!strings.HasPrefix(m.deleteAsked, "Remove 1 user from Nimbus?") {
		t.Fatalf("the question does not name the user kept before asking:\n%s\nwant %q", m.deleteAsked, want)
	}
	m.confirm.Confirm()
	if _, err := m.nimbus.UserDetail(ctx, gone.User.ID); err == nil {
		t.Error("the deletable user is still in Nimbus")
	}
	if _, err := m.nimbus.UserDetail(ctx, kept.User.ID); err != nil {
		t.Errorf("the user the rule keeps is gone: %v", err)
	}
	if !strings.HasPrefix(m.list.lastReport, "1 changed; 1 refused:") {
		t.Errorf("the outcome reads %q", m.list.lastReport)
	}
}

// A change for several users that was stopped says how far it got and how many users it
// did not reach, so that nothing is left half-done without saying so.
func TestAStoppedBulkChangeSaysWhoWasNotReached(t *testing.T) {
	anna := &userlist.Row{UserListRow: data.UserListRow{DisplayName: "Anna Berg", UPN: "anna@contoso.example"}}
	ben := &userlist.Row{UserListRow: data.UserListRow{DisplayName: "Ben Okafor", UPN: "ben@contoso.example"}}
	out := bulkOutcome{total: 10, done: []*userlist.Row{ben, ben, ben}, refused: []bulkRefusal{{anna, "the OU is outside your scope"}}, stopped: true}
	want := "Stopped after 4 of 10 users: 3 changed; 1 refused; the other 6 were not changed:\n" +
		"Anna Berg (anna@contoso.example) — the OU is outside your scope"
	if got := out.report(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	if got := (bulkOutcome{total: 2, done: []*userlist.Row{anna, ben}}).report(); got != "2 changed; 0 refused." {
		t.Errorf("report without refusals: %q", got)
	}
}

// The bulk dialog asks what each kind of change needs, and nothing more.
func TestBulkDialogAsksWhatEachChangeNeeds(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.table.selectAll()
	m.list.openBulk(bulkGrant)
	b := m.list.bulkForm
	labels := func() string {
		var out []string
		for _, it := range b.form.Items {
			out = append(out, it.Text)
		}
		return strings.Join(out, ",")
	}
	for action, want := range map[string]string{
		"Grant a licence":              "Change,Licence",
		"Revoke a licence":             "Change,Licence,",
		"Move to an organization unit": "Change,Move to,",
		"Add a role":                   "Change,Role,Scope",
		"Delete from Nimbus":           "Change",
	} {
		b.action.SetSelected(action)
		if got := labels(); got != want {
			t.Errorf("%s asks for %q, want %q", action, got, want)
		}
	}
	b.action.SetSelected("Delete from Nimbus")
	if b.apply.Disabled() || b.apply.Text != "Delete "+usersText(len(m.table.hits))+"…" {
		t.Errorf("for a delete the button reads %q (disabled %v)", b.apply.Text, b.apply.Disabled())
	}
	b.dlg.Hide()
}

// Moving several users picks the OU with the window's OU picker; each user is moved or
// named with the reason the rule gave, and one already in that OU is counted as such.
func TestBulkMoveMovesEachUserOrSaysWhyNot(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	target := m.index.Tree.Children(m.index.Tree.Root)[0]
	rows := listRowsWhere(t, m, 2, func(r *userlist.Row) bool { return r.OUID != target })
	there := listRowsWhere(t, m, 1, func(r *userlist.Row) bool { return r.OUID == target })[0]
	moving := []userlist.Row{m.index.Rows[m.table.hits[rows[0]]], m.index.Rows[m.table.hits[rows[1]]]}
	m.table.selectRow(rows[0])
	m.table.toggleRow(rows[1])
	m.table.toggleRow(there)
	m.list.openBulk(bulkMove)
	b := m.list.bulkForm
	b.ou.SetSelectedID(target)
	if b.apply.Disabled() {
		t.Fatal("Apply stays disabled with an OU chosen")
	}
	test.Tap(b.apply)
	report := m.list.lastReport
	refused := strings.Count(report, "\n")
	if !strings.Contains(report, "; 1 were there already; ") || !strings.HasPrefix(report, strconv.Itoa(2-refused)+" changed") {
		t.Fatalf("the outcome reads:\n%s", report)
	}
	for _, row := range moving {
		d, err := m.nimbus.UserDetail(ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.User.OUID != target && !strings.Contains(report, row.UPN) {
			t.Errorf("%s was neither moved nor named as refused:\n%s", row.UPN, report)
		}
	}
}
