package config

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
)

// configTestWindow opens the Configuration window's screens headless over a small demo
// tenant, confirming every confirmation at once.
func configTestWindow(t *testing.T, tab string) (*configWindow, fyne.Window, *app.App) {
	t.Helper()
	test.NewTempApp(t)
	nimbus := apptest.Demo(t, 60)
	w := test.NewTempWindow(t, nil)
	cw := newConfigWindow(w, nimbus)
	cw.confirm = func(_, _ string, ok func()) { ok() }
	w.SetContent(cw.build())
	w.Resize(fyne.NewSize(1180, 2600))
	for i, item := range cw.tabs.Items {
		if item.Text == tab {
			cw.tabs.SelectIndex(i)
		}
	}
	return cw, w, nimbus
}

// configTapCheck taps a check box in its middle, where a click lands.
func configTapCheck(c *widget.Check) {
	test.TapAt(c, fyne.NewPos(c.MinSize().Height/2, c.Size().Height/2))
}

const (
	configColCreate = iota
	configColRead
	configColUpdate
	configColDelete
)

func TestPermissionTreeImpliesReadSetsGroupsAndShowsPartial(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Custom Roles")
	e := cw.roles
	e.onNew()
	e.perms.tree.CloseBranch("services")
	e.perms.tree.OpenBranch("users.skills")
	rows := e.perms.rows
	for _, k := range []string{"users", "users.skills", "users.skills.levels", "users.list"} {
		if rows[k] == nil {
			t.Fatalf("node %s not shown; shown: %d nodes", k, len(rows))
		}
	}
	configTapCheck(rows["users.skills"].checks[configColUpdate])
	if !rows["users.skills"].checks[configColRead].Checked {
		t.Error("Update did not bring Read")
	}
	if c := rows["users.skills.levels"].checks[configColUpdate]; !c.Checked {
		t.Error("the group did not set its child")
	}
	if c := rows["users"].checks[configColUpdate]; !c.Partial || c.Checked {
		t.Errorf("area with one group set: partial %v checked %v, want partial", c.Partial, c.Checked)
	}
	configTapCheck(rows["users.skills.levels"].checks[configColUpdate])
	if c := rows["users.skills"].checks[configColUpdate]; !c.Partial {
		t.Error("group with a cleared child is not partial")
	}
	configTapCheck(rows["users"].checks[configColDelete])
	for _, k := range []string{"users", "users.list", "users.skills.levels", "users.assistant"} {
		if !rows[k].checks[configColDelete].Checked || !rows[k].checks[configColRead].Checked {
			t.Errorf("%s: Delete on the area did not set Delete and Read", k)
		}
	}
	if c := rows["services"].checks[configColRead]; c.Checked || c.Partial {
		t.Error("the Services area changed with Users")
	}
	configTapCheck(rows["users"].checks[configColRead])
	for _, k := range []string{"users", "users.skills", "users.list"} {
		for i, c := range rows[k].checks {
			if c.Checked || c.Partial {
				t.Errorf("%s box %d still set after clearing Read on the area", k, i)
			}
		}
	}
	configTapCheck(rows["users.profiles"].checks[configColCreate])
	test.Type(e.name, "Profile Keeper")
	test.Tap(e.saveBtn)
	if !strings.Contains(e.status.Text, "Saved") {
		t.Fatalf("save: %s", e.status.Text)
	}
	it, err := nimbus.FindConfigItem(context.Background(), data.ConfigCustomRoles, "Profile Keeper")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := nimbus.CustomRole(context.Background(), it.ID)
	if len(r.Permissions) != 1 || r.Permissions["users.profiles"] != permissions.Create|permissions.Read {
		t.Errorf("stored %v", r.Permissions)
	}
}

func TestDeletingAHeldCustomRoleShowsHowManyHoldIt(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Custom Roles")
	e := cw.roles
	ctx := context.Background()
	ix, err := nimbus.LoadUserIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := nimbus.OUTree(ctx)
	given := 0
	for _, u := range ix.Rows {
		if _, err := nimbus.AssignRole(ctx, u.ID, e.roles[0].ID, tree.Root); err == nil {
			given++
		}
		if given == 3 {
			break
		}
	}
	e.reload()
	held := -1
	for i, r := range e.roles {
		if len(r.Uses) > 0 {
			held = i
		}
	}
	if held < 0 {
		t.Fatal("the demo tenant has no held custom role")
	}
	e.list.Select(held)
	n := e.roles[held].Uses[0].Count
	test.Tap(e.deleteBtn)
	holders := fmt.Sprintf("%d users hold it", n)
	if n == 1 {
		holders = "1 user holds it"
	}
	if !strings.Contains(e.status.Text, "Cannot delete the custom role") || !strings.Contains(e.status.Text, holders) {
		t.Errorf("status %q, want the refusal naming %d holders", e.status.Text, n)
	}
	if e.status.Importance != widget.DangerImportance {
		t.Error("refusal not shown as an error")
	}
}

func TestConfigOUEditorRefusesCyclesAndNonEmptyDeletes(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Organization Units")
	e := cw.ous
	tree, _ := nimbus.OUTree(context.Background())
	support, _ := tree.Resolve("Support")
	e.selectOU(support)
	if e.title.Text != "Support" || !strings.Contains(e.holds.Text, "Holds") {
		t.Fatalf("selected %q, holds %q", e.title.Text, e.holds.Text)
	}
	e.moveTo.SetSelected("Support/EMEA")
	test.Tap(e.moveBtn)
	if !strings.Contains(e.status.Text, "own subtree") {
		t.Errorf("cycle: status %q", e.status.Text)
	}
	test.Tap(e.deleteBtn)
	if !strings.Contains(e.status.Text, "still holds") {
		t.Errorf("non-empty delete: status %q", e.status.Text)
	}
	e.moveTo.ClearSelected() // a refused move stays pending, and keeps Support shown after an add
	test.Type(e.newName, "Lab")
	test.Tap(e.addBtn)
	if e.title.Text != "Support/Lab" || !strings.Contains(e.holds.Text, "Empty") {
		t.Fatalf("after add: selected %q (%s), status %q", e.title.Text, e.holds.Text, e.status.Text)
	}
	test.Tap(e.deleteBtn)
	if !strings.HasPrefix(e.status.Text, "Deleted Support/Lab") || e.title.Text != "Support" {
		t.Errorf("delete empty: status %q, selected %q", e.status.Text, e.title.Text)
	}
	tree, _ = nimbus.OUTree(context.Background())
	if _, err := tree.Resolve("Support/Lab"); err == nil {
		t.Error("Support/Lab still exists")
	}
}
