package cli

import (
	"strings"
	"testing"
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

// A name an admin gave with an escape sequence prints as escapes in 'users' and 'user
// show', never as the sequence itself.
func TestUsersAndUserShowPrintEscapesForControlCharacters(t *testing.T) {
	db := freshDemo(t)
	if code, _, stderr := runCLI(t, db, "config", "ous", "rename", "Support", "\x1b[2JSupport\u202e"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runCLI(t, db, "users", "--search", "support")
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\u202e") || !strings.Contains(stdout, `\x1b[2JSupport\u202e`) {
		t.Fatalf("users prints the OU's control characters raw or not at all:\n%.400q", stdout)
	}
	var id string
	for _, u := range usersJSON(t, db, "--search", "support") {
		id = u.ID
		break
	}
	code, stdout, stderr = runCLI(t, db, "user", "show", id)
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\u202e") {
		t.Errorf("user show prints control characters raw:\n%q", stdout)
	}
}
