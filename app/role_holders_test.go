package app

import (
	"context"
	"testing"
)

func TestRoleHoldersAndFindRoleReadTheTenant(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	r, err := f.app.FindRole(ctx, "  team MEMBER ")
	if err != nil || r.ID != f.id["Team Member"] {
		t.Fatalf("by name, any case: %+v %v", r, err)
	}
	if r, err := f.app.FindRole(ctx, "Support only"); err != nil || r.ID != f.id["Support only"] {
		t.Fatalf("a custom role by name: %+v %v", r, err)
	}
	if r, err := f.app.FindRole(ctx, "1"); err != nil || r.ID != 1 {
		t.Fatalf("by id: %+v %v", r, err)
	}
	if _, err := f.app.FindRole(ctx, "Supervisor"); err == nil || err.Error() != `no role "Supervisor" in this tenant` {
		t.Fatalf("a name that is no role's: %v", err)
	}
	h, err := f.app.RoleHolders(ctx, f.id["Team Member"])
	if err != nil || h.Len() != 2 || !h.Has(f.user["ben"]) || !h.Has(f.user["eve"]) || h.Has(f.user["anna"]) {
		t.Fatalf("Team Member holders: %v %v", h, err)
	}
	if _, err := f.app.RoleHolders(ctx, 9999); err == nil {
		t.Fatal("an unknown role has no holders to load")
	}
}
