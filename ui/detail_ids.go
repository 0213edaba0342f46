package ui

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
)

// detailOUUID is an OU's node id in a widget.Tree.
func detailOUUID(id int64) widget.TreeNodeID { return strconv.FormatInt(id, 10) }

// detailOUID reads an OU id back from a tree node id.
func detailOUID(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}

// detailOUChoice is an OU offered in a picker, by its path.
type detailOUChoice struct {
	id   int64
	path string
}

// detailOUChoices lists every OU depth-first, parents before their children, so that a
// Select reads like the tree.
func detailOUChoices(tree *app.OUTree) []detailOUChoice {
	var out []detailOUChoice
	var walk func(id int64)
	walk = func(id int64) {
		out = append(out, detailOUChoice{id, tree.Path(id)})
		for _, c := range tree.Children(id) {
			walk(c)
		}
	}
	walk(tree.Root)
	return out
}
