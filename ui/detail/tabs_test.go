package detail

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// detailSetLicencesOnGeneralTab ticks the four licence boxes to match l and presses Save.
func detailSetLicencesOnGeneralTab(t *testing.T, g *detailGeneral, l data.LicenceSet) (asked string) {
	t.Helper()
	for _, one := range data.AllLicences {
		if g.licences[one].Checked != l.Has(one) {
			test.Tap(g.licences[one])
		}
	}
	if g.dirty() {
		test.Tap(g.bar.save)
	}
	if ask := g.dropAsk; ask != nil { // revoking ends what depends on the licence: say yes
		asked = "asked"
		ask.Confirm()
	}
	if g.bar.problem.Visible() {
		t.Fatalf("saving licences %v was refused: %s", l, g.bar.problem.Text)
	}
	return asked
}

func TestDetailAllSixteenLicenceCombinationsShowExactlyTheirTabs(t *testing.T) {
	f := newDetailTenant(t)
	f.pane.ShowUser(f.user["anna"])
	for l := data.LicenceSet(0); l < 16; l++ {
		detailSetLicencesOnGeneralTab(t, f.pane.general, l)
		if got := f.detail("anna").User.Licences; got != l {
			t.Fatalf("licences saved %v, want %v", got, l)
		}
		want := app.VisibleTabs(l) // app's rule, tested on its own in app
		if got := f.pane.visibleTabs(); !slices.Equal(got, want) {
			t.Errorf("licences %q: tabs %v, want %v", l.String(), got, want)
		}
		for _, tab := range app.AllTabs() {
			hidden := !slices.Contains(want, tab)
			if says := strings.Contains(f.pane.hidden.Text, string(tab)); says != hidden {
				t.Errorf("licences %q: hidden note %q, mentions %s: %v", l.String(), f.pane.hidden.Text, tab, says)
			}
		}
	}
}

func TestDetailRevokingHidesAtOnceAndGrantingBringsSettingsBack(t *testing.T) {
	f := newDetailTenant(t)
	ctx := context.Background()
	anna := f.user["anna"]
	f.must(f.app.GrantLicence(ctx, anna, data.ContactCenter|data.Interact|data.Assistant))
	f.must(f.app.SetInteract(ctx, anna, app.InteractChange{Active: true, AudioVideo: true}))
	f.must(f.app.SetCallTemplates(ctx, anna, []int64{f.id["Ticket"], f.id["CRM lookup"]}))
	f.pane.ShowUser(anna)
	f.pane.tabs.Select(f.pane.tab(app.TabAssistant).item)

	if detailSetLicencesOnGeneralTab(t, f.pane.general, data.ContactCenter|data.Assistant) == "" {
		t.Error("revoking Interact while the widget is active did not ask before ending it")
	}
	if slices.Contains(f.pane.visibleTabs(), app.TabInteract) {
		t.Fatal("Interact tab still shown after the licence was revoked")
	}
	if f.pane.tabs.Selected() != f.pane.tab(app.TabAssistant).item {
		t.Errorf("the current tab (Assistant) was not kept although it stays visible")
	}
	if !strings.Contains(f.pane.hidden.Text, "Interact (Interact)") {
		t.Errorf("hidden note does not say what Interact needs: %q", f.pane.hidden.Text)
	}

	detailSetLicencesOnGeneralTab(t, f.pane.general, data.ContactCenter)
	if f.pane.tabs.Selected() != f.pane.tab(app.TabGeneral).item {
		t.Errorf("after Assistant was hidden the view should fall back to General")
	}
	detailSetLicencesOnGeneralTab(t, f.pane.general, data.ContactCenter|data.Interact|data.Assistant)
	if f.pane.interact.active.Checked || !f.pane.interact.audioVideo.Checked || f.pane.interact.messaging.Checked {
		t.Errorf("Interact settings did not come back with the licence (the widget ended with it)")
	}
	if got := detailNames(f.pane.assistant.list.Items()); !slices.Equal(got, []string{"Ticket", "CRM lookup"}) {
		t.Errorf("call templates after re-granting: %v", got)
	}
}

func TestDetailInteractTabSaysWhenInteractIsOffForTheTenant(t *testing.T) {
	f := newDetailTenant(t)
	f.must(f.app.GrantLicence(context.Background(), f.user["anna"], data.ContactCenter|data.Interact))
	f.pane.ShowUser(f.user["anna"])
	if f.pane.interact.tenantOff.Visible() {
		t.Fatal("tenant note shown while Interact is on for the tenant")
	}
	_, err := testkit.Exec(f.app.Store().Read(context.Background()), `UPDATE tenant_settings SET interact_enabled = 0`)
	f.must(err)
	f.pane.ShowUser(f.user["anna"])
	if !f.pane.interact.tenantOff.Visible() || !strings.Contains(f.pane.interact.tenantOff.Text, "off for this tenant") {
		t.Errorf("Interact tab does not say that Interact is off for the tenant")
	}
}
