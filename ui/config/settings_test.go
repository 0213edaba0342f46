package config

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
)

func TestConfigTenantSettingsScreen(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Tenant Settings")
	s := cw.settings
	asked := ""
	cw.confirm = func(title, _ string, ok func()) { asked = title; ok() }
	oldKey := s.widgetKey.Text
	test.Tap(s.regenerate)
	if asked == "" || s.widgetKey.Text == oldKey || !strings.Contains(s.preview.Text, s.widgetKey.Text) {
		t.Errorf("regenerate: asked %q, key %q -> %q, preview %q", asked, oldKey, s.widgetKey.Text, s.preview.Text)
	}
	s.template.SetText(`<script data-key="{{widgetKey}}"></script>`)
	if s.preview.Importance != widget.DangerImportance || !strings.Contains(s.preview.Text, "{{contactId}}") {
		t.Errorf("preview of a template without {{contactId}}: %q", s.preview.Text)
	}
	test.Tap(s.saveBtn)
	if s.status.Importance != widget.DangerImportance {
		t.Errorf("bad template saved: %q", s.status.Text)
	}
	good := `<script data-c="{{contactId}}" data-k="{{widgetKey}}"></script>`
	s.template.SetText(good)
	s.adminGroup.SetText("Nimbus Owners")
	test.Tap(s.saveBtn)
	set, _ := nimbus.ConfigTenantSettings(context.Background())
	if set.SnippetTemplate != good || set.AdminSecurityGroup != "Nimbus Owners" || !saidDone(s.status) {
		t.Errorf("saved %+v, status %q", set, s.status.Text)
	}
	test.Tap(s.interact)
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.InteractEnabled != s.interact.Checked {
		t.Errorf("Interact box %v, stored %v", s.interact.Checked, set.InteractEnabled)
	}
}

func TestConfigTenantSettingsEditsLicenceContingents(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Tenant Settings")
	s := cw.settings
	ctx := context.Background()
	totals, err := nimbus.LicenceTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cc := totals[0]
	if cc.Licence != data.ContactCenter || !cc.Limited {
		t.Fatalf("the demo's Contact Center total %+v", cc)
	}
	if got := s.contingents[data.ContactCenter].Text; got != strconv.Itoa(cc.Contingent) {
		t.Errorf("Contact Center contingent shown as %q, want %d", got, cc.Contingent)
	}
	if got, want := s.inUse[data.ContactCenter].Text, fmt.Sprintf("%d in use", cc.InUse); got != want {
		t.Errorf("beside it %q, want %q", got, want)
	}

	s.contingents[data.ContactCenter].SetText(strconv.Itoa(cc.InUse - 1))
	test.Tap(s.saveBtn)
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, fmt.Sprintf("%d users hold the licence", cc.InUse)) {
		t.Errorf("below use: %q", s.status.Text)
	}
	if s.contingents[data.ContactCenter].Text != strconv.Itoa(cc.InUse-1) {
		t.Error("the refused contingent was not left for the admin to correct")
	}

	s.contingents[data.ContactCenter].SetText(strconv.Itoa(cc.InUse + 100))
	s.contingents[data.Assistant].SetText("")
	test.Tap(s.saveBtn)
	if !saidDone(s.status) {
		t.Fatalf("save: %q", s.status.Text)
	}
	totals, _ = nimbus.LicenceTotals(ctx)
	if totals[0].Contingent != cc.InUse+100 || totals[3].Licence != data.Assistant || totals[3].Limited {
		t.Errorf("stored %+v", totals)
	}
	if s.contingents[data.Assistant].Text != "" || s.contingents[data.Assistant].PlaceHolder != "unlimited" {
		t.Errorf("Assistant shows %q", s.contingents[data.Assistant].Text)
	}

	s.contingents[data.Interact].SetText("many")
	test.Tap(s.saveBtn)
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, "Interact contingent must be a number") {
		t.Errorf("not a number: %q", s.status.Text)
	}
}

// Save writes the template, the OU for users from Teams and the admin group as one
// change: when one of them is refused, none is saved and the edits stay to be corrected.
func TestConfigTenantSettingsSaveAllOrNothing(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Tenant Settings")
	s := cw.settings
	before, _ := nimbus.ConfigTenantSettings(context.Background())
	good := `<script data-c="{{contactId}}" data-k="{{widgetKey}}" data-v="2"></script>`
	s.template.SetText(good)
	s.adminGroup.SetText("   ")
	test.Tap(s.saveBtn)
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, "security group") {
		t.Errorf("an empty admin group: status %q", s.status.Text)
	}
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.SnippetTemplate != before.SnippetTemplate {
		t.Errorf("the template was saved although the admin group was refused: %q", set.SnippetTemplate)
	}
	if s.template.Text != good {
		t.Errorf("the edited template was not left to correct: %q", s.template.Text)
	}
}
