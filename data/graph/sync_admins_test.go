package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// tenantAdmins lists the UPNs of the users holding the Tenant Administrator role.
func tenantAdmins(t testing.TB, a *app.App) []string {
	t.Helper()
	upns, err := a.Store().Read(context.Background()).RoleHolderUPNs(data.RoleTenantAdmin, 1000)
	mustDo(t, err)
	return upns
}

// upnOf gives a directory user's UPN.
func upnOf(t testing.TB, a *app.App, id string) string {
	t.Helper()
	u, err := a.Store().Read(context.Background()).DirectoryUser(id)
	mustDo(t, err)
	return u.UPN
}

// journalSince lists the journal entries written after the first before of them.
func journalSince(t testing.TB, a *app.App, before int) []app.JournalEntry {
	t.Helper()
	all, err := a.Journal(context.Background(), 100000)
	mustDo(t, err)
	return all[:len(all)-before]
}

// Once the tenant administration security group is set, a sync grants Tenant
// Administrator to its members who are Nimbus users (a nested group's too) and takes it
// from those who left the group; both are journaled, and a member who is no Nimbus user
// gets no role but acts as Tenant Administrator all the same.
func TestSyncKeepsTenantAdministratorsEqualToTheSecurityGroup(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 300})
	a := newCache(t, "")
	sync(t, a, c, false)
	team := s.Teams()[0]
	_, err := a.CreateTeamsService(ctx, team.ID, rootOU(t, a))
	mustDo(t, err)
	nimbus := map[string]bool{}
	for _, m := range append(slices.Clone(team.Members), team.Owners...) {
		nimbus[m] = true
	}
	var outsider string // in the directory, not a Nimbus user
	for _, u := range s.Users() {
		if !nimbus[u.ID] {
			outsider = u.ID
			break
		}
	}
	direct, nested := team.Members[0], team.Members[1]
	inner := s.AddGroup("Helpdesk Leads", []string{nested})
	group := s.AddGroup("Nimbus Tenant Admins", []string{direct, inner, outsider})
	if got := tenantAdmins(t, a); len(got) != 0 {
		t.Fatalf("Tenant Administrators before the group is set: %v", got)
	}

	mustDo(t, a.SetAdminSecurityGroup(ctx, "Nimbus Tenant Admins"))
	before, _ := a.Journal(ctx, 100000)
	sync(t, a, c, false)
	want := []string{upnOf(t, a, direct), upnOf(t, a, nested)}
	slices.Sort(want)
	if got := tenantAdmins(t, a); !slices.Equal(got, want) {
		t.Fatalf("Tenant Administrators after the sync: %v, want the group's Nimbus users %v", got, want)
	}
	entries := journalSince(t, a, len(before))
	for _, upn := range want {
		if !journalHas(entries, "sync.admin.grant", upn) || !journalHas(entries, "sync.admin.grant", `member of the security group "Nimbus Tenant Admins"`) {
			t.Errorf("the grant to %s is not journaled: %+v", upn, entries)
		}
	}
	r, err := app.New(a.Store(), upnOf(t, a, outsider)).Rights(ctx)
	mustDo(t, err)
	if r.Level != app.TenantAdministrator || r.FirstUse {
		t.Errorf("a member of the group who is no Nimbus user is %v (first use %v)", r.Describe(), r.FirstUse)
	}

	// Unchanged, a second sync changes nothing; one member fewer, and the role goes.
	before, _ = a.Journal(ctx, 100000)
	sync(t, a, c, false)
	if entries := journalSince(t, a, len(before)); journalHas(entries, "sync.admin.grant", "") || journalHas(entries, "sync.admin.remove", "") {
		t.Errorf("an unchanged group changed the Tenant Administrators: %+v", entries)
	}
	mustDo(t, s.SetGroupMembers(inner, nil))
	sync(t, a, c, false)
	if got := tenantAdmins(t, a); !slices.Equal(got, []string{upnOf(t, a, direct)}) {
		t.Fatalf("Tenant Administrators after %s left the nested group: %v", upnOf(t, a, nested), got)
	}
	removed := false
	for _, e := range journalSince(t, a, len(before)) {
		removed = removed || e.Action == "sync.admin.remove" && e.Target == upnOf(t, a, nested) &&
			strings.Contains(e.New, `not a member of the security group "Nimbus Tenant Admins"`)
	}
	if !removed {
		t.Error("taking Tenant Administrator away is not journaled with its reason")
	}

	// Two groups of the name: the sync is refused and the cache keeps its last state.
	s.AddGroup("Nimbus Tenant Admins", []string{nested})
	mustDo(t, s.SetGroupMembers(group, []string{outsider}))
	before, _ = a.Journal(ctx, 100000)
	if _, err := a.Sync(ctx, c, app.SyncOptions{}); !app.IsRule(err, "sync.admin-group-ambiguous") || !strings.Contains(err.Error(), "2 groups") {
		t.Fatalf("two groups of the name: %v", err)
	}
	if got := tenantAdmins(t, a); len(journalSince(t, a, len(before))) != 0 || !slices.Equal(got, []string{upnOf(t, a, direct)}) {
		t.Errorf("a refused sync changed the Tenant Administrators: %v", got)
	}
}

