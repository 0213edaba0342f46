package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// windowDemoAs opens the main window over a 300-user demo as the account pick chooses.
func windowDemoAs(t *testing.T, pick func(store *data.Store) string) *mainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	store := windowDemoTenant(t).Store()
	return windowOpen(t, a, app.New(store, pick(store)), nil)
}

// windowFirstHolder is the first holder of a built-in role in the demo.
func windowFirstHolder(t *testing.T, key string) func(*data.Store) string {
	return func(store *data.Store) string {
		upns, err := store.Read(context.Background()).RoleHolderUPNs(key, 1)
		if err != nil || len(upns) == 0 {
			t.Fatalf("the demo has no %s: %v", key, err)
		}
		return upns[0]
	}
}

func TestTheHeaderSaysOnceWhatTheAccountMayChange(t *testing.T) {
	m := windowDemoAs(t, windowFirstHolder(t, data.RoleTenantAdmin))
	if !strings.HasSuffix(m.rightsLine.Text, "— Tenant Administrator") || m.createButton.Disabled() {
		t.Errorf("Tenant Administrator: header %q, Create disabled %v", m.rightsLine.Text, m.createButton.Disabled())
	}
	m = windowDemoAs(t, windowFirstHolder(t, data.RoleOUAdmin))
	if !strings.Contains(m.rightsLine.Text, "Organization Unit Administrator of ") ||
		!strings.HasSuffix(m.rightsLine.Text, "changes outside it are read-only") || m.createButton.Disabled() {
		t.Errorf("OU Administrator: header %q, Create disabled %v", m.rightsLine.Text, m.createButton.Disabled())
	}
}

func TestAPlainUserCannotCreateOrDelete(t *testing.T) {
	var plain string
	m := windowDemoAs(t, func(store *data.Store) string {
		err := store.Read(context.Background()).EachDirectoryUser(func(e data.DirectoryEntry) bool {
			if !e.IsNimbusUser {
				plain = e.UPN // a person of the directory who is not even a Nimbus user
				return false
			}
			return true
		})
		if err != nil || plain == "" {
			t.Fatalf("no plain person in the demo directory: %v", err)
		}
		return plain
	})
	if !strings.Contains(m.rightsLine.Text, plain) || !strings.Contains(m.rightsLine.Text, "everything is read-only") {
		t.Errorf("header for a plain user: %q", m.rightsLine.Text)
	}
	if !m.createButton.Disabled() {
		t.Error("Create is offered to an account that may add nobody")
	}
	for i, h := range m.table.hits {
		d, err := m.nimbus.UserDetail(context.Background(), m.index.Rows[h].ID)
		if err != nil || !d.Deletable() {
			continue
		}
		m.table.selectRow(i)
		if !m.deleteButton.Disabled() || !strings.Contains(m.deleteReason.Text, "You may not change this user") {
			t.Errorf("a deletable user offered for deletion to a plain user: disabled %v, %q", m.deleteButton.Disabled(), m.deleteReason.Text)
		}
		return
	}
	t.Fatal("no deletable user in the demo")
}
