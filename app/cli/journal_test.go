package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

type journalJSON struct {
	At, Actor, Action, Target, Old, New string
	UserPrincipalName                   string `json:"userPrincipalName"`
	Source                              string `json:"source"`
}

func journalJSONOf(t *testing.T, db string, args ...string) []journalJSON {
	t.Helper()
	var out []journalJSON
	stdout := mustRun(t, db, append([]string{"journal", "--format", "json"}, args...)...)
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("journal %v: %v in %q", args, err, stdout)
	}
	return out
}

func TestJournalFiltersByUserAdminKindAndDates(t *testing.T) {
	db := freshDemo(t)
	var bare []userJSON
	for _, u := range usersJSON(t, db) {
		if len(u.Licences) == 0 {
			bare = append(bare, u)
		}
	}
	if len(bare) < 2 {
		t.Fatalf("the demo has %d users without licences", len(bare))
	}
	one, two := bare[0], bare[1]
	mustRun(t, db, "user", "licence", one.ID, "--grant", "contact-center")
	mustRun(t, db, "user", "licence", two.ID, "--grant", "attendant-console")

	byID := journalJSONOf(t, db, "--user", one.ID)
	byUPN := journalJSONOf(t, db, "--user", strings.ToUpper(one.UserPrincipalName))
	if len(byID) == 0 || len(byID) != len(byUPN) {
		t.Fatalf("by O365 ID %d entries, by UPN %d", len(byID), len(byUPN))
	}
	for _, e := range byID {
		if e.UserPrincipalName != one.UserPrincipalName || e.Source != "journal" {
			t.Errorf("an entry about %q from %q in %s's journal", e.UserPrincipalName, e.Source, one.UserPrincipalName)
		}
	}
	admin := byID[0].Actor
	if got := journalJSONOf(t, db, "--admin", admin, "--kind", "user.licences"); len(got) != 2 || got[0].Target != two.UserPrincipalName {
		t.Errorf("the admin's licence changes: %+v", got)
	}
	if got := journalJSONOf(t, db, "--admin", "nobody@nowhere.example"); len(got) != 0 {
		t.Errorf("changes by nobody: %+v", got)
	}
	if got := journalJSONOf(t, db, "--kind", "user.licence"); len(got) != 0 {
		t.Errorf("kind user.licence is not user.licences: %+v", got)
	}
	today := time.Now().Format(time.DateOnly)
	yesterday := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	tomorrow := time.Now().AddDate(0, 0, 1).Format(time.DateOnly)
	if got := journalJSONOf(t, db, "--kind", "user.licences", "--since", today, "--until", today); len(got) != 2 {
		t.Errorf("today's licence changes: %+v", got)
	}
	if got := journalJSONOf(t, db, "--since", tomorrow); len(got) != 0 {
		t.Errorf("changes since tomorrow: %+v", got)
	}
	if got := journalJSONOf(t, db, "--until", yesterday); len(got) != 0 {
		t.Errorf("changes until yesterday: %+v", got)
	}
	if got := journalJSONOf(t, db, "--user", "nobody@nowhere.example"); len(got) != 0 {
		t.Errorf("changes about nobody: %+v", got)
	}
}

func TestJournalRefusesADateItCannotRead(t *testing.T) {
	db := freshDemo(t)
	for _, args := range [][]string{
		{"journal", "--since", "yesterday"},
		{"journal", "--until", "31/12/2024"},
	} {
		code, stdout, stderr := runCLI(t, db, args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "2006-01-02") ||
			!strings.Contains(stderr, args[1]) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	code, _, stderr := runCLI(t, db, "journal", "--user", "no-such-id")
	if code != 1 || !strings.Contains(stderr, "no-such-id") {
		t.Errorf("an unknown O365 ID: exit %d, %q", code, stderr)
	}
}
