package servertest

import (
	"context"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

// DemoTenant is a demo tenant of that many users as a single admin's cache, to import
// into a team's server, with the accounts of its first Tenant Administrator (ta, whom
// the cache acts as) and of its first Organization Unit Administrator (oua).
func DemoTenant(t testing.TB, users int) (src *app.App, ta, oua simtenant.Account) {
	t.Helper()
	ctx := context.Background()
	store := testkit.DemoStore(t, users)
	account := func(role string) simtenant.Account {
		upns, err := store.Read(ctx).RoleHolderUPNs(role, 1)
		if err != nil || len(upns) == 0 {
			t.Fatalf("the demo tenant has no holder of %s: %v", role, err)
		}
		du, err := store.Read(ctx).FindDirectoryUser(upns[0])
		if err != nil {
			t.Fatal(err)
		}
		return simtenant.Account{ID: du.ID, UPN: du.UPN, Name: du.DisplayName}
	}
	ta, oua = account(data.RoleTenantAdmin), account(data.RoleOUAdmin)
	return app.New(store, ta.UPN), ta, oua
}
