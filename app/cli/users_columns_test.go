package cli

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app/userlist"
)

// The user list's columns are the window's: the same titles in the same order, and the
// same spelling of a yes or no.
func TestUsersTableHasTheWindowsColumnsAndCells(t *testing.T) {
	db := freshDemo(t)
	code, stdout, stderr := runCLI(t, db, "users", "--format", "csv")
	if code != 0 {
		t.Fatalf("users --format csv: exit %d: %s", code, stderr)
	}
	table, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(table[0], userlist.ColumnTitles()) {
		t.Errorf("header %q, want the window's %q", table[0], userlist.ColumnTitles())
	}
	attendant := map[string]bool{}
	for _, u := range usersJSON(t, db) {
		attendant[u.ID] = u.AttendantConsole
	}
	seen := map[bool]bool{}
	for _, row := range table[1:] {
		on := attendant[row[userlist.ColumnO365ID]]
		seen[on] = true
		if got := row[userlist.ColumnAttendantConsole]; got != userlist.YesNo(on) {
			t.Fatalf("%s: Attendant Console enabled is %q, want %q as the window writes it", row[userlist.ColumnUPN], got, userlist.YesNo(on))
		}
	}
	if !seen[true] || !seen[false] {
		t.Errorf("the demo list has no user with and without Attendant Console: %v", seen)
	}
}
