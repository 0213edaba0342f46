package detail

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// paneAs shows the detail pane of the fixture's tenant as another account.
func (f *detailTenant) paneAs(upn string) *Pane {
	f.t.Helper()
	w := test.NewWindow(nil)
	p := New(app.New(f.app.Store(), upn), w, nil)
	w.SetContent(p.Object())
	w.Resize(fyne.NewSize(900, 700))
	f.t.Cleanup(w.Close)
	return p
}

// detailEnabledControls names the controls of the pane's tabs that can still be used.
func detailEnabledControls(p *Pane) []string {
	var out []string
	for _, t := range p.master {
		uitest.Walk(t.item.Content, func(o fyne.CanvasObject) {
			if _, form := o.(*widget.Form); form || !o.Visible() {
				return // a form's Disable is about submitting; hidden controls cannot be used
			}
			if d, ok := o.(fyne.Disableable); ok && !d.Disabled() {
				out = append(out, string(t.id)+": "+detailControlName(o))
			}
		})
	}
	return out
}

func detailControlName(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Button:
		return "button " + v.Text
	case *widget.Check:
		return "check " + v.Text
	}
	return fmt.Sprintf("%T", o)
}

// An Organization Unit Administrator of Sales changes the licences of a user in
// Sales/EMEA; a user outside Sales shows greyed out, and the rule refuses a forced save
// with the missing permission; role changes are refused.
func TestDetailAnOUAdministratorEditsInsideTheirSubtreeOnly(t *testing.T) {
	f := newDetailTenant(t)
	_, err := f.app.AssignRole(context.Background(), f.user["ben"], f.roleID(data.RoleOUAdmin), f.ou["Sales"])
	f.must(err)
	p := f.paneAs("ben@contoso.example")

	p.ShowUser(f.user["anna"]) // in Sales/EMEA
	g := p.general
	if g.licences[data.Assistant].Disabled() || g.changeOU.Disabled() {
		t.Fatal("the licences of a user inside the subtree are greyed out")
	}
	test.Tap(g.licences[data.Assistant])
	test.Tap(g.bar.save)
	if got := f.detail("anna").User.Licences; !got.Has(data.Assistant) || g.bar.problem.Visible() {
		t.Errorf("the licence change inside the subtree was not saved: %v %q", got, g.bar.problem.Text)
	}
	if !p.roles.add.Disabled() || !strings.Contains(p.roles.lock.Text, "needs the Tenant Administrator role") {
		t.Errorf("role changes are offered to an OU Administrator: add disabled %v, note %q", p.roles.add.Disabled(), p.roles.lock.Text)
	}

	p.ShowUser(f.user["dana"]) // in the root, outside Sales
	if left := detailEnabledControls(p); len(left) != 0 {
		t.Errorf("controls usable on a user outside the subtree: %v", left)
	}
	before := f.digest()
	g.draftLic |= data.Assistant
	g.commit(false) // as if a greyed-out Save were pressed anyway: the rule still refuses
	f.refused(before, g.bar.problem.Text, "Organization Unit Administrator of Sales only", "Tenant Administrator")
}

// A plain user sees every user read-only: nothing can be edited, Copy still works.
func TestDetailAPlainUserCannotEditAnything(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter|data.Interact|data.Assistant))
	p := f.paneAs("ben@contoso.example")
	for _, key := range []string{"anna", "ben", "dana"} {
		p.ShowUser(f.user[key])
		var left []string
		for _, c := range detailEnabledControls(p) {
			if !strings.HasSuffix(c, "button Copy") && !strings.HasSuffix(c, "button Preview") {
				left = append(left, c)
			}
		}
		if len(left) != 0 {
			t.Errorf("%s shown to a plain user: usable controls %v, want none but Copy and Preview", key, left)
		}
	}
	// and back as a Tenant Administrator, everything is editable again
	f.pane.ShowUser(f.user["dana"])
	f.pane.ShowUser(f.user["anna"])
	if f.pane.general.licences[data.Assistant].Disabled() {
		t.Error("a Tenant Administrator's view is greyed out")
	}
}
