package ui

import (
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// ouTreePanel is the OU checklist left of the list, which filters the list by OU. A
// plain click (or Space) selects an OU with its entire subtree, Ctrl+click (Cmd on macOS,
// or Ctrl+Space) that single OU only; repeating it deselects. Parents of a partly
// selected subtree show a partial mark.
type ouTreePanel struct {
	tree      *widgets.OUTree
	selection *userlist.OUSelection
	ous       *outree.Tree
}

func newOUTreePanel(onChanged func()) *ouTreePanel {
	return &ouTreePanel{tree: widgets.NewOUChecklist(onChanged)}
}

// setTree shows a (new) OU tree with the remembered selection.
func (p *ouTreePanel) setTree(ous *outree.Tree, selected []int64) {
	p.ous = ous
	p.selection = p.tree.SetOUsChecked(ous, selected)
}

// clear deselects every OU.
func (p *ouTreePanel) clear() { p.tree.ClearChecks() }

// describe names the selection for the filter form: whole subtrees as "Sales (and below)",
// single OUs with children as "Sales (only)", at most two names and a count of the rest.
func (p *ouTreePanel) describe() string {
	if p.selection == nil {
		return ""
	}
	var names []string
	var walk func(id int64)
	walk = func(id int64) {
		hasKids := len(p.ous.Children(id)) > 0
		switch state := p.selection.State(id); {
		case state == userlist.OUChecked && hasKids:
			names = append(names, p.ous.Path(id)+" (and below)")
			return
		case state == userlist.OUChecked:
			names = append(names, p.ous.Path(id))
			return
		case state == userlist.OUUnchecked:
			return
		case p.selection.Selected(id):
			names = append(names, p.ous.Path(id)+" (only)")
		}
		for _, k := range p.ous.Children(id) {
			walk(k)
		}
	}
	walk(p.ous.Root)
	if len(names) > 2 {
		return fmt.Sprintf("%s, %s and %d more", names[0], names[1], len(names)-2)
	}
	return strings.Join(names, ", ")
}
