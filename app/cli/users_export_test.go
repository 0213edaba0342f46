package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"nimbusadmin/app/apptest"
	"nimbusadmin/app/userlist"
)

// The window's export of the eight default columns speaks the command line's JSON: the
// same field names with the same values, so that a script reads either file alike.
func TestWindowExportUsesTheUsersJSONFieldNames(t *testing.T) {
	a := apptest.Demo(t, 60)
	ix, err := a.LoadUserIndex(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	hits := ix.Filter(userlist.Filter{})
	var export strings.Builder
	if err := userlist.Export(&export, userlist.ExportJSON, ix, hits, userlist.DefaultColumns()); err != nil {
		t.Fatal(err)
	}
	var window []map[string]any
	if err := json.Unmarshal([]byte(export.String()), &window); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	if code := Run(context.Background(), []string{"--db", a.CachePath(), "users", "--format", "json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("users --format json: exit %d: %s", code, stderr.String())
	}
	var cli []map[string]any
	if err := json.Unmarshal([]byte(stdout.String()), &cli); err != nil {
		t.Fatal(err)
	}
	if len(cli) != len(window) || len(cli) == 0 {
		t.Fatalf("the command line lists %d users, the export %d", len(cli), len(window))
	}
	for i := range window {
		for k, v := range window[i] {
			if cv, ok := cli[i][k]; !ok || cv != v {
				t.Fatalf("%v: the export's %s is %v, the command line's %v (present: %v)", window[i]["userPrincipalName"], k, v, cv, ok)
			}
		}
	}
}
