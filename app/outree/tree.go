// Package outree holds the organization-unit tree in memory: the paths admins read and
// type, the ancestors that decide what may be assigned where, and the subtrees the user
// list's OU filter selects.
package outree

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"nimbusadmin/app/safetext"
	"nimbusadmin/data"

	"golang.org/x/text/unicode/norm"
)

// Tree is the organization-unit tree in memory: paths, ancestors and subtrees.
type Tree struct {
	Root     int64
	byID     map[int64]data.OrganizationUnit
	children map[int64][]int64
}

// New builds the tree from the OU rows.
func New(ous []data.OrganizationUnit) *Tree {
	t := &Tree{byID: map[int64]data.OrganizationUnit{}, children: map[int64][]int64{}}
	for _, ou := range ous {
		t.byID[ou.ID] = ou
		if ou.ParentID == 0 {
			t.Root = ou.ID
		} else {
			t.children[ou.ParentID] = append(t.children[ou.ParentID], ou.ID)
		}
	}
	for _, kids := range t.children {
		sort.Slice(kids, func(i, j int) bool {
			return strings.ToLower(t.byID[kids[i]].Name) < strings.ToLower(t.byID[kids[j]].Name)
		})
	}
	return t
}

// Has reports whether the OU exists.
func (t *Tree) Has(id int64) bool { _, ok := t.byID[id]; return ok }

// Name is the OU's own name.
func (t *Tree) Name(id int64) string { return t.byID[id].Name }

// Parent is the OU's parent (0 for the root).
func (t *Tree) Parent(id int64) int64 { return t.byID[id].ParentID }

// Children lists the OU's children by name.
func (t *Tree) Children(id int64) []int64 { return t.children[id] }

// Path is the OU's path from the root without the root's name ("Sales/EMEA"); the root's
// path is its own name (the tenant's).
func (t *Tree) Path(id int64) string {
	if id == t.Root || !t.Has(id) {
		return t.byID[id].Name
	}
	var parts []string
	for cur := id; cur != t.Root && cur != 0; cur = t.byID[cur].ParentID {
		parts = append(parts, t.byID[cur].Name)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, "/")
}

// IsSameOrAncestor reports whether anc is id itself or one of its ancestors: the "same OU
// or higher" test that decides what can be assigned to a user.
func (t *Tree) IsSameOrAncestor(anc, id int64) bool {
	for cur, steps := id, 0; cur != 0 && steps <= len(t.byID); cur, steps = t.byID[cur].ParentID, steps+1 {
		if cur == anc {
			return true
		}
	}
	return false
}

// Subtree lists the OU and all its descendants.
func (t *Tree) Subtree(id int64) []int64 {
	out := []int64{id}
	for i := 0; i < len(out); i++ {
		out = append(out, t.children[out[i]]...)
	}
	return out
}

// Resolve finds an OU from what an admin typed: its id, its path from the root
// ("Sales/EMEA", with or without the root's name in front), or "/" for the root.
// Names match case-insensitively, and in their NFC form, as names are stored.
func (t *Tree) Resolve(s string) (int64, error) {
	s = norm.NFC.String(strings.TrimSpace(s))
	if id, err := strconv.ParseInt(s, 10, 64); err == nil && t.Has(id) {
		return id, nil
	}
	p := strings.Trim(s, "/")
	if p == "" || strings.EqualFold(p, t.Name(t.Root)) {
		return t.Root, nil
	}
	parts := strings.Split(p, "/")
	if strings.EqualFold(parts[0], t.Name(t.Root)) && len(parts) > 1 {
		if id, ok := t.walk(parts[1:]); ok {
			return id, nil
		}
	}
	if id, ok := t.walk(parts); ok {
		return id, nil
	}
	return 0, &UnknownError{Typed: s}
}

func (t *Tree) walk(parts []string) (int64, bool) {
	cur := t.Root
next:
	for _, part := range parts {
		for _, c := range t.children[cur] {
			if strings.EqualFold(t.byID[c].Name, strings.TrimSpace(part)) {
				cur = c
				continue next
			}
		}
		return 0, false
	}
	return cur, true
}

// UnknownError says that no OU of the tree answers to what the admin typed; its message
// quotes at most safetext.QuoteLimit characters of it.
type UnknownError struct{ Typed string }

func (e *UnknownError) Error() string {
	return fmt.Sprintf("no organization unit %s in this tenant", safetext.Quote(e.Typed))
}
