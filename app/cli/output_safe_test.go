package cli

import (
	"context"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// Names from the directory or an admin cannot act on the terminal that prints a table,
// nor run as formulas in the spreadsheet that opens a CSV; the same text stays readable.
func TestTablesShowControlsAsEscapesAndCSVKeepsFormulasInert(t *testing.T) {
	rows := [][]string{{"\x1b[2J\x1b[31mMallory", "=cmd|' /C calc'!A0"}, {"bank\u202egnp.exe", "Sales"}}
	var table, csv strings.Builder
	if err := writeTable(&table, "table", []string{"Name", "Department"}, rows); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(table.String(), "\x1b\u202e") || !strings.Contains(table.String(), `\x1b[2J\x1b[31mMallory`) ||
		!strings.Contains(table.String(), `bank\u202egnp.exe`) {
		t.Errorf("the table prints control characters raw:\n%q", table.String())
	}
	if err := writeTable(&csv, "csv", []string{"Name", "Department"}, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), `'=cmd|' /C calc'!A0`) || !strings.Contains(csv.String(), "Sales") {
		t.Errorf("the CSV lets a formula run:\n%s", csv.String())
	}
}

// A name from the directory with an escape sequence or a direction override (admins can
// no longer type one, the directory still sends them) prints as escapes in 'users' and
// 'user show', never as the sequence itself.
func TestUsersAndUserShowPrintEscapesForControlCharacters(t *testing.T) {
	db := freshDemo(t)
	id := hostileDirectoryName(t, db, "\x1b[2JMallory\u202eexe", "\x1b[31mSupport\u202e")
	code, stdout, stderr := runCLI(t, db, "users", "--search", "mallory")
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\u202e") || !strings.Contains(stdout, `\x1b[2JMallory\u202eexe`) ||
		!strings.Contains(stdout, `\x1b[31mSupport\u202e`) {
		t.Fatalf("users prints the directory's control characters raw or not at all:\n%.400q", stdout)
	}
	code, stdout, stderr = runCLI(t, db, "user", "show", id)
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\u202e") || !strings.Contains(stdout, `Mallory\u202eexe`) {
		t.Errorf("user show prints control characters raw:\n%q", stdout)
	}
}

// hostileDirectoryName gives the first Nimbus user of the demo cache db the display name
// and department the directory sent, through the data layer as a sync would, and returns
// the user's id.
func hostileDirectoryName(t *testing.T, db, name, department string) string {
	t.Helper()
	users := usersJSON(t, db)
	if len(users) == 0 {
		t.Fatal("the demo has no users")
	}
	ctx := context.Background()
	store, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	err = store.Tx(ctx, func(q *data.Q) error {
		du, err := q.FindDirectoryUser(users[0].ID)
		if err != nil {
			return err
		}
		du.DisplayName, du.Department = name, department
		return q.UpsertDirectoryUser(du)
	})
	if err != nil {
		t.Fatal(err)
	}
	return users[0].ID
}

// An error line quotes at most 80 characters of what was typed: a pasted file as a user,
// an OU, a name or a flag value gives one short line, not the file back.
func TestErrorLinesQuoteAtMostEightyCharactersOfInput(t *testing.T) {
	db := freshDemo(t)
	huge := strings.Repeat("\x1b[2Jx\u202e", 16<<10) // 128 KiB
	for _, args := range [][]string{
		{"user", "show", huge},
		{"users", "--ou", huge},
		{"config", "ous", "add", huge, "--parent", "/"},
		{"config", "ous", "add", "Elsewhere", "--parent", huge},
		{"services", "members", "add", "Main IVR", huge, "--role", huge},
		{"config", "custom-roles", "add", "Auditors", "--ou", "/", "--permissions", huge},
		{"config", "skills", "update", huge, "--name", "Spanish"},
	} {
		code, _, stderr := runCLI(t, db, args...)
		if code == 0 || len(stderr) > 300 || strings.ContainsAny(stderr, "\x1b\u202e") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%.40q: exit %d, %d bytes: %.300q", args, code, len(stderr), stderr)
		}
	}
}
