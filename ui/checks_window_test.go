package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
)

func TestTheChecksViewFixesAFindingAndShowsItGone(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	c := openChecksWindow(m)
	defer c.win.Close()
	const check = "disabled-account-with-licences" // the demo has a disabled account that holds licences
	chosen := -1
	for i, f := range c.findings {
		if f.Check == check {
			chosen = i
		}
	}
	if chosen < 0 {
		t.Fatalf("the view does not list %s: %s %+v", check, c.status.Text, c.findings)
	}
	c.list.Select(chosen)
	if c.rule.Text == "" || c.fix.Hidden || c.fix.Text != "Remove the licences" {
		t.Fatalf("chosen finding shows rule %q, fix button %q (hidden %v)", c.rule.Text, c.fix.Text, c.fix.Hidden)
	}
	user := c.findings[chosen].Items[0]
	c.items.Select(0)
	if c.open.Disabled() {
		t.Fatal("Open is off for a user")
	}
	test.Tap(c.open)
	if m.selectedID() != user.ID {
		t.Errorf("Open shows %q in the main window, want %s", m.selectedID(), user.ID)
	}
	test.Tap(c.fix)
	for _, f := range c.findings {
		if f.Check == check {
			t.Fatalf("after the fix the view still lists %s: %+v (outcome %q)", check, f.Items, c.outcome.Text)
		}
	}
	if !strings.Contains(c.outcome.Text, "Remove the licences") {
		t.Errorf("outcome %q", c.outcome.Text)
	}
	entries, err := m.nimbus.Journal(t.Context(), 5)
	if err != nil || len(entries) == 0 || entries[0].Action != "user.licences" || entries[0].Target != user.UPN {
		t.Errorf("the fix was not journaled as a licence change of %s: %+v %v", user.UPN, entries, err)
	}
	if user.Kind != app.ItemUser {
		t.Errorf("item kind %q", user.Kind)
	}
}
