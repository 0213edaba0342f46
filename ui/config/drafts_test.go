package config

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// configAsked is the button of the open "unsaved changes" question whose text is text,
// nil while no question is open.
func configAsked(w fyne.Window, text string) *widget.Button {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return uitest.Button(top, text)
}

// configAnswer presses a button of the open "unsaved changes" question; the test fails
// when none is open.
func configAnswer(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	b := configAsked(w, text)
	if b == nil {
		t.Fatalf("no question with %q is open", text)
	}
	test.Tap(b)
}

// configRoleWithDraft opens the Custom Roles screen on its first role and edits its
// description without saving. It returns the editor, the window, the session, the role
// and the edited description.
func configRoleWithDraft(t *testing.T) (*configRoleEditor, fyne.Window, *app.App, app.ConfigItem, string) {
	t.Helper()
	cw, w, nimbus := configTestWindow(t, "Custom Roles")
	e := cw.roles
	if len(e.roles) < 2 {
		t.Fatal("the demo tenant has fewer than two custom roles")
	}
	first := e.roles[0]
	if e.current != first.ID {
		t.Fatalf("the screen opened on role %d, want the first, %d", e.current, first.ID)
	}
	edited := "Edited in a test, not saved yet"
	e.description.SetText(edited)
	return e, w, nimbus, first, edited
}

