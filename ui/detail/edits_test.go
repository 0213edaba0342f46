package detail

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

func TestDetailSixthCustomRoleIsRefusedInTheDialog(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter)) // custom roles need it
	for i := 1; i <= 5; i++ {
		_, err := f.app.AssignRole(ctx, f.user["anna"], f.id[fmt.Sprintf("Custom %d", i)], f.ou["root"])
		f.must(err)
	}
	f.pane.ShowUser(f.user["anna"])
	if f.pane.roles.custom.Text != "Custom roles: 5 of at most 5 per user." {
		t.Errorf("custom role count line: %q", f.pane.roles.custom.Text)
	}
	before := f.digest()
	test.Tap(f.pane.roles.add)
	dd := f.pane.roles.dialog
	if dd == nil || !detailSelectOption(dd.role, "Custom 6 (custom)") {
		t.Fatal("the add dialog does not offer Custom 6")
	}
	test.Tap(dd.save)
	f.refused(before, dd.problem.Text, "already holds 5 custom roles")
	if f.pane.roles.dialog != dd || !dd.problem.Visible() {
		t.Error("the dialog closed or hid the rule's message")
	}
}

func TestDetailAutoGrantedRoleCannotBeEditedAndSaysWhy(t *testing.T) {
	f := newDetailTenant(t)
	f.pane.ShowUser(f.user["ben"])
	as := f.detail("ben").Roles[0]
	if !as.AutoGranted {
		t.Fatal("fixture: ben's role should be auto-granted")
	}
	if !f.pane.roles.removeBtns[as.ID].Disabled() || !f.pane.roles.editBtns[as.ID].Disabled() {
		t.Error("Edit and Remove are offered on an auto-granted role")
	}
	before := f.digest()
	f.refused(before, f.pane.roles.problems[as.ID].Text, "granted automatically", "Sales Hotline")
	f.pane.roles.remove(as)
	f.refused(before, f.pane.roles.problems[as.ID].Text, "cannot be edited or removed")
}

func TestDetailRolesOfATenantAdministratorChangeAndSayTheyHaveNoEffect(t *testing.T) {
	f := newDetailTenant(t)
	id, err := f.app.AssignRole(context.Background(), f.user["dana"], f.roleID(data.RoleWorkflowAdmin), f.ou["Sales"])
	f.must(err)
	f.pane.ShowUser(f.user["dana"])
	if f.pane.roles.lock.Visible() || f.pane.roles.add.Disabled() || f.pane.roles.removeBtns[id].Disabled() {
		t.Fatal("roles of a Tenant Administrator can be added and removed: nothing may be locked")
	}
	var texts []string
	uitest.Walk(f.pane.roles.rows, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, app.NoEffectWhileTenantAdmin) }) {
		t.Errorf("the Workflow Administrator role of a Tenant Administrator is not marked %q: %q", app.NoEffectWhileTenantAdmin, texts)
	}
	f.pane.roles.remove(data.RoleAssignment{ID: id, Role: data.Role{Name: "Workflow Administrator"}})
	for _, r := range f.detail("dana").Roles {
		if r.ID == id {
			t.Error("Remove did not take the role from the Tenant Administrator")
		}
	}
}

func TestDetailEnablingNAReasonsWithoutAReasonIsRefused(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter))
	f.pane.ShowUser(f.user["anna"])
	n := f.pane.naReasons
	before := f.digest()
	test.Tap(n.enabled)
	test.Tap(n.bar.save)
	f.refused(before, n.bar.problem.Text, "cannot be enabled", "without at least one reason")
	if !n.dirty() || !n.enabled.Checked {
		t.Error("the refused draft was thrown away")
	}
}

func TestDetailRestrictAccessWithoutTemplatesIsRefused(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	// Public site (Sales) is the only domain template in EMEA or above; Support portal lives in a sibling OU.
	_, err := f.app.Do(ctx, app.DeleteConfigItem{ConfigKind: data.ConfigDomainTemplates, Item: f.id["Public site"]})
	f.must(err)
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter|data.Interact))
	f.pane.ShowUser(f.user["anna"])
	ia := f.pane.interact
	if !ia.restrict.Disabled() || !ia.restrictWhy.Visible() {
		t.Fatal("Restrict Access is offered although no domain template exists in EMEA or above")
	}
	before := f.digest()
	f.refused(before, ia.restrictWhy.Text, "needs at least one domain template")
	ia.restrict.SetChecked(true)
	test.Tap(ia.bar.save)
	f.refused(before, ia.bar.problem.Text, "Restrict Access needs at least one domain template")
}

