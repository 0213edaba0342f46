package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// The window's export carries the OU selection, a filter and the sort of what it shows,
// and its provenance is saved next to the file, naming them.
func TestExportOfAnOUAndAFilterSavesItsProvenanceBesideIt(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	windowSyncedAt(t, m, time.Now().Add(-time.Hour).Truncate(time.Second))
	ou := windowBranchWithUsers(t, m)
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	m.table.sortBy(userlist.ColumnUPN)
	m.filters.routing.SetSelected(filterRoutingAny)
	shown := append([]int(nil), m.table.hits...)
	if len(shown) == 0 || len(shown) == len(m.index.Rows) {
		t.Fatalf("the OU and the filter list %d of %d users", len(shown), len(m.index.Rows))
	}
	for _, h := range shown {
		if r := m.index.Rows[h]; r.RoutingServices == 0 || !strings.HasPrefix(r.OUPath, m.index.Tree.Path(ou)) {
			t.Fatalf("the list shows %s (%s, %d services) outside the OU or the filter", r.UPN, r.OUPath, r.RoutingServices)
		}
	}

	path := filepath.Join(t.TempDir(), "users.json")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := m.list.exportTo(out, exportFormatOf(path))
	out.Close()
	if err != nil || n != len(shown) {
		t.Fatalf("export wrote %d users (%v), the list shows %d", n, err, len(shown))
	}
	var users []map[string]any
	if b, _ := os.ReadFile(path); json.Unmarshal(b, &users) != nil || len(users) != n || users[0]["userPrincipalName"] != m.index.Rows[shown[0]].UPN {
		t.Fatalf("the JSON export is not the array of the users shown, in order")
	}
	if err := m.list.saveExportProvenance(storage.NewFileURI(path), exportFormatOf(path), n); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path + ".provenance.json")
	if err != nil {
		t.Fatalf("no side-car next to the export: %v", err)
	}
	var p app.Provenance
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("the side-car is not JSON: %v", err)
	}
	want := map[string]string{"organizationUnits": m.index.Tree.Path(ou) + " and below", "routingServices": filterRoutingAny,
		"sort": "UPN, ascending", "columns": strings.Join(columnTitlesOf(m.table.cols), ", ")}
	for k, v := range want {
		if p.Filters[k] != v {
			t.Errorf("provenance filter %s = %q, want %q", k, p.Filters[k], v)
		}
	}
	if len(p.Filters) != len(want) || p.Rows != n || p.Format != "json" || p.Command != "window: user list" ||
		p.TenantID == "" || p.TenantName == "" || p.LastSync == nil || p.ExportedBy != m.nimbus.Actor() {
		t.Errorf("provenance %+v", p)
	}
}

func columnTitlesOf(cols []userlist.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Title()
	}
	return out
}
