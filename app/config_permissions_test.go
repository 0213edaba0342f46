package app

import (
	"maps"
	"strings"
	"testing"
)

// itemsBelow lists the keys of an item and every item below it.
func itemsBelow(t *testing.T, key string) []string {
	t.Helper()
	n, ok := PermissionItem(key)
	if !ok {
		t.Fatalf("no item %q", key)
	}
	var keys []string
	configEachBelow(n, func(n PermissionNode) { keys = append(keys, n.Key) })
	return keys
}

func TestParsePermissionsGivesAGroupsLettersToEveryItemBelowAsTheWindowDoes(t *testing.T) {
	parsed, err := ParsePermissions("users=RU")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range itemsBelow(t, "users") {
		if parsed[k] != PermRead|PermUpdate {
			t.Errorf("%s: %s, want -RU-", k, PermText(parsed[k]))
		}
	}
	window := PermissionSet{}
	window.Set("users", PermRead, true)
	window.Set("users", PermUpdate, true)
	if !maps.Equal(parsed, window) {
		t.Errorf("the command line and the window disagree:\n  parsed %v\n  window %v", parsed, window)
	}
}

func TestParsePermissionsAppliesDeeperItemsAsOverridesWhateverTheirPlace(t *testing.T) {
	p, err := ParsePermissions("users.skills.levels=R, users=CRUD, users.skills=ru, users.roles=")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"users": "CRUD", "users.list": "CRUD", "users.general.info": "CRUD", "users.skills": "-RU-",
		"users.skills.assignment": "-RU-", "users.skills.levels": "-R--", "users.roles": "----"}
	for k, w := range want {
		if got := PermText(p[k]); got != w {
			t.Errorf("%s: %s, want %s", k, got, w)
		}
	}
	if _, ok := p["users.roles"]; ok {
		t.Error("an item given no letters is still in the set")
	}
	if _, ok := p["services"]; ok {
		t.Error("users=... reached the Services area")
	}
}

func TestUsersFollowsUsersListInTheWindowTheCommandLineAndTheRule(t *testing.T) {
	const list, users = "services.users.list", "services.users.users"
	p := PermissionSet{}
	p.Set(list, PermUpdate, true)
	if p[users] != PermRead|PermUpdate {
		t.Errorf("window: Users is %s after Users list got Update", PermText(p[users]))
	}
	p.Set(users, PermDelete, true)
	if p[users] != PermRead|PermUpdate {
		t.Errorf("window: Users was set on its own: %s", PermText(p[users]))
	}
	p.Set(list, PermRead, false)
	if _, ok := p[users]; ok {
		t.Error("window: Users kept its permissions when Users list lost them")
	}
	if leader, ok := PermissionFollows(users); !ok || leader != list {
		t.Errorf("PermissionFollows(%s) = %q, %v", users, leader, ok)
	}

	parsed, err := ParsePermissions("services.users=R," + list + "=CRU")
	if err != nil || parsed[users] != PermCreate|PermRead|PermUpdate {
		t.Errorf("command line: Users %s, %v; want CRU- like Users list", PermText(parsed[users]), err)
	}
	if _, err := ParsePermissions(users + "=R"); err == nil || !strings.Contains(err.Error(), `"Users" follows "Users list"`) {
		t.Errorf("command line: Users set on its own: %v", err)
	}
	if _, err := ParsePermissions(list + "=R," + users + "=R"); err != nil {
		t.Errorf("command line: Users given with Users list's letters: %v", err)
	}

	f := newFixture(t)
	id, err := f.app.CreateCustomRole(ctx, CustomRoleSpec{Name: "Teams lister", OUID: f.ou["root"],
		Permissions: PermissionSet{users: PermRead | PermDelete, list: PermUpdate}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := f.app.CustomRole(ctx, id)
	if err != nil || r.Permissions[users] != PermRead|PermUpdate || r.Permissions[list] != PermRead|PermUpdate {
		t.Errorf("rule: stored Users %s and Users list %s, want both -RU-", PermText(r.Permissions[users]), PermText(r.Permissions[list]))
	}
}
