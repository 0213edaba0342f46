package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// filtersHolders reads who holds a role, by name, as the rule knows it.
func filtersHolders(t *testing.T, nimbus *app.App, name string) *userlist.RoleHolders {
	t.Helper()
	r, err := nimbus.FindRole(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	h, err := nimbus.RoleHolders(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestRoleFilterListsTheHoldersOfARoleWithTheOtherFilters(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	m := windowOpen(t, a, nimbus, nil)
	opts := m.filters.role.Options
	if opts[0] != filterAll || !slices.Contains(opts, "Organization Unit Administrator") || !slices.Contains(opts, "Supervisor (User)") {
		t.Fatalf("the Role filter offers %v", opts)
	}
	members := filtersHolders(t, nimbus, "Team Member")
	m.filters.role.SetSelected("Team Member")
	listed := windowListedIDs(m)
	if len(listed) != members.Len() || len(listed) == len(m.index.Rows) {
		t.Fatalf("Team Member lists %d users; %d hold the role, of %d", len(listed), members.Len(), len(m.index.Rows))
	}
	for _, id := range listed {
		if !members.Has(id) {
			t.Fatalf("%s is listed but holds no Team Member role", id)
		}
	}
	m.filters.licences[data.ContactCenter].SetSelected(filterWithLicence)
	want := m.index.Filter(userlist.Filter{Role: members, WithLicences: data.ContactCenter})
	if got := windowListedIDs(m); len(got) != len(want) || len(got) == 0 || len(got) >= len(listed) {
		t.Fatalf("Team Member AND Contact Center lists %d, the rule gives %d, the role alone %d", len(got), len(want), len(listed))
	}
	clearRole := m.filters.clears[len(m.filters.clears)-1]
	if clearRole.Disabled() {
		t.Fatal("the Role filter's clear button is off while a role is chosen")
	}
	clearRole.OnTapped()
	want = m.index.Filter(userlist.Filter{WithLicences: data.ContactCenter})
	if m.filters.role.Selected != filterAll || m.filters.filters.RoleID != 0 || len(windowListedIDs(m)) != len(want) || !clearRole.Disabled() {
		t.Fatalf("after clearing the role: %q, %d listed, want %d", m.filters.role.Selected, len(windowListedIDs(m)), len(want))
	}
}

func TestRoleFilterIsRememberedAndFollowsRoleChanges(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	m := windowOpen(t, a, nimbus, nil)
	m.filters.role.SetSelected("Supervisor (User)")
	before := windowListedIDs(m)
	m.win.Close()

	m2 := windowOpen(t, a, nimbus, nil)
	if m2.filters.role.Selected != "Supervisor (User)" || !slices.Equal(windowListedIDs(m2), before) {
		t.Fatalf("a new window shows the role %q and %d users, the last one %d", m2.filters.role.Selected, len(windowListedIDs(m2)), len(before))
	}
	var newcomer userlist.Row
	for _, r := range m2.index.Rows {
		if r.Licences.Has(data.ContactCenter) && !slices.Contains(before, r.ID) {
			newcomer = r
			break
		}
	}
	supervisor := filtersHolders(t, nimbus, "Supervisor (User)").Role
	if _, err := nimbus.AssignRole(context.Background(), newcomer.ID, supervisor.ID, newcomer.OUID); err != nil {
		t.Fatal(err)
	}
	m2.load("")
	if got := windowListedIDs(m2); len(got) != len(before)+1 || !slices.Contains(got, newcomer.ID) {
		t.Fatalf("after giving %s the role the list holds %d users, before %d", newcomer.DisplayName, len(got), len(before))
	}
	m2.filters.clearAll.OnTapped()
	if m2.filters.role.Selected != filterAll || len(windowListedIDs(m2)) != len(m2.index.Rows) {
		t.Fatal("Clear all filters leaves the Role filter on")
	}
}
