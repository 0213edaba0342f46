package app

import (
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// The demo tenant holds no role the rules would refuse: every role given by hand could
// be given by hand today, to a user with the licence it needs, in reach of their OU.
func TestTheDemoHoldsNoRoleTheRulesWouldRefuse(t *testing.T) {
	q := testkit.DemoStore(t, 2000).Read(ctx)
	tree, err := loadTree(q)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = q.EachDirectoryUser(func(e data.DirectoryEntry) bool {
		if !e.IsNimbusUser {
			return true
		}
		u, err := q.NimbusUser(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		roles, err := q.UserRoles(u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n := countCustom(roles); n > MaxCustomRoles {
			t.Errorf("%s holds %d custom roles", u.UPN, n)
		}
		for i, r := range roles {
			if err := roleLicence(u, r.Role); err != nil {
				t.Errorf("%s: %v", u.UPN, err)
			}
			if r.AutoGranted {
				continue
			}
			checked++
			if why, err := roleNotByHand(q, r.Role, u); err != nil || why != "" {
				t.Errorf("%s holds %s by hand: %s %v", u.UPN, r.Role.Name, why, err)
			}
			if r.Role.Kind == data.CustomRole {
				if err := checkAssignable(tree, u, "custom role", r.Role.Name, r.Role.OUID); err != nil {
					t.Errorf("%s: %v", u.UPN, err)
				}
			}
			if err := roleDuplicate(roles[:i], u, r.Role, r.ScopeOUID, 0, tree); err != nil {
				t.Errorf("%s: %v", u.UPN, err)
			}
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d roles given by hand were checked: the demo lost its roles", checked)
	}
}
