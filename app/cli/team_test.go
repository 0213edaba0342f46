package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app/cli"
	"nimbusadmin/app/server/servertest"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

func TestMain(m *testing.M) { os.Exit(servertest.Main(m)) }

func TestTheCommandLineWorksOnAReplicaOfATeamServer(t *testing.T) {
	ctx := context.Background()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	src := testkit.DemoStore(t, 150)
	upns, err := src.Read(ctx).RoleHolderUPNs(data.RoleTenantAdmin, 1)
	if err != nil || len(upns) == 0 {
		t.Fatal(upns, err)
	}
	du, err := src.Read(ctx).FindDirectoryUser(upns[0])
	if err != nil {
		t.Fatal(err)
	}
	tm := servertest.NewTeam(t, simtenant.Account{ID: du.ID, UPN: du.UPN, Name: du.DisplayName})
	tm.Start()
	keyring := cli.NewMemoryKeyring()
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		globals := []string{"--server", tm.URL, "--authority", tm.Entra.URL(), "--client-id", "desktop-cli"}
		code := cli.RunForTest(ctx, append(globals, args...), &out, &errb, keyring, tm.Trust)
		return code, out.String(), errb.String()
	}
	if code, out, errs := run("signin"); code != 0 || !strings.Contains(out, du.UPN) {
		t.Fatalf("signin: %d %s %s", code, out, errs)
	}
	if code, out, errs := run("server", "import", "--db", src.Path()); code != 0 || !strings.Contains(out, "Imported") {
		t.Fatalf("server import: %d %s %s", code, out, errs)
	}
	code, out, errs := run("users", "--format", "json")
	var users []struct {
		UserPrincipalName string   `json:"userPrincipalName"`
		Licences          []string `json:"licences"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &users) != nil || len(users) != 150 {
		t.Fatalf("users on the replica: %d, %d users, %s", code, len(users), errs)
	}
	var who string
	for _, u := range users {
		if !slices.Contains(u.Licences, "assistant") {
			who = u.UserPrincipalName
			break
		}
	}
	if code, out, errs := run("user", "licence", who, "--grant", "assistant"); code != 0 {
		t.Fatalf("a licence granted through the server: %d %s %s", code, out, errs)
	}
	_, out, _ = run("users", "--search", who, "--format", "json")
	if json.Unmarshal([]byte(out), &users) != nil || len(users) != 1 || !slices.Contains(users[0].Licences, "assistant") {
		t.Fatalf("the replica does not show the licence just granted: %s", out)
	}
	if code, out, _ := run("journal", "--limit", "1"); code != 0 || !strings.Contains(out, du.UPN) {
		t.Fatalf("the journal's newest entry is not the admin's: %s", out)
	}
	tm.Stop()
	code, _, errs = run("user", "licence", who, "--revoke", "assistant")
	if code != 1 || !strings.Contains(errs, "Offline — server unreachable; read-only") {
		t.Fatalf("a change with the server down: exit %d, %s", code, errs)
	}
	if code, out, errs := run("users", "--search", who); code != 0 || !strings.Contains(out, who) {
		t.Fatalf("reading with the server down: %d %s %s", code, out, errs)
	}
}
