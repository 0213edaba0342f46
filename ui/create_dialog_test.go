package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
)

func TestCreateAddsADirectoryUserAndTheTableShowsThem(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	total := len(m.index.Rows)
	test.Tap(m.createButton)
	c := m.creating
	if c == nil {
		t.Fatal("Create opens no dialog")
	}
	if len(c.found) == 0 {
		t.Fatal("the dialog lists nobody from the directory")
	}
	for _, e := range c.found {
		if e.IsNimbusUser || windowListed(m.index, e.ID) {
			t.Fatalf("%s is already a Nimbus user and is offered again", e.UPN)
		}
	}
	pick := c.found[len(c.found)/2]
	test.Type(c.search, pick.ID)
	if len(c.found) != 1 || c.found[0].ID != pick.ID {
		t.Fatalf("searching the O365 ID finds %d people", len(c.found))
	}
	if !c.add.Disabled() {
		t.Fatal("Add is enabled before anyone is chosen")
	}
	c.results.Select(0)
	ou := m.index.Tree.Children(m.index.Tree.Root)[0]
	c.ou.SetSelected(m.index.Tree.Path(ou))
	c.licences[data.ContactCenter].SetChecked(true)
	test.Tap(c.add)
	if c.problem.Text != "" {
		t.Fatalf("Add refused: %s", c.problem.Text)
	}
	if m.creating != nil {
		t.Fatal("the dialog stays open after Add")
	}
	if len(m.index.Rows) != total+1 {
		t.Fatalf("the list holds %d users after Add, want %d", len(m.index.Rows), total+1)
	}
	r := m.table.selectedRow()
	if r == nil || r.ID != pick.ID || r.OUID != ou || !r.Licences.Has(data.ContactCenter) {
		t.Fatalf("the table does not show the added user selected in the chosen OU with the licence: %+v", r)
	}
	if !strings.Contains(m.count.Text, thousands(total+1)+" users") {
		t.Errorf("count %q", m.count.Text)
	}
	j, err := m.nimbus.Journal(context.Background(), 5)
	journaled := false
	for _, e := range j {
		journaled = journaled || e.Action == "user.add" && e.Target == pick.UPN
	}
	if err != nil || !journaled {
		t.Fatalf("the addition is not journaled: %v %v", j, err)
	}
}

func TestCreateSaysNimbusNeverCreatesDirectoryAccounts(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.onCreate()
	found := false
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		if lbl, ok := o.(*widget.Label); ok && strings.Contains(lbl.Text, "never creates directory accounts") {
			found = true
		}
	}
	if !found {
		t.Fatal("the Create dialog does not say that Nimbus never creates directory accounts")
	}
}
