package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"nimbusadmin/app/outree"
	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// ouTreePanel is the OU tree left of the list, which filters the list by OU. A plain
// click (Space, Enter) selects an OU with its entire subtree instead of what was
// selected; Ctrl+click (Cmd on macOS, or Ctrl+Space) adds or removes that single OU. A
// legend under the tree says what the marks of selected, alone and partly selected OUs
// mean.
type ouTreePanel struct {
	tree      *widgets.OUTree
	legend    fyne.CanvasObject
	selection *userlist.OUSelection
	ous       *outree.Tree
}

func newOUTreePanel(onChanged func()) *ouTreePanel {
	return &ouTreePanel{tree: widgets.NewOUFilterTree(onChanged), legend: widgets.NewOUStateLegend()}
}

// object is the tree with its legend below it.
func (p *ouTreePanel) object() fyne.CanvasObject {
	return container.NewBorder(nil, p.legend, nil, nil, p.tree)
}

// setTree shows a (new) OU tree with the remembered selection.
func (p *ouTreePanel) setTree(ous *outree.Tree, selected []int64) {
	p.ous = ous
	p.selection = p.tree.SetOUsSelected(ous, selected)
}

// clear deselects every OU.
func (p *ouTreePanel) clear() { p.tree.ClearSelection() }

// describe names the whole selection for the filter form, one OU a line in tree order:
// an OU selected with the OUs below it as "Sales and below", one selected alone while it
// has OUs below it as "Sales only", a leaf by its path; from three OUs on a first line
// counts them ("3 OUs:"). Nothing is cut off: the form wraps a line too long for it.
func (p *ouTreePanel) describe() string {
	if p.selection == nil {
		return ""
	}
	var names []string
	var walk func(id int64)
	walk = func(id int64) {
		leaf := len(p.ous.Children(id)) == 0
		switch state := p.selection.State(id); {
		case state == userlist.OUNotSelected:
			return
		case leaf:
			names = append(names, p.ous.Path(id))
			return
		case state == userlist.OUWithSubtree:
			names = append(names, p.ous.Path(id)+" and below")
			return
		case state == userlist.OUOnly:
			names = append(names, p.ous.Path(id)+" only")
		}
		for _, k := range p.ous.Children(id) {
			walk(k)
		}
	}
	walk(p.ous.Root)
	if len(names) > 2 {
		names = append([]string{fmt.Sprintf("%d OUs:", len(names))}, names...)
	}
	return strings.Join(names, "\n")
}
