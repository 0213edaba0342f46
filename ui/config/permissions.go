package config

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/permissions"
	"nimbusadmin/ui/widgets"
)

// configPermCell is the size of one Create/Read/Update/Delete column.
var configPermCell = fyne.NewSize(64, 36)

// configPermTree is a custom role's permission tree: every item has
// Create/Read/Update/Delete; a group's box sets or clears all its children and shows a
// partial state when only some are set. An item that follows another ("Users" follows
// "Users list") shows that item's boxes, greyed out. The behaviour is permissions.Set's.
type configPermTree struct {
	perms    permissions.Set
	tree     *widget.Tree
	rows     map[string]*configPermRow // the node shown for each item key
	byObject map[fyne.CanvasObject]*configPermRow
	onChange func()
}

// configPermRow is one node of the tree: the item's name and its four boxes.
type configPermRow struct {
	key    string
	name   *widget.Label
	checks [4]*widget.Check // Create, Read, Update, Delete
}

// configPermColumn centres o in a cell of the column width, so that titles and boxes line up.
func configPermColumn(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(configPermCell, container.New(layout.NewCenterLayout(), o))
}

func newConfigPermTree(onChange func()) *configPermTree {
	p := &configPermTree{perms: permissions.Set{}, rows: map[string]*configPermRow{},
		byObject: map[fyne.CanvasObject]*configPermRow{}, onChange: onChange}
	p.tree = widget.NewTree(p.childUIDs, p.isBranch, p.newNode, p.updateNode)
	return p
}

// build gives the tree under its column titles.
func (p *configPermTree) build() fyne.CanvasObject {
	titles := container.NewHBox()
	for _, bit := range permissions.Bits {
		titles.Add(configPermColumn(&widget.Label{Text: permissions.BitName(bit), TextStyle: fyne.TextStyle{Bold: true}}))
	}
	header := container.NewBorder(nil, nil, &widget.Label{Text: "Permission", TextStyle: fyne.TextStyle{Bold: true}}, titles)
	return container.NewBorder(header, nil, nil, nil, p.tree)
}

// show puts a role's permissions in the tree and opens its areas.
func (p *configPermTree) show(perms permissions.Set) {
	p.perms = perms.Clone()
	for _, area := range permissions.Tree() {
		p.tree.OpenBranch(area.Key)
	}
	p.tree.Refresh()
}

func (p *configPermTree) childUIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	nodes := permissions.Tree()
	if id != "" {
		n, _ := permissions.Lookup(id)
		nodes = n.Children
	}
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.Key
	}
	return out
}

func (p *configPermTree) isBranch(id widget.TreeNodeID) bool {
	if id == "" {
		return true
	}
	n, _ := permissions.Lookup(id)
	return len(n.Children) > 0
}

func (p *configPermTree) newNode(bool) fyne.CanvasObject {
	r := &configPermRow{name: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	boxes := container.NewHBox()
	for i, bit := range permissions.Bits {
		r.checks[i] = widget.NewCheck("", func(on bool) { p.onCheck(r, bit, on) })
		boxes.Add(configPermColumn(r.checks[i]))
	}
	o := container.NewBorder(nil, nil, nil, boxes, r.name)
	p.byObject[o] = r
	return o
}

func (p *configPermTree) updateNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	r := p.byObject[o]
	if r.key != id && p.rows[r.key] == r {
		delete(p.rows, r.key)
	}
	r.key = id
	p.rows[id] = r
	n, _ := permissions.Lookup(id)
	leader, follows := permissions.Follows(id)
	if follows {
		l, _ := permissions.Lookup(leader)
		r.name.SetText(n.Name + " — follows " + l.Name)
	} else {
		r.name.SetText(n.Name)
	}
	for i, bit := range permissions.Bits {
		c := r.checks[i]
		state := p.perms.State(id, bit)
		c.Checked, c.Partial = state == permissions.On, state == permissions.Partial
		widgets.EnableWhen(c, !follows)
		c.Refresh()
	}
}

// onCheck applies a click on a box: the set's rules decide what follows (implied Read,
// children), then every visible node shows the new state.
func (p *configPermTree) onCheck(r *configPermRow, bit int, on bool) {
	if r.key == "" {
		return
	}
	p.perms.Set(r.key, bit, on)
	p.tree.Refresh()
	if p.onChange != nil {
		p.onChange()
	}
}
