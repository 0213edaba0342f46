package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// The delete control deletes the user as the list showed them: once something else
// changed them, the deletion is refused, before any "Are you sure?", and they stay.
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
	if m.confirm != nil {
		t.Fatal("Delete asks to confirm a deletion the rules refuse")
	}
	if top := m.win.Canvas().Overlays().Top(); top == nil || !windowSays(top, "changed after you opened it") {
		t.Fatal("Delete does not say why it is refused")
	}
	if _, err := m.nimbus.UserDetail(ctx, d.User.ID); err != nil || len(m.index.Rows) != total {
		t.Fatalf("a user changed since they were selected was deleted: %v, %d users listed (was %d)", err, len(m.index.Rows), total)
	}
	if j, _ := m.nimbus.Journal(ctx, 1); len(j) == 1 && j[0].Action == "user.delete" {
		t.Fatalf("the refused deletion was journaled: %+v", j)
	}
}

// windowSays tells whether a label inside o contains text.
func windowSays(o fyne.CanvasObject, text string) bool {
	said := false
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, text) {
			said = true
		}
	})
	return said
}
