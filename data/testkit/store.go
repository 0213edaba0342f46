// Package testkit holds what the tests of every package share: a temporary cache, a
// generated demo tenant, the small Contoso organisation whose every fact the rule tests
// know, a fingerprint of a cache to prove a refused change wrote nothing, and a
// simulated Entra ID to sign in to. It works on data only, so that the tests of app and
// its subpackages can use it; app-level helpers live in app/apptest.
package testkit

import (
	"context"
	"path/filepath"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// Store opens a fresh, empty cache in the test's temporary folder and closes it when the
// test ends; its file is store.Path().
func Store(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "tenant.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// DemoStore is a fresh cache holding a generated demo tenant with that many Nimbus users.
func DemoStore(t testing.TB, users int) *data.Store {
	t.Helper()
	s := Store(t)
	if err := demo.Generate(context.Background(), s, demo.Options{Users: users}); err != nil {
		t.Fatal(err)
	}
	return s
}

// Fresh is a cache as the first sync of a new tenant leaves it: the tenant Fabrikam with
// its root OU and built-in profiles, two people in the directory (Mia Wong "u-1" and Omar
// Haddad "u-2") and nothing configured yet. It returns the root OU too.
func Fresh(t testing.TB) (*data.Store, int64) {
	t.Helper()
	s := Store(t)
	var root int64
	err := s.Tx(context.Background(), func(q *data.Q) (err error) {
		root, err = q.InitTenant(data.TenantSettings{TenantID: "t2", TenantName: "Fabrikam", InteractEnabled: true,
			WidgetKey: "wk-1", SnippetTemplate: `<script data-c="{{contactId}}" data-k="{{widgetKey}}"></script>`,
			AdminSecurityGroup: "Fabrikam Admins"})
		if err != nil {
			return err
		}
		for _, du := range []data.DirectoryUser{
			{ID: "u-1", DisplayName: "Mia Wong", UPN: "mia@fabrikam.example"},
			{ID: "u-2", DisplayName: "Omar Haddad", UPN: "omar@fabrikam.example"},
		} {
			if err := q.UpsertDirectoryUser(du); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, root
}
