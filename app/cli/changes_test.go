package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// A sync with joins, leaves, renames, a UPN, department and job title change, a disabled
// account and Team membership changes records exactly those, per person, with what they
// did in Nimbus; the first sync of an empty cache records none ("everyone joined").
func TestChangesListExactlyWhatASyncChanged(t *testing.T) {
	s, globals := syncTenant(t, 300)
	run := func(args ...string) (int, string, string) {
		t.Helper()
		return runAuthCLI(t, globals, args...)
	}
	if code, _, stderr := run("sync"); code != 0 {
		t.Fatalf("first sync: %s", stderr)
	}
	if code, out, stderr := run("changes", "--format", "json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("after the first sync: exit %d, %s%s", code, out, stderr)
	}
	teams := s.Teams()
	team := teams[0]
	if code, _, stderr := run("services", "add-team", team.ID, "--ou", "/"); code != 0 {
		t.Fatalf("services add-team: %s", stderr)
	}
	inTeam := map[string]bool{}
	for _, tm := range teams {
		for _, id := range append(slices.Clone(tm.Members), tm.Owners...) {
			inTeam[id] = true
		}
	}
	var loners []data.DirectoryUser // in no Team: their changes touch nothing else
	for _, u := range s.Users() {
		if !inTeam[u.ID] && u.AccountEnabled != nil && *u.AccountEnabled {
			loners = append(loners, u)
		}
	}
	gone, renamed, moved, disabled, upn, title, joiner := loners[0], loners[1], loners[2], loners[3], loners[4], loners[5], loners[6]
	leaver := onlyIn(t, s, team, teams)
	newcomer := s.AddUser(data.DirectoryUser{DisplayName: "Nora Newcomer", UPN: "nora.newcomer@contoso.example", Department: "Sales"})
	must(t, s.RemoveUser(gone.ID, "deleted"))
	must(t, s.UpdateUser(renamed.ID, map[string]any{"displayName": "Renamed Person"}))
	must(t, s.UpdateUser(moved.ID, map[string]any{"department": "Moved Department"}))
	must(t, s.UpdateUser(disabled.ID, map[string]any{"accountEnabled": false}))
	must(t, s.UpdateUser(upn.ID, map[string]any{"userPrincipalName": "new.upn@contoso.example"}))
	must(t, s.UpdateUser(title.ID, map[string]any{"jobTitle": "Night Lead"}))
	must(t, s.SetTeamMembers(team.ID, append(slices.DeleteFunc(slices.Clone(team.Members), func(id string) bool { return id == leaver.ID }), joiner.ID), team.Owners))
	if code, _, stderr := run("sync"); code != 0 {
		t.Fatalf("second sync: %s", stderr)
	}
	code, out, stderr := run("changes", "--sync", "2", "--format", "json")
	if code != 0 {
		t.Fatalf("changes: exit %d %s", code, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range got {
		for _, k := range []string{"sync", "at", "userId", "userPrincipalName", "kind", "old", "new", "detail"} {
			if _, ok := c[k]; !ok {
				t.Fatalf("a change has no %q: %v", k, c)
			}
		}
		lines = append(lines, fmt.Sprintf("%s %s %s %v → %v", c["userId"], c["userPrincipalName"], c["kind"], c["old"], c["new"]))
	}
	want := []string{
		newcomer + " nora.newcomer@contoso.example joined-directory  → Nora Newcomer",
		gone.ID + " " + gone.UPN + " left-directory " + gone.DisplayName + " → ",
		renamed.ID + " " + renamed.UPN + " renamed " + renamed.DisplayName + " → Renamed Person",
		moved.ID + " " + moved.UPN + " department-changed " + moved.Department + " → Moved Department",
		disabled.ID + " " + disabled.UPN + " disabled  → ",
		upn.ID + " new.upn@contoso.example upn-changed " + upn.UPN + " → new.upn@contoso.example",
		title.ID + " " + title.UPN + " job-title-changed " + title.JobTitle + " → Night Lead",
		leaver.ID + " " + leaver.UPN + " left-team " + team.DisplayName + " → ",
		joiner.ID + " " + joiner.UPN + " joined-team  → " + team.DisplayName,
		leaver.ID + " " + leaver.UPN + " left-nimbus  → ",
		joiner.ID + " " + joiner.UPN + " joined-nimbus  → ",
	}
	slices.Sort(lines)
	slices.Sort(want)
	if !slices.Equal(lines, want) {
		t.Fatalf("the second sync's changes:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	// Filters: one person, one kind; a kind that does not exist is refused.
	code, out, _ = run("changes", "--user", joiner.UPN, "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(out, "joined-team") || !strings.Contains(out, "joined-nimbus") {
		t.Errorf("changes --user: exit %d\n%s", code, out)
	}
	code, out, _ = run("changes", "--kind", "renamed,disabled", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 3 {
		t.Errorf("changes --kind renamed,disabled: exit %d\n%s", code, out)
	}
	if code, _, stderr := run("changes", "--kind", "promoted"); code != 1 || !strings.Contains(stderr, `no kind of change "promoted"`) {
		t.Errorf("an unknown kind: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run("changes", "--since", "yesterday"); code != 2 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("a bad date: exit %d, %s", code, stderr)
	}
}

// onlyIn is a plain member of team who is in no other Team.
func onlyIn(t *testing.T, s *simtenant.Server, team simtenant.Team, teams []simtenant.Team) data.DirectoryUser {
	t.Helper()
	elsewhere := map[string]bool{}
	for _, tm := range teams {
		if tm.ID != team.ID {
			for _, id := range append(slices.Clone(tm.Members), tm.Owners...) {
				elsewhere[id] = true
			}
		}
	}
	for _, id := range team.Members {
		if !elsewhere[id] && !slices.Contains(team.Owners, id) {
			for _, u := range s.Users() {
				if u.ID == id {
					return u
				}
			}
		}
	}
	t.Fatal("every member of the Team is in another Team too")
	return data.DirectoryUser{}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
