package app

import (
	"testing"

	"nimbusadmin/app/permissions"
)

// A custom role stores "Users" with the permissions of "Users list", whatever it was given.
func TestUsersFollowsUsersListInTheRule(t *testing.T) {
	const list, users = "services.users.list", "services.users.users"
	f := newFixture(t)
	id, err := f.app.CreateCustomRole(ctx, CustomRoleSpec{Name: "Teams lister", OUID: f.ou["root"],
		Permissions: permissions.Set{users: permissions.Read | permissions.Delete, list: permissions.Update}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := f.app.CustomRole(ctx, id)
	if err != nil || r.Permissions[users] != permissions.Read|permissions.Update || r.Permissions[list] != permissions.Read|permissions.Update {
		t.Errorf("rule: stored Users %s and Users list %s, want both -RU-", permissions.Text(r.Permissions[users]), permissions.Text(r.Permissions[list]))
	}
}
