package userlist

import (
	"slices"

	"nimbusadmin/app/outree"
)

// OUState is how an OU shows in the tree of the list's OU filter, so that an admin can
// tell at a glance what the filter holds.
type OUState int

// The states of an OU in the filter tree.
const (
	OUNotSelected OUState = iota // neither it nor any OU below it is selected
	OUPartly                     // it is not selected, some OU below it is
	OUOnly                       // it is selected, not every OU below it is
	OUWithSubtree                // it and every OU below it are selected
)

// OUSelection is the OU filter of the user list: a set of OUs chosen in the tree. A plain
// click replaces the selection with an OU and its entire subtree; a Ctrl+click adds or
// removes that single OU and leaves the rest of the selection as it is. An empty
// selection narrows nothing.
type OUSelection struct {
	tree     *outree.Tree
	selected map[int64]bool
}

// NewOUSelection starts a selection over the tree with the given OUs selected; ids that
// are no longer in the tree are dropped.
func NewOUSelection(tree *outree.Tree, ids []int64) *OUSelection {
	s := &OUSelection{tree: tree, selected: map[int64]bool{}}
	for _, id := range ids {
		if tree.Has(id) {
			s.selected[id] = true
		}
	}
	return s
}

// SelectWithSubtree is a plain click: the selection becomes the OU and every OU below
// it, whatever was selected before. Clicking it again keeps it selected.
func (s *OUSelection) SelectWithSubtree(id int64) {
	if !s.tree.Has(id) {
		return
	}
	clear(s.selected)
	for _, o := range s.tree.Subtree(id) {
		s.selected[o] = true
	}
}

// ToggleOnly is a Ctrl+click: it adds that single OU to the selection, or removes it when
// it is selected, and leaves every other OU, those below it included, as they are.
func (s *OUSelection) ToggleOnly(id int64) {
	if s.selected[id] {
		delete(s.selected, id)
	} else if s.tree.Has(id) {
		s.selected[id] = true
	}
}

// Clear empties the selection.
func (s *OUSelection) Clear() { clear(s.selected) }

// Selected reports whether the OU itself is selected.
func (s *OUSelection) Selected(id int64) bool { return s.selected[id] }

// IDs lists the selected OUs in ascending order: the value of Filter.OUs.
func (s *OUSelection) IDs() []int64 {
	out := make([]int64, 0, len(s.selected))
	for id := range s.selected {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// State says whether the OU is selected with its whole subtree, alone, or not at all
// while some OU below it is.
func (s *OUSelection) State(id int64) OUState {
	sub := s.tree.Subtree(id)
	below := 0
	for _, o := range sub[1:] {
		if s.selected[o] {
			below++
		}
	}
	switch {
	case s.selected[id] && below == len(sub)-1:
		return OUWithSubtree
	case s.selected[id]:
		return OUOnly
	case below > 0:
		return OUPartly
	}
	return OUNotSelected
}
