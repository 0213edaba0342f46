package app

import (
	"testing"

	"nimbusadmin/data"
)

func TestRolesThatFollowTeamsServicesOrTheGroupAreNeverAssignedByHand(t *testing.T) {
	f := newFixture(t)
	for _, role := range []string{"Team Member", "Team Owner", "Team Owner (limited)", "Agent", "Service Owner", "Tenant Administrator"} {
		f.refused("role.not-by-hand", func() error {
			_, err := f.app.AssignRole(ctx, f.user["anna"], f.id[role], f.ou["EMEA"])
			return err
		}, role)
	}
}

func TestSupervisorSkillBasedUserAndCustomRolesNeedContactCenter(t *testing.T) {
	f := newFixture(t)
	for _, role := range []string{"Supervisor (User)", "Supervisor (Service)", "Skill-Based user", "Custom 1"} {
		f.refused("role.cc-required", func() error {
			_, err := f.app.AssignRole(ctx, f.user["ben"], f.id[role], f.ou["EMEA"])
			return err
		}, role, "Contact Center")
	}
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["ben"], data.ContactCenter) })
	f.accepted(func() error {
		_, err := f.app.AssignRole(ctx, f.user["ben"], f.id["Supervisor (User)"], f.ou["EMEA"])
		return err
	})
	// admin roles need no licence
	f.accepted(func() error {
		_, err := f.app.AssignRole(ctx, f.user["eve"], f.id["Workflow Administrator"], f.ou["EMEA"])
		return err
	})
}

func TestNoRoleTwiceInTheSameScope(t *testing.T) {
	f := newFixture(t)
	var id int64
	f.accepted(func() (err error) {
		id, err = f.app.AssignRole(ctx, f.user["anna"], f.id["Supervisor (User)"], f.ou["EMEA"])
		return err
	})
	f.refused("role.duplicate", func() error {
		_, err := f.app.AssignRole(ctx, f.user["anna"], f.id["Supervisor (User)"], f.ou["EMEA"])
		return err
	}, "already holds Supervisor (User) in Sales/EMEA")
	f.accepted(func() error {
		_, err := f.app.AssignRole(ctx, f.user["anna"], f.id["Supervisor (User)"], f.ou["Sales"])
		return err
	})
	f.refused("role.duplicate", do(f.app, ChangeRoleScope{User: f.user["anna"], Assignment: id, Scope: f.ou["Sales"]}), "already holds")
}

func TestTheBuiltInRolesAreTheProductsOwn(t *testing.T) {
	f := newFixture(t)
	roles, err := f.app.Store().Read(ctx).Roles()
	if err != nil {
		t.Fatal(err)
	}
	var builtin []string
	for _, r := range roles {
		if r.Kind != data.CustomRole {
			builtin = append(builtin, r.Name)
		}
	}
	want := map[string]bool{"Supervisor (User)": true, "Supervisor (Service)": true, "Skill-Based user": true, "Agent": true,
		"Team Member": true, "Team Owner": true, "Team Owner (limited)": true, "Service Owner": true, "Tenant Administrator": true,
		"Organization Unit Administrator": true, "Workflow Administrator": true}
	if len(builtin) != len(want) {
		t.Errorf("built-in roles %q, want exactly %d", builtin, len(want))
	}
	for _, n := range builtin {
		if !want[n] {
			t.Errorf("unexpected built-in role %q", n)
		}
	}
}
