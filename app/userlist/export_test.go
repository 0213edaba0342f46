package userlist

import (
	"encoding/json"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// An export holds the rows shown, in the order shown, with the columns shown in their
// order: the titles and cells as the list writes them in CSV, typed fields in JSON.
func TestExportWritesTheRowsAndColumnsShown(t *testing.T) {
	ix := testIndex()
	ix.Rows[1].DisplayName = `Ben "B&B" Okafor, Jr.`
	ix.Rows[1].JobTitle = "Agent"
	hits := []int{2, 1} // Мария before Ben, Anna not shown
	cols := []Column{ColumnDisplayName, ColumnUPN, ColumnInteract, ColumnRoutingServices, ColumnJobTitle}

	var csv strings.Builder
	if err := Export(&csv, ExportCSV, ix, hits, cols); err != nil {
		t.Fatal(err)
	}
	want := "Display Name,UPN,Interact enabled,Number of routing services,Job Title\n" +
		"Мария Иванова,maria@contoso.example,No,1,\n" +
		`"Ben ""B&B"" Okafor, Jr.",ben@emea.contoso.example,Yes,0,Agent` + "\n"
	if csv.String() != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", csv.String(), want)
	}

	var js strings.Builder
	if err := Export(&js, ExportJSON, ix, hits, cols); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"displayName": "Ben \"B&B\" Okafor, Jr.",`+"\n    "+`"userPrincipalName"`) {
		t.Errorf("JSON fields are not in column order or HTML-escaped:\n%s", js.String())
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(js.String()), &got); err != nil {
		t.Fatalf("JSON does not parse: %v\n%s", err, js.String())
	}
	wantJSON := []map[string]any{
		{"displayName": "Мария Иванова", "userPrincipalName": "maria@contoso.example", "interact": false, "routingServices": 1.0, "jobTitle": ""},
		{"displayName": `Ben "B&B" Okafor, Jr.`, "userPrincipalName": "ben@emea.contoso.example", "interact": true, "routingServices": 0.0, "jobTitle": "Agent"},
	}
	if len(got) != len(wantJSON) {
		t.Fatalf("JSON has %d rows, want %d", len(got), len(wantJSON))
	}
	for i := range got {
		if len(got[i]) != len(wantJSON[i]) {
			t.Errorf("row %d has fields %v, want %v", i, got[i], wantJSON[i])
		}
		for k, v := range wantJSON[i] {
			if got[i][k] != v {
				t.Errorf("row %d: %s = %v, want %v", i, k, got[i][k], v)
			}
		}
	}

	var empty strings.Builder
	if err := Export(&empty, ExportJSON, ix, nil, cols); err != nil || strings.TrimSpace(empty.String()) != "[]" {
		t.Errorf("an empty list exports as %q, %v; want []", empty.String(), err)
	}
}

// Every licence has a yes-or-no column, so that a licence added to Nimbus is not missing
// from the column chooser.
func TestEveryLicenceHasAColumn(t *testing.T) {
	for _, l := range data.AllLicences {
		found := false
		for _, c := range AllColumns() {
			if c.Licence() == l {
				found = true
				r := Row{UserListRow: data.UserListRow{Licences: l}}
				if r.Cell(c) != "Yes" || (&Row{}).Cell(c) != "No" {
					t.Errorf("%s column writes %q and %q", c.Title(), r.Cell(c), (&Row{}).Cell(c))
				}
			}
		}
		if !found {
			t.Errorf("no column shows the %s licence", l)
		}
	}
	for _, c := range AllColumns() {
		if c.Title() == "" || c.Key() == "" {
			t.Errorf("column %d has no title or key", c)
		}
	}
}

// A cell a spreadsheet would run as a formula is neutralised in CSV and kept exact in JSON.
func TestExportNeutralisesFormulasInCSVOnly(t *testing.T) {
	ix := testIndex()
	ix.Rows[0].Department = `=HYPERLINK("http://evil.example","Click")`
	cols := []Column{ColumnDisplayName, ColumnDepartment}
	var csv, js strings.Builder
	if err := Export(&csv, ExportCSV, ix, []int{0}, cols); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), `"'=HYPERLINK(""http://evil.example"",""Click"")"`) {
		t.Errorf("the formula reaches the CSV live:\n%s", csv.String())
	}
	if err := Export(&js, ExportJSON, ix, []int{0}, cols); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"=HYPERLINK(\"http://evil.example\",\"Click\")"`) {
		t.Errorf("JSON does not keep the department exact:\n%s", js.String())
	}
}