func TestDetailItemFromASiblingOUIsRefused(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.Assistant))
	f.pane.ShowUser(f.user["anna"])
	a := f.pane.assistant
	if slices.Contains(a.pick.Options, "Support KB") {
		t.Error("a template of the sibling OU Support is offered to a user in Sales/EMEA")
	}
	before := f.digest()
	a.list.Add(data.AssignableItem{ID: f.id["Support KB"], Name: "Support KB", OUID: f.ou["Support"]})
	test.Tap(a.bar.save)
	f.refused(before, a.bar.problem.Text, "Support KB", "only items from the user's OU or higher")
}

func TestDetailCopyPutsExactlyTheSnippetOnTheClipboard(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter|data.Interact))
	f.pane.ShowUser(f.user["anna"])
	contact := f.detail("anna").Interact.ContactID
	want := `<script data-contact="` + contact + `" data-key="wk-123"></script>`
	test.Tap(f.pane.interact.copyBtn)
	if got := fyne.CurrentApp().Clipboard().Content(); got != want {
		t.Errorf("clipboard holds %q, want %q", got, want)
	}
	if f.pane.interact.copied.Text == "" {
		t.Error("Copy did not confirm")
	}
	test.Tap(f.pane.interact.previewBtn)
	if f.pane.interact.preview == nil {
		t.Fatal("Preview showed nothing")
	}
}

func TestDetailCopyIsOffWhileInteractIsOffForTheTenant(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter|data.Interact))
	off := false
	_, err := f.app.Do(ctx, app.ChangeTenantSettings{InteractEnabled: &off})
	f.must(err)
	f.pane.ShowUser(f.user["anna"])
	ia := f.pane.interact
	if !ia.copyBtn.Disabled() || !strings.Contains(ia.copied.Text, "Interact is off for the tenant") {
		t.Errorf("Copy with Interact off for the tenant: disabled %v, says %q", ia.copyBtn.Disabled(), ia.copied.Text)
	}
}

func TestDetailDirectSystemMessageFollowsInstantMessaging(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter|data.Interact)) // the root holds the message Friendly
	f.pane.ShowUser(f.user["anna"])
	ia := f.pane.interact
	if ia.messaging.Checked || !ia.systemMessage.Disabled() || !strings.Contains(ia.systemMessageWhy.Text, "Instant Messaging") {
		t.Fatalf("with Instant Messaging off the message choice should be off and say why: %q", ia.systemMessageWhy.Text)
	}
	test.Tap(ia.messaging)
	if ia.systemMessage.Disabled() {
		t.Error("turning Instant Messaging on did not offer the direct system messages")
	}
}

func TestDetailReorderingWithButtonsPersists(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.ContactCenter))
	f.must(f.app.SetNAReasons(ctx, f.user["anna"], true, []int64{f.id["Lunch"], f.id["Meeting"]}))
	f.pane.ShowUser(f.user["anna"])
	n := f.pane.naReasons
	test.Tap(n.list.Row(0).Down)
	test.Tap(n.bar.save)
	if got := detailNames(f.detail("anna").NAReasons); !slices.Equal(got, []string{"Meeting", "Lunch"}) {
		t.Errorf("N/A reasons after moving Lunch down and saving: %v", got)
	}
	j, _ := f.app.Journal(ctx, 1)
	if len(j) != 1 || j[0].Action != "user.na.reasons" || j[0].New != "Meeting, Lunch" {
		t.Errorf("reorder not journaled: %+v", j)
	}
}

func TestDetailReorderingByDragPersists(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	f.must(f.app.GrantLicence(ctx, f.user["anna"], data.Assistant))
	f.must(f.app.SetCallTemplates(ctx, f.user["anna"], []int64{f.id["CRM lookup"], f.id["Ticket"]}))
	f.pane.ShowUser(f.user["anna"])
	f.pane.tabs.Select(f.pane.tab(app.TabAssistant).item)
	a := f.pane.assistant
	h := a.list.Row(0).Grip
	rowHeight := a.list.Object().(*fyne.Container).Objects[0].Size().Height
	if rowHeight <= 0 {
		t.Fatal("rows are not laid out")
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(h).AddXY(h.Size().Width/2, h.Size().Height/2)
	test.Drag(f.win.Canvas(), pos, 0, rowHeight*1.1)
	if got := detailNames(a.list.Items()); !slices.Equal(got, []string{"Ticket", "CRM lookup"}) {
		t.Fatalf("after dragging the first row down one row: %v", got)
	}
	test.Tap(a.bar.save)
	if got := detailNames(f.detail("anna").CallTemplates); !slices.Equal(got, []string{"Ticket", "CRM lookup"}) {
		t.Errorf("call templates after drag and save: %v", got)
	}
}
