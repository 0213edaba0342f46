package app

import (
	"context"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

func exportAll(t *testing.T, s *data.Store) []data.Row {
	t.Helper()
	var rows []data.Row
	if err := s.Read(context.Background()).ExportRows(func(r data.Row) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return rows
}

// A server takes a single admin's cache once, from a Tenant Administrator of it; a cache
// that names no Tenant Administrator would make everyone one, and is refused.
func TestAnImportNeedsATenantAdministratorOfTheImportedTenant(t *testing.T) {
	ctx := context.Background()
	nobodyAdmin, _ := testkit.Fresh(t)
	server := New(testkit.Store(t), "mia@fabrikam.example")
	before := testkit.Digest(t, server.store)
	if _, err := server.Import(ctx, exportAll(t, nobodyAdmin)); !IsRule(err, "server.import_no_admin") {
		t.Fatalf("importing a tenant nobody administers: %v, want server.import_no_admin", err)
	}
	if testkit.Digest(t, server.store) != before {
		t.Fatal("a refused import changed the server")
	}

	org := testkit.Org(t)
	rows := exportAll(t, org.Store)
	if _, err := New(server.store, "anna@contoso.example").Import(ctx, rows); !IsRule(err, "admin.tenant_only") {
		t.Fatalf("an import by someone who is not a Tenant Administrator there: %v", err)
	}
	if _, err := New(server.store, "dana@contoso.example").Import(ctx, rows); err != nil {
		t.Fatalf("an import by the tenant's Tenant Administrator: %v", err)
	}
	if _, err := New(server.store, "dana@contoso.example").Import(ctx, rows); !IsRule(err, "server.not_empty") {
		t.Fatalf("a second import: %v, want server.not_empty", err)
	}
}
