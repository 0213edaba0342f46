package app

import (
	"context"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// readGroup stores what a sync read of the tenant administration security group.
func (f *fixture) readGroup(g directory.AdminGroup) {
	f.t.Helper()
	err := f.app.store.Tx(context.Background(), func(q *data.Q) error {
		return q.ReplaceAdminGroup(data.AdminGroup{Name: g.Name, ID: g.ID, Found: g.Matches == 1, ReadAt: "2026-01-01T00:00:00Z"}, g.Members)
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// rightsAs works out the rights of another account of the fixture's tenant.
func (f *fixture) rightsAs(upn string) AdminRights {
	f.t.Helper()
	r, err := New(f.app.store, upn).Rights(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}

// A member of the tenant administration security group acts as Tenant Administrator
// though Nimbus does not know them as a user, and only while the group has them.
func TestAMemberOfTheAdminGroupActsAsTenantAdministratorWithoutBeingANimbusUser(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	frank := New(f.app.store, "frank@contoso.example")
	if r := f.rightsAs("frank@contoso.example"); r.Level != ReadOnly || r.FirstUse {
		t.Fatalf("before the group is read, frank is %v (first use %v)", r.Describe(), r.FirstUse)
	}
	f.refused("permission.read-only", do(frank, ChangeTenantSettings{DefaultTeamsOU: f.ou["APAC"]}), "Tenant Administrator")

	group := directory.AdminGroup{Name: "Nimbus Admins", Matches: 1, ID: "g-admins", Members: []string{f.user["dana"], f.user["frank"]}}
	f.readGroup(group)
	r := f.rightsAs("frank@contoso.example")
	if r.Level != TenantAdministrator || r.FirstUse || r.GroupStatus != AdminGroupRead {
		t.Fatalf("a member of the group is %v (first use %v, group %v)", r.Describe(), r.FirstUse, r.GroupStatus)
	}
	if h := r.Headline(); h != "Signed in as frank@contoso.example — Tenant Administrator" {
		t.Errorf("headline %q", h)
	}
	if err := do(frank, ChangeTenantSettings{DefaultTeamsOU: f.ou["APAC"]})(); err != nil {
		t.Fatalf("a member of the group may change the tenant settings: %v", err)
	}
	if _, err := f.app.store.Read(ctx).NimbusUser(f.user["frank"]); err == nil {
		t.Error("reading the group made frank a Nimbus user")
	}

	group.Members = group.Members[:1]
	f.readGroup(group)
	if r := f.rightsAs("frank@contoso.example"); r.Level != ReadOnly {
		t.Errorf("after leaving the group, frank is %v", r.Describe())
	}
	if r := f.rightsAs("dana@contoso.example"); r.Level != TenantAdministrator || r.FirstUse {
		t.Errorf("dana, still in the group, is %v (first use %v)", r.Describe(), r.FirstUse)
	}
}

// First use (anyone acting as Tenant Administrator) lasts while nobody is known to be
// one, and the header says why: the group was never read, not found, or empty. It ends
// once a member of the group is known, even one who is no Nimbus user.
func TestFirstUseEndsOnceAMemberOfTheAdminGroupIsKnown(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if _, err := testkit.Exec(f.app.store.Read(ctx), `DELETE FROM role_assignments WHERE role_id = ?`, f.id["Tenant Administrator"]); err != nil {
		t.Fatal(err)
	}
	firstUse := func(want string) {
		t.Helper()
		r := f.rightsAs("eve@contoso.example")
		if r.Level != TenantAdministrator || !r.FirstUse || !strings.Contains(r.Headline(), want) {
			t.Errorf("eve is %v (first use %v): %q, want it to mention %q", r.Describe(), r.FirstUse, r.Headline(), want)
		}
	}
	firstUse(`until a member of the security group "Nimbus Admins" is known: sync to read its members`)
	f.readGroup(directory.AdminGroup{Name: "Nimbus Admins"})
	firstUse(`the security group "Nimbus Admins" was not found in the directory at the last sync`)
	f.readGroup(directory.AdminGroup{Name: "Nimbus Admins", Matches: 1, ID: "g-admins"})
	firstUse(`it had no members at the last sync`)

	f.readGroup(directory.AdminGroup{Name: "Nimbus Admins", Matches: 1, ID: "g-admins", Members: []string{f.user["frank"]}})
	if r := f.rightsAs("eve@contoso.example"); r.Level != ReadOnly || r.FirstUse {
		t.Errorf("with a member of the group known, eve is still %v (first use %v)", r.Describe(), r.FirstUse)
	}
	if r := f.rightsAs("frank@contoso.example"); r.Level != TenantAdministrator || r.FirstUse {
		t.Errorf("the member of the group is %v (first use %v)", r.Describe(), r.FirstUse)
	}

	// Renamed in tenant settings: the members read last count until the next sync reads
	// the new group, as the roles they were granted do.
	if err := New(f.app.store, "frank@contoso.example").SetAdminSecurityGroup(ctx, "Contoso Admins"); err != nil {
		t.Fatal(err)
	}
	r := f.rightsAs("frank@contoso.example")
	if r.Level != TenantAdministrator || r.FirstUse || r.GroupStatus != AdminGroupUnread {
		t.Errorf("after the rename: %v (first use %v, group %v)", r.Describe(), r.FirstUse, r.GroupStatus)
	}
}

// The security group grants and takes only the Tenant Administrator role it grants: one
// given by hand (before the role followed the group) stays whether or not they are in it,
// or the group is found at all.
func TestTheSecurityGroupLeavesATenantAdministratorGivenByHand(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if _, err := f.app.store.Read(ctx).AssignRole(f.user["carl"], f.id["Tenant Administrator"], f.ou["root"], false, 0); err != nil {
		t.Fatal(err)
	}
	for _, members := range [][]string{{f.user["dana"], f.user["carl"]}, {f.user["dana"]}} {
		err := f.app.store.Tx(ctx, func(q *data.Q) error {
			_, err := syncAdmins(q, directory.AdminGroup{Name: "Nimbus Admins", Matches: 1, ID: "g-admins", Members: members})
			return err
		})
		if err != nil {
			t.Fatalf("group of %d: %v", len(members), err)
		}
		d, err := f.app.UserDetail(ctx, "carl@contoso.example")
		if err != nil {
			t.Fatal(err)
		}
		if !isTenantAdmin(d.Roles) {
			t.Errorf("with %d members in the group, carl lost the Tenant Administrator role given by hand", len(members))
		}
	}

	// With the group not found, the header of a Tenant Administrator says so: it explains
	// why the group's members are not.
	err := f.app.store.Tx(ctx, func(q *data.Q) error {
		_, err := syncAdmins(q, directory.AdminGroup{Name: "Nimbus Admins"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r := f.rightsAs("carl@contoso.example")
	if want := `Signed in as carl@contoso.example — Tenant Administrator; the security group "Nimbus Admins" was not found in the directory at the last sync`; r.FirstUse || r.Headline() != want {
		t.Errorf("header %q (first use %v), want %q", r.Headline(), r.FirstUse, want)
	}
}