// configStoredDescription reads a custom role's description as stored.
func configStoredDescription(t *testing.T, nimbus *app.App, id int64) string {
	t.Helper()
	r, err := nimbus.CustomRole(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Description
}

func TestConfigRoleSwitchWithDraftAsksAndKeepEditingKeepsIt(t *testing.T) {
	e, w, _, first, edited := configRoleWithDraft(t)
	e.list.Select(1)
	if configAsked(w, "Keep editing") == nil {
		t.Fatal("selecting another role with an unsaved description asked nothing")
	}
	if e.current != first.ID || e.description.Text != edited {
		t.Fatalf("while asking the editor shows role %d with %q", e.current, e.description.Text)
	}
	configAnswer(t, w, "Keep editing")
	if e.current != first.ID || e.description.Text != edited || e.pending() == "" {
		t.Errorf("Keep editing: role %d, description %q, pending %q", e.current, e.description.Text, e.pending())
	}
	if configAsked(w, "Keep editing") != nil {
		t.Error("the question stayed open")
	}
}

func TestConfigRoleSwitchWithDraftDiscardDropsIt(t *testing.T) {
	e, w, nimbus, first, edited := configRoleWithDraft(t)
	before := configStoredDescription(t, nimbus, first.ID)
	second := e.roles[1]
	e.list.Select(1)
	configAnswer(t, w, "Discard")
	if e.current != second.ID || e.description.Text == edited {
		t.Errorf("after Discard: role %d with %q, want role %d as stored", e.current, e.description.Text, second.ID)
	}
	if got := configStoredDescription(t, nimbus, first.ID); got != before {
		t.Errorf("Discard wrote the description: %q", got)
	}
}

func TestConfigRoleSwitchWithDraftSaveWritesIt(t *testing.T) {
	e, w, nimbus, first, edited := configRoleWithDraft(t)
	second := e.roles[1]
	e.list.Select(1)
	configAnswer(t, w, "Save")
	if got := configStoredDescription(t, nimbus, first.ID); got != edited {
		t.Errorf("Save stored %q, want %q", got, edited)
	}
	if e.current != second.ID {
		t.Errorf("after Save the editor shows role %d, want the one clicked, %d", e.current, second.ID)
	}
}

// A Save the rules refuse shows the rule's message and stays on the role with its edits.
func TestConfigRoleSaveRefusedOnSwitchStays(t *testing.T) {
	e, w, nimbus, first, _ := configRoleWithDraft(t)
	e.name.SetText(e.roles[1].Name) // a name another role has
	e.list.Select(1)
	configAnswer(t, w, "Save")
	if e.current != first.ID || e.name.Text != e.roles[1].Name {
		t.Errorf("after a refused Save: role %d named %q, want role %d with the edit", e.current, e.name.Text, first.ID)
	}
	if e.status.Importance != widget.DangerImportance || !strings.Contains(e.status.Text, "already") {
		t.Errorf("status %q, want the rule's message", e.status.Text)
	}
	if r, _ := nimbus.CustomRole(context.Background(), first.ID); r.Name != first.Name {
		t.Errorf("the refused name was stored: %q", r.Name)
	}
}

// A role changed elsewhere after the editor showed it is refused as stale on Save
// instead of being overwritten.
func TestConfigRoleSaveOnAStaleViewIsRefused(t *testing.T) {
	e, _, nimbus, first, _ := configRoleWithDraft(t)
	ctx := context.Background()
	r, err := nimbus.CustomRole(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	r.Description = "Changed by another admin"
	if _, err := nimbus.Do(ctx, app.UpdateCustomRole{Role: first.ID, CustomRoleSpec: r.CustomRoleSpec}); err != nil {
		t.Fatal(err)
	}
	test.Tap(e.saveBtn)
	if !strings.Contains(e.status.Text, "was changed after you opened it") {
		t.Errorf("status %q, want the stale-view refusal", e.status.Text)
	}
	if got := configStoredDescription(t, nimbus, first.ID); got != "Changed by another admin" {
		t.Errorf("the stale edit overwrote the other admin's: %q", got)
	}
}

func TestConfigSwitchingSectionWithDraftAsks(t *testing.T) {
	cw, w, nimbus := configTestWindow(t, "Tenant Settings")
	s := cw.settings
	s.adminGroup.SetText("Nimbus Owners")
	configSelectTab(t, cw.tabs, "N/A Reasons")
	if configAsked(w, "Keep editing") == nil {
		t.Fatal("leaving Tenant Settings with an unsaved admin group asked nothing")
	}
	configAnswer(t, w, "Keep editing")
	if cw.tabs.Selected().Text != "Tenant Settings" || s.adminGroup.Text != "Nimbus Owners" {
		t.Errorf("Keep editing shows %q with admin group %q", cw.tabs.Selected().Text, s.adminGroup.Text)
	}
	configSelectTab(t, cw.tabs, "N/A Reasons")
	configAnswer(t, w, "Save")
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.AdminSecurityGroup != "Nimbus Owners" {
		t.Errorf("Save stored the admin group %q", set.AdminSecurityGroup)
	}
	if cw.tabs.Selected().Text != "N/A Reasons" {
		t.Errorf("after Save the window shows %q", cw.tabs.Selected().Text)
	}
}

func TestConfigClosingWithDraftAsks(t *testing.T) {
	cw, w, nimbus := configTestWindow(t, "Tenant Settings")
	closed := false
	cw.close = func() { closed = true }
	before, _ := nimbus.ConfigTenantSettings(context.Background())
	cw.settings.adminGroup.SetText("Nimbus Owners")
	configSelectTab(t, cw.tabs, "Tenant Settings")
	cw.requestClose()
	if closed || configAsked(w, "Keep editing") == nil {
		t.Fatalf("closing with an unsaved admin group: closed %v without asking", closed)
	}
	configAnswer(t, w, "Keep editing")
	if closed || cw.settings.adminGroup.Text != "Nimbus Owners" {
		t.Fatalf("Keep editing: closed %v, admin group %q", closed, cw.settings.adminGroup.Text)
	}
	cw.requestClose()
	configAnswer(t, w, "Discard")
	if !closed {
		t.Error("Discard did not close the window")
	}
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.AdminSecurityGroup != before.AdminSecurityGroup {
		t.Errorf("Discard stored the admin group %q", set.AdminSecurityGroup)
	}
}

// Regenerating the Widget Key, an instant action, keeps the edits pending on the screen.
func TestConfigSettingsInstantActionKeepsTheDraft(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Tenant Settings")
	s := cw.settings
	s.adminGroup.SetText("Nimbus Owners")
	test.Tap(s.regenerate)
	if s.adminGroup.Text != "Nimbus Owners" {
		t.Fatalf("regenerating the key dropped the admin group edit: %q", s.adminGroup.Text)
	}
	test.Tap(s.saveBtn)
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.AdminSecurityGroup != "Nimbus Owners" || !saidDone(s.status) {
		t.Errorf("stored %q, status %q", set.AdminSecurityGroup, s.status.Text)
	}
}

// Tenant settings changed elsewhere after the screen showed them are refused as stale.
func TestConfigSettingsSaveOnAStaleViewIsRefused(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Tenant Settings")
	group := "Changed by another admin"
	if _, err := nimbus.Do(context.Background(), app.ChangeTenantSettings{AdminSecurityGroup: &group}); err != nil {
		t.Fatal(err)
	}
	cw.settings.adminGroup.SetText("Nimbus Owners")
	test.Tap(cw.settings.saveBtn)
	if !strings.Contains(cw.settings.status.Text, "was changed after you opened it") {
		t.Errorf("status %q, want the stale-view refusal", cw.settings.status.Text)
	}
	if set, _ := nimbus.ConfigTenantSettings(context.Background()); set.AdminSecurityGroup != group {
		t.Errorf("the stale edit overwrote the other admin's: %q", set.AdminSecurityGroup)
	}
}

func TestConfigCatalogueSwitchItemWithDraftAsks(t *testing.T) {
	cw, w, nimbus := configTestWindow(t, "N/A Reasons")
	c := cw.catalogues[data.ConfigNAReasons]
	if len(c.items) < 2 {
		t.Fatal("the demo tenant has fewer than two N/A reasons")
	}
	first, second := c.items[0], c.items[1]
	c.table.Select(widget.TableCellID{Row: 0, Col: 0})
	c.editName.SetText(first.Name + " (renamed)")
	c.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if configAsked(w, "Keep editing") == nil {
		t.Fatal("selecting another N/A reason with an unsaved name asked nothing")
	}
	configAnswer(t, w, "Keep editing")
	if c.shown.ID != first.ID || c.editName.Text != first.Name+" (renamed)" {
		t.Errorf("Keep editing shows %d named %q", c.shown.ID, c.editName.Text)
	}
	c.table.Select(widget.TableCellID{Row: 1, Col: 0})
	configAnswer(t, w, "Save")
	if _, err := nimbus.FindConfigItem(context.Background(), data.ConfigNAReasons, first.Name+" (renamed)"); err != nil {
		t.Errorf("Save did not store the new name: %v", err)
	}
	if c.shown.ID != second.ID {
		t.Errorf("after Save the screen shows %d, want the one clicked, %d", c.shown.ID, second.ID)
	}
}

// Ctrl+S saves the item shown.
func TestConfigCtrlSSavesTheItemShown(t *testing.T) {
	e, w, nimbus, first, edited := configRoleWithDraft(t)
	w.Canvas().Focus(e.description)
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(configSaveShortcut)
	if got := configStoredDescription(t, nimbus, first.ID); got != edited {
		t.Errorf("Ctrl+S in the description stored %q, want %q", got, edited)
	}
}

// An item renamed elsewhere after the screen showed it is refused as stale on Save.
func TestConfigCatalogueSaveOnAStaleViewIsRefused(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "N/A Reasons")
	c := cw.catalogues[data.ConfigNAReasons]
	first := c.items[0]
	c.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if _, err := nimbus.Do(context.Background(), app.RenameConfigItem{ConfigKind: data.ConfigNAReasons, Item: first.ID,
		Name: "Renamed by another admin", OU: first.OUID}); err != nil {
		t.Fatal(err)
	}
	c.editName.SetText(first.Name + " (mine)")
	test.Tap(c.saveBtn)
	if !strings.Contains(c.status.Text, "was changed after you opened it") {
		t.Errorf("status %q, want the stale-view refusal", c.status.Text)
	}
	if _, err := nimbus.FindConfigItem(context.Background(), data.ConfigNAReasons, "Renamed by another admin"); err != nil {
		t.Errorf("the stale edit overwrote the other admin's: %v", err)
	}
}
