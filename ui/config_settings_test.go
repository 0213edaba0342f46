package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
	if set.SnippetTemplate != good || set.AdminSecurityGroup != "Nimbus Owners" || s.status.Importance != widget.SuccessImportance {
		t.Errorf("saved %+v, status %q", set, s.status.Text)
	}
	test.Tap(s.interact)
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.InteractEnabled != s.interact.Checked {
		t.Errorf("Interact box %v, stored %v", s.interact.Checked, set.InteractEnabled)
	}
}
