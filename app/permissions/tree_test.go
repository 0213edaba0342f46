package permissions

import (
	"maps"
	"strings"
	"testing"
)

// itemsBelow lists the keys of an item and every item below it.
func itemsBelow(t *testing.T, key string) []string {
	t.Helper()
	n, ok := Lookup(key)
	if !ok {
		t.Fatalf("no item %q", key)
	}
	var keys []string
	eachBelow(n, func(n Item) { keys = append(keys, n.Key) })
	return keys
}

func TestParsePermissionsGivesAGroupsLettersToEveryItemBelowAsTheWindowDoes(t *testing.T) {
	parsed, err := Parse("users=RU")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range itemsBelow(t, "users") {
		if parsed[k] != Read|Update {
			t.Errorf("%s: %s, want -RU-", k, Text(parsed[k]))
		}
	}
	window := Set{}
	window.Set("users", Read, true)
	window.Set("users", Update, true)
	if !maps.Equal(parsed, window) {
		t.Errorf("the command line and the window disagree:\n  parsed %v\n  window %v", parsed, window)
	}
}

func TestParsePermissionsAppliesDeeperItemsAsOverridesWhateverTheirPlace(t *testing.T) {
	p, err := Parse("users.skills.levels=R, users=CRUD, users.skills=ru, users.roles=")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"users": "CRUD", "users.list": "CRUD", "users.general.info": "CRUD", "users.skills": "-RU-",
		"users.skills.assignment": "-RU-", "users.skills.levels": "-R--", "users.roles": "----"}
	for k, w := range want {
		if got := Text(p[k]); got != w {
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

func TestUsersFollowsUsersListInTheWindowAndTheCommandLine(t *testing.T) {
	const list, users = "services.users.list", "services.users.users"
	p := Set{}
	p.Set(list, Update, true)
	if p[users] != Read|Update {
		t.Errorf("window: Users is %s after Users list got Update", Text(p[users]))
	}
	p.Set(users, Delete, true)
	if p[users] != Read|Update {
		t.Errorf("window: Users was set on its own: %s", Text(p[users]))
	}
	p.Set(list, Read, false)
	if _, ok := p[users]; ok {
		t.Error("window: Users kept its permissions when Users list lost them")
	}
	if leader, ok := Follows(users); !ok || leader != list {
		t.Errorf("PermissionFollows(%s) = %q, %v", users, leader, ok)
	}

	parsed, err := Parse("services.users=R," + list + "=CRU")
	if err != nil || parsed[users] != Create|Read|Update {
		t.Errorf("command line: Users %s, %v; want CRU- like Users list", Text(parsed[users]), err)
	}
	if _, err := Parse(users + "=R"); err == nil || !strings.Contains(err.Error(), `"Users" follows "Users list"`) {
		t.Errorf("command line: Users set on its own: %v", err)
	}
	if _, err := Parse(list + "=R," + users + "=R"); err != nil {
		t.Errorf("command line: Users given with Users list's letters: %v", err)
	}

}
