package ui

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/userlist"
)

// Export writes what the list shows: the rows the search leaves, in the order sorted,
// with the columns shown in their order; a .json name gives JSON.
func TestExportWritesTheRowsAndColumnsShown(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.list.showColumns([]userlist.Column{userlist.ColumnJobTitle, userlist.ColumnMail, userlist.ColumnInteract})
	m.table.sortBy(userlist.ColumnUPN)
	m.table.sortBy(userlist.ColumnUPN) // descending
	test.Type(m.search, "an")
	shown := len(m.table.hits)
	if shown == 0 || shown == len(m.index.Rows) {
		t.Fatalf("the search lists %d of %d users", shown, len(m.index.Rows))
	}

	var out strings.Builder
	n, err := m.list.exportTo(&out, exportFormatOf("Users.CSV"))
	if err != nil || n != shown {
		t.Fatalf("export wrote %d users (%v), the list shows %d", n, err, shown)
	}
	table, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Display Name", "UPN", "Job Title", "Mail", "Interact enabled"}
	if strings.Join(table[0], "|") != strings.Join(wantHeader, "|") {
		t.Fatalf("header %q, want %q", table[0], wantHeader)
	}
	if len(table) != shown+1 {
		t.Fatalf("%d lines under the header, the list shows %d", len(table)-1, shown)
	}
	for i, h := range m.table.hits {
		r := &m.index.Rows[h]
		want := []string{r.DisplayName, r.UPN, r.JobTitle, r.Mail, userlist.YesNo(r.Licences.Has(userlist.ColumnInteract.Licence()))}
		if strings.Join(table[i+1], "|") != strings.Join(want, "|") {
			t.Fatalf("line %d is %q, want the row shown %q", i+1, table[i+1], want)
		}
	}

	out.Reset()
	if _, err := m.list.exportTo(&out, exportFormatOf("users.json")); err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	if err := json.Unmarshal([]byte(out.String()), &objs); err != nil {
		t.Fatalf("a .json export is not JSON: %v", err)
	}
	first := &m.index.Rows[m.table.hits[0]]
	if len(objs) != shown || objs[0]["userPrincipalName"] != first.UPN || len(objs[0]) != 5 {
		t.Fatalf("JSON: %d objects, the first %v; want %d, the first for %s with the five columns shown", len(objs), objs[0], shown, first.UPN)
	}
}
