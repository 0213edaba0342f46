package widgets

import "nimbusadmin/app/outree"

// OUChoices is every OU's path in tree order, parents before their children, so that a
// Select offering them reads like the tree; the Select shows Paths and ID reads the OU
// back from the one picked.
type OUChoices struct {
	Paths []string
	ids   map[string]int64
	tree  *outree.Tree
}

// NewOUChoices lists the OUs of tree; a nil tree (it could not be read) offers none.
func NewOUChoices(tree *outree.Tree) OUChoices {
	ch := OUChoices{ids: map[string]int64{}, tree: tree}
	if tree == nil {
		return ch
	}
	var walk func(id int64)
	walk = func(id int64) {
		p := tree.Path(id)
		ch.Paths = append(ch.Paths, p)
		ch.ids[p] = id
		for _, k := range tree.Children(id) {
			walk(k)
		}
	}
	walk(tree.Root)
	return ch
}

// ID is the OU whose path is offered as path, 0 when none is.
func (ch OUChoices) ID(path string) int64 { return ch.ids[path] }

// Path is an OU's path, "" when the OU tree could not be read.
func (ch OUChoices) Path(id int64) string {
	if ch.tree == nil {
		return ""
	}
	return ch.tree.Path(id)
}
