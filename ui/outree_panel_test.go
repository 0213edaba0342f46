package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// windowBranchWithUsers finds an OU with children whose subtree and own users both differ in
// number, so that subtree and single selection give different lists.
func windowBranchWithUsers(t *testing.T, m *mainWindow) int64 {
	t.Helper()
	tree := m.index.Tree
	count := func(ous []int64) int { return len(m.index.Filter(userlist.Filter{OUs: ous})) }
	for _, id := range tree.Subtree(tree.Root) {
		if id != tree.Root && len(tree.Children(id)) > 0 && count([]int64{id}) > 0 && count(tree.Subtree(id)) > count([]int64{id}) {
			return id
		}
	}
	t.Fatal("the demo tenant has no OU with users both in it and below it")
	return 0
}

func TestOUTreePlainClickSelectsTheSubtreeCtrlClickTheSingleOU(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	tree := m.index.Tree
	ou := windowBranchWithUsers(t, m)
	held := fyne.KeyModifier(0)
	m.ouTree.tree.Modifiers = func() fyne.KeyModifier { return held }

	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	sub := tree.Subtree(ou)
	for _, h := range m.table.hits {
		if !slices.Contains(sub, m.index.Rows[h].OUID) {
			t.Fatalf("plain click: %s in OU %d is outside the subtree", m.index.Rows[h].DisplayName, m.index.Rows[h].OUID)
		}
	}
	if want := len(m.index.Filter(userlist.Filter{OUs: sub})); len(m.table.hits) != want {
		t.Fatalf("plain click lists %d users, the subtree holds %d", len(m.table.hits), want)
	}
	if m.ouTree.selection.State(ou) != userlist.OUChecked || m.ouTree.selection.State(tree.Root) != userlist.OUPartial {
		t.Fatal("plain click: the OU should show checked and the root partial")
	}
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	if len(m.table.hits) != len(m.index.Rows) || m.filters.ous.Text != filterOUsAll {
		t.Fatalf("a second plain click should deselect: %d rows, OU filter %q", len(m.table.hits), m.filters.ous.Text)
	}

	held = fyne.KeyModifierShortcutDefault
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	for _, h := range m.table.hits {
		if m.index.Rows[h].OUID != ou {
			t.Fatalf("Ctrl+click: %s in OU %d is listed, want OU %d only", m.index.Rows[h].DisplayName, m.index.Rows[h].OUID, ou)
		}
	}
	if len(m.table.hits) == 0 || m.ouTree.selection.State(ou) != userlist.OUPartial {
		t.Fatalf("Ctrl+click lists %d users; the OU shows state %d, want partial", len(m.table.hits), m.ouTree.selection.State(ou))
	}
	other := tree.Children(ou)[0]
	m.ouTree.tree.Select(widgets.OUNodeID(other))
	if got := m.ouTree.selection.IDs(); len(got) != 2 {
		t.Fatalf("a second Ctrl+click adds a second OU, got %v", got)
	}
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	if got := m.ouTree.selection.IDs(); !slices.Equal(got, []int64{other}) {
		t.Fatalf("Ctrl+click again on the first OU deselects it alone, left %v", got)
	}
}

func TestOUTreeKeyboardSpaceAndCtrlSpace(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	tree := m.index.Tree
	m.win.Canvas().Focus(m.ouTree.tree)
	m.ouTree.tree.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySpace, Modifier: fyne.KeyModifierControl})
	if got := m.ouTree.selection.IDs(); !slices.Equal(got, []int64{tree.Root}) {
		t.Fatalf("Ctrl+Space on the focused root selects %v, want the root alone", got)
	}
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if m.ouTree.selection.State(tree.Root) != userlist.OUChecked {
		t.Fatal("Space on the root selects the whole tree")
	}
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(m.ouTree.selection.IDs()) != 0 {
		t.Fatal("Space again deselects the whole tree")
	}
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	first := tree.Children(tree.Root)[0]
	if m.ouTree.selection.State(first) != userlist.OUChecked || m.ouTree.selection.Selected(tree.Root) {
		t.Fatal("Down then Space selects the first OU under the root with its subtree")
	}
}

func TestOUTreeNodesShowCheckedPartialAndEmpty(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	tree := m.index.Tree
	ou := windowBranchWithUsers(t, m)
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	icon := func(id int64) string {
		node := m.ouTree.tree.CreateNode(false)
		m.ouTree.tree.UpdateNode(widgets.OUNodeID(id), false, node)
		return node.(*fyne.Container).Objects[0].(*widget.Icon).Resource.Name()
	}
	var outside int64
	for _, c := range tree.Children(tree.Root) {
		if !tree.IsSameOrAncestor(c, ou) {
			outside = c
		}
	}
	checked, partial, empty := icon(ou), icon(tree.Root), icon(outside)
	if checked == partial || partial == empty || checked == empty {
		t.Fatalf("the three states look alike: checked %q, partial %q, empty %q", checked, partial, empty)
	}
	if !strings.Contains(partial, "partial") {
		t.Errorf("the root of a partly selected tree shows %q, want the partial mark", partial)
	}
}

func TestOUFilterNamesTheSelection(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	tree := m.index.Tree
	ou := windowBranchWithUsers(t, m)
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	if want := tree.Path(ou) + " (and below)"; m.filters.ous.Text != want {
		t.Fatalf("plain click: the OU filter reads %q, want %q", m.filters.ous.Text, want)
	}
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	m.ouTree.tree.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierShortcutDefault }
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	if want := tree.Path(ou) + " (only)"; m.filters.ous.Text != want {
		t.Fatalf("Ctrl+click: the OU filter reads %q, want %q", m.filters.ous.Text, want)
	}
	m.filters.clears[0].OnTapped()
	if m.filters.ous.Text != filterOUsAll || len(m.table.hits) != len(m.index.Rows) {
		t.Fatalf("clearing the OU filter: %q, %d rows", m.filters.ous.Text, len(m.table.hits))
	}
}
