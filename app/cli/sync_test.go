package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data/simtenant"
)

// syncTenant starts a simulated tenant (Entra ID with auto-approved device codes and
// Graph) and returns the global flags that sync from it with --no-keyring into a new
// cache file.
func syncTenant(t *testing.T, users int) (*simtenant.Server, []string) {
	t.Helper()
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	s, err := simtenant.Start(simtenant.Options{Users: users, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	authHTTPClient = s.Client()
	t.Cleanup(func() { authHTTPClient = nil })
	return s, []string{"--no-keyring", "--authority", s.URL, "--graph-url", s.GraphURL(), "--tenant", authority.TenantID(),
		"--client-id", "cli-test", "--db", filepath.Join(t.TempDir(), "tenant.db")}
}

func TestSyncThenDirectoryUsersEqualsTheTenant(t *testing.T) {
	s, globals := syncTenant(t, 1500)
	code, _, stderr := runAuthCLI(t, globals, "sync")
	if code != 0 || !strings.Contains(stderr, "Synced (full): 2 pages, 1500 users written") {
		t.Fatalf("sync: exit %d\n%s", code, stderr)
	}
	assertDirectoryJSON(t, s, globals)

	people := s.Users()
	if err := s.UpdateUser(people[0].ID, map[string]any{"department": nil, "jobTitle": "Night Lead"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveUser(people[1].ID, "changed"); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runAuthCLI(t, globals, "sync")
	if code != 0 || !strings.Contains(stderr, "Synced (incremental): 1 pages, 1 users written, 1 removed") {
		t.Fatalf("second sync: exit %d\n%s", code, stderr)
	}
	if st := s.Stats(); st.IncrementalRounds != 1 || st.FullRounds != 1 {
		t.Fatalf("stats %+v: the second sync must use the delta link", st)
	}
	assertDirectoryJSON(t, s, globals)
}

// assertDirectoryJSON checks 'directory users --format json' against the tenant, field
// for field, with exactly Graph's field names and null for absent values.
func assertDirectoryJSON(t *testing.T, s *simtenant.Server, globals []string) {
	t.Helper()
	code, stdout, stderr := runAuthCLI(t, globals, "directory", "users", "--format", "json")
	if code != 0 {
		t.Fatalf("directory users: exit %d: %s", code, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]any{}
	for _, u := range s.Users() {
		m := map[string]any{"id": u.ID}
		for k, v := range map[string]string{"displayName": u.DisplayName, "givenName": u.GivenName, "surname": u.Surname,
			"userPrincipalName": u.UPN, "mail": u.Mail, "department": u.Department, "jobTitle": u.JobTitle} {
			m[k] = nil
			if v != "" {
				m[k] = v
			}
		}
		m["accountEnabled"] = nil
		if u.AccountEnabled != nil {
			m["accountEnabled"] = *u.AccountEnabled
		}
		want[u.ID] = m
	}
	if len(got) != len(want) {
		t.Fatalf("directory users lists %d users, the tenant has %d", len(got), len(want))
	}
	for _, g := range got {
		if w := want[g["id"].(string)]; !reflect.DeepEqual(g, w) {
			t.Fatalf("user differs:\ncli    %v\ntenant %v", g, w)
		}
	}
}

func TestDirectoryTeamsAndServicesVerbs(t *testing.T) {
	s, globals := syncTenant(t, 800)
	if code, _, stderr := runAuthCLI(t, globals, "sync"); code != 0 {
		t.Fatalf("sync: %s", stderr)
	}
	code, stdout, stderr := runAuthCLI(t, globals, "directory", "teams", "--format", "json")
	if code != 0 {
		t.Fatalf("directory teams: %s", stderr)
	}
	var teams []struct {
		ID, DisplayName string
		Members, Owners []string
	}
	if err := json.Unmarshal([]byte(stdout), &teams); err != nil {
		t.Fatal(err)
	}
	want := s.Teams()
	if len(teams) != len(want) {
		t.Fatalf("%d Teams listed, the tenant has %d", len(teams), len(want))
	}
	for _, w := range want {
		i := slices.IndexFunc(teams, func(x struct {
			ID, DisplayName string
			Members, Owners []string
		}) bool {
			return x.ID == w.ID
		})
		if i < 0 {
			t.Fatalf("Team %s is not listed", w.ID)
		}
		slices.Sort(w.Members)
		slices.Sort(w.Owners)
		if teams[i].DisplayName != w.DisplayName || !slices.Equal(teams[i].Members, w.Members) || !slices.Equal(teams[i].Owners, w.Owners) {
			t.Fatalf("Team %s: %+v, want %+v", w.ID, teams[i], w)
		}
	}

	team := want[0]
	if code, stdout, stderr = runAuthCLI(t, globals, "services", "add-team", team.ID, "--ou", "/"); code != 0 || !strings.Contains(stdout, team.DisplayName) {
		t.Fatalf("services add-team: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr = runAuthCLI(t, globals, "services", "add-team", team.ID, "--ou", "/"); code != 1 || !strings.Contains(stderr, "already backs") {
		t.Fatalf("second add-team of one Team: exit %d: %s", code, stderr)
	}
	if code, _, stderr = runAuthCLI(t, globals, "services", "add", "--type", "none", "--name", "Main IVR", "--ou", "/"); code != 0 {
		t.Fatalf("services add: %s", stderr)
	}
	if code, _, _ = runAuthCLI(t, globals, "services", "add", "--type", "teams", "--name", "X"); code != 2 {
		t.Fatalf("services add --type teams: exit %d, want a usage error", code)
	}
	code, stdout, _ = runAuthCLI(t, globals, "services", "--format", "json")
	var services []serviceListJSON
	if err := json.Unmarshal([]byte(stdout), &services); err != nil || code != 0 {
		t.Fatalf("services: %v %s", err, stdout)
	}
	users := map[string]bool{}
	for _, id := range append(team.Members, team.Owners...) {
		users[id] = true
	}
	if len(services) != 2 || services[1].AssignmentType != "teams" || services[1].TeamID != team.ID || services[1].Users != len(users) ||
		services[0].AssignmentType != "none" {
		t.Fatalf("services = %+v; want the IVR and the Team's service with %d users", services, len(users))
	}
}

// After signin and sync, the other verbs open the signed-in tenant's cache by
// themselves: no --db needed.
func TestVerbsOpenTheSignedInTenantsCache(t *testing.T) {
	_, globals := syncTenant(t, 300)
	// a keyring, so that the sign-in outlives one command; no --db: the tenant's own cache
	globals = globals[1 : len(globals)-2]
	authKeyring = &authMemoryKeyring{m: map[string]string{}}
	t.Cleanup(func() { authKeyring = nil })
	if code, _, stderr := runAuthCLI(t, globals, "sync"); code != 0 {
		t.Fatalf("sync: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runAuthCLI(t, globals, "directory", "users", "--format", "json")
	var people []map[string]any
	if err := json.Unmarshal([]byte(stdout), &people); code != 0 || err != nil || len(people) != 300 {
		t.Fatalf("directory users without --db: exit %d, %d people, %v, %s", code, len(people), err, stderr)
	}
}
