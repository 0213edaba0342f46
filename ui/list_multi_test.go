package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// With several users selected, the detail view says how many and what to do with them,
// instead of asking for a user to be selected.
func TestSeveralSelectedUsersAreCountedInTheDetailView(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	listClick(t, m, 2, 0)
	listClick(t, m, 5, fyne.KeyModifierShift)
	if !m.detailArea.Visible() || !windowSays(m.detail.Object(), "4 users selected") || windowSays(m.detail.Object(), "Select a user") {
		t.Errorf("with four users selected the detail view (shown %v) does not say so", m.detailArea.Visible())
	}
	listClick(t, m, 3, 0)
	if !m.detailArea.Visible() || windowSays(m.detail.Object(), "users selected") {
		t.Error("with one user selected the detail view still counts several")
	}
}

// With unsaved edits on one user, selecting several users asks first. Discard drops the
// edits and leaves the several users selected, counted in the detail view, with Delete
// offered for them; Keep editing goes back to the one user and their draft.
func TestDiscardingEditsWhenSelectingSeveralKeepsDeleteForThem(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	ids := windowListedIDs(m)

	windowDraftOn(t, m, ids[2])
	listClick(t, m, 5, fyne.KeyModifierShift)
	windowAnswer(t, m, "Keep editing")
	if got := listSelectedIDs(m); !slices.Equal(got, ids[2:3]) || m.detail.UserID() != ids[2] || !windowGeneralIsDraft(m) {
		t.Fatalf("after Keep editing the list selects %v and the detail view shows %q (draft %v), want %s and the draft",
			got, m.detail.UserID(), windowGeneralIsDraft(m), ids[2])
	}
	if m.list.selection.Text != "1 user selected" {
		t.Errorf("after Keep editing the list's bar says %q", m.list.selection.Text)
	}
	windowListAgrees(t, m)

	listClick(t, m, 5, fyne.KeyModifierShift)
	windowAnswer(t, m, "Discard")
	if got := listSelectedIDs(m); !slices.Equal(got, ids[2:6]) {
		t.Fatalf("after Discard the list selects %v, want %v", got, ids[2:6])
	}
	if m.detail.HasPendingEdits() || m.detail.UserID() != "" || !windowSays(m.detail.Object(), "4 users selected") {
		t.Errorf("after Discard the detail view shows %q (pending %v), want the four users counted", m.detail.UserID(), m.detail.HasPendingEdits())
	}
	if m.deleteButton.Disabled() || !strings.HasPrefix(m.deleteReason.Text, "4 users selected.") {
		t.Errorf("after Discard Delete is disabled=%v with %q, want it offered for the four users", m.deleteButton.Disabled(), m.deleteReason.Text)
	}
}
