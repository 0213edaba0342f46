package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// windowUserWhere finds the first listed user whose detail satisfies ok.
func windowUserWhere(t *testing.T, m *mainWindow, ok func(app.UserDetail) bool) app.UserDetail {
	t.Helper()
	for _, r := range m.index.Rows {
		d, err := m.nimbus.UserDetail(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok(d) {
			return d
		}
	}
	t.Fatal("no such user in the demo tenant")
	return app.UserDetail{}
}

func TestDeleteIsDisabledWithTheReasonForATeamsUser(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool {
		return d.User.Origin == data.OriginTeams && len(d.Services) > 0 && !d.Deletable()
	})
	if !m.selectUser(d.User.ID) {
		t.Fatal("the Teams user is not listed")
	}
	if !m.deleteButton.Disabled() {
		t.Fatal("the delete control is enabled for a user kept by a Teams-based service")
	}
	if want := "Cannot delete: " + d.DeleteBlockedReason; m.deleteReason.Text != want {
		t.Fatalf("the reason beside the control reads %q, want the rule's %q", m.deleteReason.Text, want)
	}
	if !strings.Contains(m.deleteReason.Text, "MS Teams-based") {
		t.Fatalf("the reason does not name the Teams-based service: %q", m.deleteReason.Text)
	}
	m.table.TypedKey(windowDeleteKey)
	if m.confirm != nil {
		t.Fatal("the Delete key offers to delete a user the rule keeps")
	}
	if _, err := m.nimbus.UserDetail(context.Background(), d.User.ID); err != nil {
		t.Fatal("the Teams user is gone")
	}
}

func TestDeleteIsEnabledForAManualUserAndRemovesThemAfterConfirmation(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.User.Origin == data.OriginManual && d.Deletable() })
	total := len(m.index.Rows)
	m.selectUser(d.User.ID)
	if m.deleteButton.Disabled() {
		t.Fatalf("the delete control is disabled for a manual user: %q", m.deleteReason.Text)
	}
	test.Tap(m.deleteButton)
	if m.confirm == nil {
		t.Fatal("Delete asks for no confirmation")
	}
	m.confirm.Dismiss()
	if len(m.index.Rows) != total {
		t.Fatal("Keep deleted the user")
	}
	m.table.TypedKey(windowDeleteKey)
	m.confirm.Confirm()
	if len(m.index.Rows) != total-1 || windowListed(m.index, d.User.ID) {
		t.Fatalf("after Delete the list holds %d users (was %d)", len(m.index.Rows), total)
	}
	if !strings.Contains(m.status.Text, "directory and Microsoft Teams were not changed") {
		t.Errorf("status after delete: %q", m.status.Text)
	}
	j, err := m.nimbus.Journal(context.Background(), 1)
	if err != nil || len(j) != 1 || j[0].Action != "user.delete" || j[0].Target != d.User.UPN {
		t.Fatalf("the deletion is not journaled: %v %v", j, err)
	}
	if dir, err := m.nimbus.SearchDirectory(context.Background(), app.DirectoryQuery{Search: d.User.ID}); err != nil || len(dir) != 1 {
		t.Fatalf("the directory account must stay: %v %v", dir, err)
	}
}

var windowDeleteKey = &fyne.KeyEvent{Name: fyne.KeyDelete}

func TestDeletingAnAgentSaysWhichServicesTheyLeaveAndWhichRolesTheyLose(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool {
		for _, s := range d.Services {
			if s.AssignmentType == data.SkillBased {
				return d.Deletable()
			}
		}
		return false
	})
	m.selectUser(d.User.ID)
	test.Tap(m.deleteButton)
	if m.confirm == nil {
		t.Fatal("Delete asks for no confirmation")
	}
	for _, s := range d.Services {
		if !strings.Contains(m.deleteAsked, fmt.Sprintf("of the Skill-based service %q", s.Name)) {
			t.Errorf("the confirmation does not say they leave %q:\n%s", s.Name, m.deleteAsked)
		}
	}
	for _, r := range d.Roles {
		if !strings.Contains(m.deleteAsked, r.Role.Name+" in ") {
			t.Errorf("the confirmation does not say they lose %s:\n%s", r.Role.Name, m.deleteAsked)
		}
	}
	m.confirm.Dismiss()
}
