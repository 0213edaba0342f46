// Package apptest holds the test helpers that need app itself, for the tests of the
// packages above it (ui, the command line, main); data/testkit holds the rest.
package apptest

import (
	"context"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data/testkit"
)

// Demo is a generated demo tenant with that many Nimbus users in a fresh cache, acted on
// as its signed-in Tenant Administrator, as the demo mode does.
func Demo(t testing.TB, users int) *app.App {
	t.Helper()
	store := testkit.DemoStore(t, users)
	admin, err := app.DemoAdmin(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	return app.New(store, admin)
}
