package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// The delete control deletes the user as the list showed them: once something else
// changed them, the deletion is refused and they stay.
func TestDeleteOnAStaleSelectionIsRefused(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	d := windowUserWhere(t, m, func(d app.UserDetail) bool { return d.User.Origin == data.OriginManual && d.Deletable() })
	total := len(m.index.Rows)
	m.selectUser(d.User.ID)
	ctx := context.Background()
	role, err := m.nimbus.FindRole(ctx, "Workflow Administrator")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.nimbus.Do(ctx, app.AssignRole{User: d.User.ID, Role: role.ID, Scope: d.User.OUID}); err != nil {
		t.Fatal(err) // behind the selection's back
	}
	test.Tap(m.deleteButton)
	if m.confirm == nil {
		t.Fatal("Delete asks for no confirmation")
	}
	m.confirm.Confirm()
	if _, err := m.nimbus.UserDetail(ctx, d.User.ID); err != nil || len(m.index.Rows) != total {
		t.Fatalf("a user changed since they were selected was deleted: %v, %d users listed (was %d)", err, len(m.index.Rows), total)
	}
	if j, _ := m.nimbus.Journal(ctx, 1); len(j) == 1 && j[0].Action == "user.delete" {
		t.Fatalf("the refused deletion was journaled: %+v", j)
	}
}
