package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// Someone who joined the directory after the last sync is added from Microsoft Graph with
// --from-graph, exactly as the Create dialog's live search adds them; without it the
// cache does not know them.
func TestUsersAddFromGraphAddsAPersonTheCacheDoesNotHoldYet(t *testing.T) {
	s, globals := syncTenant(t, 20)
	if code, _, stderr := runAuthCLI(t, globals, "sync"); code != 0 {
		t.Fatalf("sync: exit %d\n%s", code, stderr)
	}
	upn := "grace.hopper@" + strings.SplitN(s.Users()[0].UPN, "@", 2)[1]
	id := s.AddUser(data.DirectoryUser{DisplayName: "Grace Hopper", GivenName: "Grace", Surname: "Hopper", UPN: upn, Department: "Navy"})

	if code, _, stderr := runAuthCLI(t, globals, "users", "add", upn, "--ou", "/"); code != 1 || !strings.Contains(stderr, "no directory user") {
		t.Fatalf("users add without --from-graph: exit %d, %q; the cache must not know her before a sync", code, stderr)
	}
	code, stdout, stderr := runAuthCLI(t, globals, "users", "add", upn, "--from-graph", "--ou", "/", "--licence", "contact-center", "--format", "json")
	if code != 0 {
		t.Fatalf("users add --from-graph: exit %d\n%s", code, stderr)
	}
	var added addedUserJSON
	if err := json.Unmarshal([]byte(stdout), &added); err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(added.ID, id) || added.DisplayName != "Grace Hopper" || added.UserPrincipalName != upn ||
		len(added.Licences) != 1 || added.Licences[0] != "contact-center" {
		t.Fatalf("added %+v, want Grace (%s) with Contact Center", added, id)
	}
	code, _, stderr = runAuthCLI(t, globals, "users", "add", "nobody.here@"+strings.SplitN(upn, "@", 2)[1], "--from-graph", "--ou", "/")
	if code != 1 || !strings.Contains(stderr, "nobody in Microsoft Graph has the O365 ID or UPN") {
		t.Errorf("an unknown person with --from-graph: exit %d, %q", code, stderr)
	}
	code, _, stderr = runAuthCLI(t, globals, "users", "add", upn, "--from-graph", "--ou", "/")
	if code != 1 || !strings.Contains(stderr, "already a Nimbus user") {
		t.Errorf("adding her twice: exit %d, %q", code, stderr)
	}
}

func TestUsersAddFromGraphIsRefusedOnTheDemo(t *testing.T) {
	db := freshDemo(t)
	code, _, stderr := runCLI(t, db, "users", "add", "someone@contoso-demo.example", "--from-graph", "--ou", "/")
	if code != 2 || !strings.Contains(stderr, "the demo tenant does not have") {
		t.Errorf("--from-graph on the demo: exit %d, %q", code, stderr)
	}
}