// A group that is not in the directory has no members: the sync takes Tenant
// Administrator from everyone it granted it to and says why, and the header says the
// group was not found.
func TestSyncWithTheSecurityGroupNotFoundTakesTheGroupsTenantAdministrators(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 300})
	a := newCache(t, "")
	sync(t, a, c, false)
	team := s.Teams()[0]
	_, err := a.CreateTeamsService(ctx, team.ID, rootOU(t, a))
	mustDo(t, err)
	s.AddGroup("Nimbus Tenant Admins", []string{team.Members[0]})
	mustDo(t, a.SetAdminSecurityGroup(ctx, "Nimbus Tenant Admins"))
	sync(t, a, c, false)
	admin := upnOf(t, a, team.Members[0])
	if got := tenantAdmins(t, a); !slices.Equal(got, []string{admin}) {
		t.Fatalf("Tenant Administrators: %v", got)
	}

	mustDo(t, app.New(a.Store(), admin).SetAdminSecurityGroup(ctx, "Nimbus Admins (renamed)"))
	before, _ := a.Journal(ctx, 100000)
	sync(t, a, c, false)
	if got := tenantAdmins(t, a); len(got) != 0 {
		t.Errorf("Tenant Administrators of a group not found: %v", got)
	}
	if !journalHas(journalSince(t, a, len(before)), "sync.admin.remove", `the security group "Nimbus Admins (renamed)" was not found in the directory`) {
		t.Error("the removal does not say the group was not found")
	}
	r, err := app.New(a.Store(), admin).Rights(ctx)
	mustDo(t, err)
	if !r.FirstUse || r.GroupStatus != app.AdminGroupNotFound ||
		!strings.Contains(r.Headline(), `the security group "Nimbus Admins (renamed)" was not found in the directory at the last sync`) {
		t.Errorf("rights after the group was not found: first use %v, %q", r.FirstUse, r.Headline())
	}
}

// A sync that cannot read the security group fails as one that cannot list the Teams
// does: the cache keeps its last state.
func TestSyncFailsWhenTheSecurityGroupCannotBeRead(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 300})
	a := newCache(t, "")
	sync(t, a, c, false)
	s.AddGroup("Nimbus Tenant Admins", []string{s.Users()[0].ID})
	mustDo(t, a.SetAdminSecurityGroup(ctx, "Nimbus Tenant Admins"))
	last, err := a.LastSync(ctx)
	mustDo(t, err)
	s.Inject(simtenant.Fault{Path: "/transitiveMembers", Status: 403})
	if _, err := a.Sync(ctx, c, app.SyncOptions{}); err == nil || !strings.Contains(err.Error(), "GroupMember.Read.All") {
		t.Fatalf("a sync whose group read was refused: %v", err)
	}
	if _, err := a.Store().Read(ctx).AdminGroup(); err != data.ErrNotFound {
		t.Errorf("the failed sync stored the group: %v", err)
	}
	if now, _ := a.LastSync(ctx); !now.Equal(last) {
		t.Errorf("the failed sync was recorded as complete: %v, before %v", now, last)
	}
}
