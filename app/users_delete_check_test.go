package app

import (
	"errors"
	"testing"
)

// DeleteBlocked gives the delete rule's answer for one user, the same as their details
// do: a reason for a user kept by a Teams-based service, none for a manual user in none.
func TestDeleteBlockedAnswersAsTheDetailsDo(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"anna", "ben", "eve", "carl", "dana"} {
		d, err := f.app.UserDetail(ctx, f.user[name])
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.app.DeleteBlocked(ctx, f.user[name])
		if err != nil || got != d.DeleteBlockedReason {
			t.Errorf("%s: DeleteBlocked says %q (%v), the details %q", name, got, err, d.DeleteBlockedReason)
		}
	}
	if r, _ := f.app.DeleteBlocked(ctx, f.user["carl"]); r != "" {
		t.Errorf("carl (manual, Skill-based only) is blocked: %s", r)
	}
	if r, _ := f.app.DeleteBlocked(ctx, f.user["ben"]); r == "" {
		t.Error("ben (kept by a Teams-based service) is deletable")
	}
	if _, err := f.app.DeleteBlocked(ctx, "nobody@contoso.example"); !errors.As(err, new(*NotFoundError)) {
		t.Errorf("an unknown user gives %v, want a NotFoundError", err)
	}
}
