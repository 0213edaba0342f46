package userlist

import (
	"slices"

	"nimbusadmin/app/outree"
)

// OUCheck is how an OU shows in the tree of the list's OU filter.
type OUCheck int

// The three states of an OU in the filter tree.
const (
	OUUnchecked OUCheck = iota // nothing in its subtree is selected
	OUPartial                  // some, not all, of its subtree is selected
	OUChecked                  // it and its whole subtree are selected
)

// OUSelection is the OU filter of the user list: a set of OUs chosen in the tree with a
// plain click (the OU and its entire subtree) or a Ctrl+click (that single OU).
// An empty selection narrows nothing.
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

// ClickSubtree is a plain click: it selects the OU with its entire subtree, or, when that
// whole subtree is already selected, deselects it.
func (s *OUSelection) ClickSubtree(id int64) {
	sub := s.tree.Subtree(id)
	on := s.State(id) != OUChecked
	for _, o := range sub {
		if on {
			s.selected[o] = true
		} else {
			delete(s.selected, o)
		}
	}
}

// ClickSingle is a Ctrl+click: it toggles that single OU only.
func (s *OUSelection) ClickSingle(id int64) {
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

// State says whether the OU's subtree is wholly, partly or not selected.
func (s *OUSelection) State(id int64) OUCheck {
	sub := s.tree.Subtree(id)
	n := 0
	for _, o := range sub {
		if s.selected[o] {
			n++
		}
	}
	switch {
	case n == 0:
		return OUUnchecked
	case n == len(sub):
		return OUChecked
	}
	return OUPartial
}
