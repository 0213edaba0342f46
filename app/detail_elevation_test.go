package app

import (
	"context"
	"strings"
	"testing"
)

// detailElevationFixture gives anna (Sales/EMEA) the OU Administrator role in Sales;
// "Mover" is the fixture's custom role at the root that may change users' OU.
func detailElevationFixture(t *testing.T) (*fixture, int64, int64) {
	f := newFixture(t)
	ctx := context.Background()
	ouAdmin := f.id["Organization Unit Administrator"]
	if _, err := f.app.AssignRole(ctx, f.user["anna"], ouAdmin, f.ou["Sales"]); err != nil {
		t.Fatal(err)
	}
	return f, f.id["Mover"], ouAdmin
}

func TestSelfElevationIsWarnedWhenUsersCanBeMovedIntoAStrongerScope(t *testing.T) {
	f, mover, _ := detailElevationFixture(t)
	ctx := context.Background()
	warn, err := f.app.SelfElevationWarning(ctx, f.user["anna"], mover, f.ou["Support"], 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Self-elevation", "Mover in Support", "into Sales", "Organization Unit Administrator"} {
		if !strings.Contains(warn, want) {
			t.Errorf("warning %q lacks %q", warn, want)
		}
	}
	if warn, _ := f.app.SelfElevationWarning(ctx, f.user["anna"], mover, f.ou["EMEA"], 0); warn != "" {
		t.Errorf("Mover inside the OU Administrator's own scope elevates nothing, got %q", warn)
	}
	if warn, _ := f.app.SelfElevationWarning(ctx, f.user["anna"], f.id["Custom 1"], f.ou["Support"], 0); warn != "" {
		t.Errorf("a custom role without the General tab cannot move users, got %q", warn)
	}
	if warn, _ := f.app.SelfElevationWarning(ctx, f.user["dana"], mover, f.ou["Support"], 0); warn != "" {
		t.Errorf("a Tenant Administrator reaches everything already, got %q", warn)
	}
}

func TestSelfElevationWarnsTheAdminWhoChangesTheirOwnRoles(t *testing.T) {
	f, mover, _ := detailElevationFixture(t)
	self := New(f.app.Store(), "anna@contoso.example")
	warn, err := self.SelfElevationWarning(context.Background(), f.user["anna"], mover, f.ou["Support"], 0)
	if err != nil || !strings.HasPrefix(warn, "You are changing your own roles.") {
		t.Errorf("warning for the admin's own roles: %q, %v", warn, err)
	}
}

func TestSelfElevationChecksAScopeChangeWithoutTheOldScope(t *testing.T) {
	f, mover, ouAdmin := detailElevationFixture(t)
	ctx := context.Background()
	d, _ := f.app.UserDetail(ctx, f.user["anna"])
	var assignment int64
	for _, r := range d.Roles {
		if r.Role.ID == ouAdmin {
			assignment = r.ID
		}
	}
	if _, err := f.app.AssignRole(ctx, f.user["anna"], mover, f.ou["EMEA"]); err != nil {
		t.Fatal(err)
	}
	warn, err := f.app.SelfElevationWarning(ctx, f.user["anna"], ouAdmin, f.ou["Support"], assignment)
	if err != nil || !strings.Contains(warn, "into Support") {
		t.Errorf("moving the OU Administrator scope to Support puts EMEA's users in reach: %q, %v", warn, err)
	}
}
