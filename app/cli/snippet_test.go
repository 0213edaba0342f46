package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestUserSnippetPrintsExactlyTheSnippetOfUserShow(t *testing.T) {
	db := freshDemo(t)
	users := usersJSON(t, db, "--licence", "interact")
	if len(users) == 0 {
		t.Fatal("the demo tenant has no Interact user")
	}
	id := users[0].ID
	code, show, stderr := runCLI(t, db, "user", "show", id, "--format", "json")
	if code != 0 {
		t.Fatalf("user show: %s", stderr)
	}
	var d userDetailJSON
	if err := json.Unmarshal([]byte(show), &d); err != nil {
		t.Fatal(err)
	}
	if d.Interact == nil || d.Interact.Snippet == "" || !strings.Contains(d.Interact.Snippet, d.Interact.ContactID) {
		t.Fatalf("user show has no usable snippet: %+v", d.Interact)
	}
	code, out, stderr := runCLI(t, db, "user", "snippet", d.UserPrincipalName)
	if code != 0 || out != d.Interact.Snippet+"\n" {
		t.Errorf("user snippet: exit %d, %q (stderr %q), want %q", code, out, stderr, d.Interact.Snippet)
	}
}

func TestUserSnippetRefusesAUserWithoutInteract(t *testing.T) {
	db := freshDemo(t)
	all := usersJSON(t, db)
	with := map[string]bool{}
	for _, u := range usersJSON(t, db, "--licence", "interact") {
		with[u.ID] = true
	}
	for _, u := range all {
		if with[u.ID] {
			continue
		}
		code, out, stderr := runCLI(t, db, "user", "snippet", u.ID)
		if code != 1 || out != "" || !strings.Contains(stderr, "no widget snippet") || !strings.Contains(stderr, "Interact needs the") {
			t.Errorf("user snippet for a user without Interact: exit %d, out %q, stderr %q", code, out, stderr)
		}
		return
	}
	t.Fatal("every demo user holds Interact")
}

func TestUserSnippetRefusesWhileInteractIsOffForTheTenant(t *testing.T) {
	db := freshDemo(t)
	users := usersJSON(t, db, "--licence", "interact", "--licence", "contact-center")
	if len(users) == 0 {
		t.Fatal("no demo user holds Interact and Contact Center")
	}
	if code, _, stderr := runCLI(t, db, "config", "settings", "set", "--interact", "off"); code != 0 {
		t.Fatalf("turning Interact off: %s", stderr)
	}
	code, out, stderr := runCLI(t, db, "user", "snippet", users[0].UserPrincipalName)
	if code != 1 || out != "" || !strings.Contains(stderr, "Interact is off for the tenant") {
		t.Errorf("user snippet with Interact off for the tenant: exit %d, out %q, stderr %q", code, out, stderr)
	}
}
