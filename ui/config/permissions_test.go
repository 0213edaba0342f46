package config

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
)

func TestPermissionTreeUsersRowFollowsUsersList(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Custom Roles")
	e := cw.roles
	e.onNew()
	e.perms.tree.CloseBranch("users")
	e.perms.tree.OpenBranch("services.users")
	rows := e.perms.rows
	list, users := rows["services.users.list"], rows["services.users.users"]
	if list == nil || users == nil {
		t.Fatalf("the Users Tab rows are not shown; shown: %d nodes", len(rows))
	}
	if !strings.Contains(users.name.Text, "follows Users list") {
		t.Errorf("the Users row reads %q, want a note that it follows Users list", users.name.Text)
	}
	for i, c := range users.checks {
		if !c.Disabled() {
			t.Errorf("the Users row's box %d can be set on its own", i)
		}
		if list.checks[i].Disabled() {
			t.Errorf("the Users list row's box %d is disabled", i)
		}
	}
	configTapCheck(list.checks[configColUpdate])
	if !users.checks[configColUpdate].Checked || !users.checks[configColRead].Checked {
		t.Error("Users did not follow Users list's Update and Read")
	}
	test.Type(e.name, "Team lists")
	test.Tap(e.saveBtn)
	if !strings.Contains(e.status.Text, "Saved") {
		t.Fatalf("save: %s", e.status.Text)
	}
	it, err := nimbus.FindConfigItem(context.Background(), data.ConfigCustomRoles, "Team lists")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := nimbus.CustomRole(context.Background(), it.ID)
	if r.Permissions["services.users.users"] != permissions.Read|permissions.Update || len(r.Permissions) != 2 {
		t.Errorf("stored %v", r.Permissions)
	}
}
