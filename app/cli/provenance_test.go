package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
)

func readProvenance(t *testing.T, path string) app.Provenance {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no side-car: %v", err)
	}
	var p app.Provenance
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("side-car is not JSON: %v\n%s", err, b)
	}
	return p
}

func TestExportsWriteTheirProvenanceBesideAPureOutput(t *testing.T) {
	db := freshDemo(t)
	syncedAt(t, db, time.Now().Add(-2*time.Hour).Truncate(time.Second))
	side := filepath.Join(t.TempDir(), "users.csv.provenance.json")
	before := time.Now().Add(-time.Second)
	code, stdout, stderr := runCLI(t, db, "users", "--ou", "/", "--department", "Sales", "--format", "csv", "--provenance", side)
	if code != 0 {
		t.Fatalf("users: exit %d %s", code, stderr)
	}
	records, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(records) < 2 {
		t.Fatalf("the CSV is not pure CSV (%v): %d records", err, len(records))
	}
	p := readProvenance(t, side)
	if p.Command != "users" || p.Format != "csv" || p.Rows != len(records)-1 || p.TenantName == "" || p.TenantID == "" ||
		p.Filters["ou"] != "/" || p.Filters["department"] != "Sales" || len(p.Filters) != 2 ||
		p.LastSync == nil || p.Freshness != app.FreshnessFresh || p.ExportedAt.Before(before.UTC().Truncate(time.Second)) || p.ExportedBy == "" {
		t.Errorf("provenance of users: %+v", p)
	}

	for _, c := range []struct {
		name string
		args []string
	}{{"directory users", []string{"directory", "users", "--search", "a"}}, {"directory teams", []string{"directory", "teams"}}, {"journal", []string{"journal", "--limit", "5"}},
		{"changes", []string{"changes"}}} {
		side := filepath.Join(t.TempDir(), "out.json.provenance.json")
		code, stdout, stderr := runCLI(t, db, append(c.args, "--format", "json", "--provenance", side)...)
		var rows []json.RawMessage
		if code != 0 || json.Unmarshal([]byte(stdout), &rows) != nil {
			t.Fatalf("%s: exit %d, the JSON is not an array: %s %s", c.name, code, stdout, stderr)
		}
		if p := readProvenance(t, side); p.Command != c.name || p.Format != "json" || p.Rows != len(rows) || p.TenantID == "" {
			t.Errorf("%s: provenance %+v for %d rows", c.name, p, len(rows))
		}
	}

	// check exits 1 when it finds something, and still says where its findings come from.
	side = filepath.Join(t.TempDir(), "checks.json.provenance.json")
	code, stdout, _ = runCLI(t, db, "check", "--format", "json", "--provenance", side)
	var findings []json.RawMessage
	if code > 1 || json.Unmarshal([]byte(stdout), &findings) != nil {
		t.Fatalf("check: exit %d, %s", code, stdout)
	}
	if p := readProvenance(t, side); p.Command != "check" || p.Rows != len(findings) {
		t.Errorf("check: provenance %+v for %d findings", p, len(findings))
	}
}
