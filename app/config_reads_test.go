package app

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// The agent picker reads Nimbus users by name, only those the search matches, and no
// more than it asked for; directory-only people are not offered.
func TestPickNimbusUsersReadsTheFirstMatchesByName(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	all, err := f.app.PickNimbusUsers(ctx, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range all {
		names = append(names, p.DisplayName)
		if p.ID == f.user["frank"] {
			t.Error("the directory-only frank is offered")
		}
	}
	if len(names) != 5 || !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("picked %v, want the five Nimbus users by name", names)
	}
	two, _ := f.app.PickNimbusUsers(ctx, "", 2)
	if len(two) != 2 || two[0].ID != all[0].ID || two[1].ID != all[1].ID {
		t.Errorf("a limit of two gave %v", two)
	}
	one, _ := f.app.PickNimbusUsers(ctx, all[3].UPN, 10)
	if len(one) != 1 || one[0].ID != all[3].ID {
		t.Errorf("searching %q gave %v", all[3].UPN, one)
	}
}

// A role's holders are counted without being read, and read a page at a time in the
// order the command line lists them.
func TestCustomRoleHoldersAreCountedAndPaged(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	role := f.id["Custom 1"]
	for _, u := range []string{"anna", "ben", "eve", "carl", "dana"} {
		f.app.AssignRole(ctx, f.user[u], role, f.ou["root"]) // those without the licence it needs are refused
	}
	full, err := f.app.CustomRole(ctx, role)
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.app.CustomRoleHolderCount(ctx, role)
	if err != nil || n != len(full.Holders) || n < 2 {
		t.Fatalf("counted %d (%v), the role lists %d holders", n, err, len(full.Holders))
	}
	var paged []CustomRoleHolder
	for off := 0; off < n; off++ {
		page, err := f.app.CustomRoleHolders(ctx, role, off, 1)
		if err != nil || len(page) != 1 {
			t.Fatalf("page at %d: %v %v", off, page, err)
		}
		paged = append(paged, page[0])
	}
	if !slices.Equal(paged, full.Holders) {
		t.Errorf("paged %v, listed %v", paged, full.Holders)
	}
}
