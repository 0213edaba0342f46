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
	"nimbusadmin/ui/uitest"
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

// windowOtherBranch finds an OU with OUs below it outside ou's subtree and above it.
func windowOtherBranch(t *testing.T, m *mainWindow, ou int64) int64 {
	t.Helper()
	tree := m.index.Tree
	for _, id := range tree.Subtree(tree.Root) {
		if id != tree.Root && len(tree.Children(id)) > 0 && !tree.IsSameOrAncestor(ou, id) && !tree.IsSameOrAncestor(id, ou) {
			return id
		}
	}
	t.Fatal("the demo tenant has a single branch of OUs")
	return 0
}

func TestOUTreePlainClickReplacesTheSelectionCtrlClickAddsOrRemovesOneOU(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	tree := m.index.Tree
	ou := windowBranchWithUsers(t, m)
	other := windowOtherBranch(t, m, ou)
	held := fyne.KeyModifier(0)
	m.ouTree.tree.Modifiers = func() fyne.KeyModifier { return held }

	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	sub := tree.Subtree(ou)
	if want := len(m.index.Filter(userlist.Filter{OUs: sub})); len(m.table.hits) != want {
		t.Fatalf("a click lists %d users, the OU with the OUs below it holds %d", len(m.table.hits), want)
	}
	m.ouTree.tree.Select(widgets.OUNodeID(other))
	if got, want := m.ouTree.selection.IDs(), slices.Sorted(slices.Values(tree.Subtree(other))); !slices.Equal(got, want) {
		t.Fatalf("a click on a second OU selects %v, want its subtree %v instead of the first", got, tree.Subtree(other))
	}
	for _, h := range m.table.hits {
		if !tree.IsSameOrAncestor(other, m.index.Rows[h].OUID) {
			t.Fatalf("after a click on a second OU, %s of the first is still listed", m.index.Rows[h].DisplayName)
		}
	}
	m.ouTree.tree.Select(widgets.OUNodeID(other))
	if m.ouTree.selection.State(other) != userlist.OUWithSubtree || m.filters.ous.Text == filterOUsAll {
		t.Fatal("a second click on the same OU keeps it selected")
	}

	held = fyne.KeyModifierShortcutDefault
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	if m.ouTree.selection.State(ou) != userlist.OUOnly || m.ouTree.selection.State(other) != userlist.OUWithSubtree {
		t.Fatal("Ctrl+click adds that OU alone and keeps the selection")
	}
	m.ouTree.tree.Select(widgets.OUNodeID(other))
	if m.ouTree.selection.Selected(other) || m.ouTree.selection.State(other) != userlist.OUPartly || !m.ouTree.selection.Selected(ou) {
		t.Fatal("Ctrl+click on a selected OU removes it alone, its OUs below stay")
	}
}

func TestOUTreeKeyboardSpaceEnterAndCtrlSpace(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	tree := m.index.Tree
	m.win.Canvas().Focus(m.ouTree.tree)
	m.ouTree.tree.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySpace, Modifier: fyne.KeyModifierControl})
	if got := m.ouTree.selection.IDs(); !slices.Equal(got, []int64{tree.Root}) {
		t.Fatalf("Ctrl+Space on the focused root selects %v, want the root alone", got)
	}
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if m.ouTree.selection.State(tree.Root) != userlist.OUWithSubtree {
		t.Fatal("Space on the root selects the whole tree")
	}
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.ouTree.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	first := tree.Children(tree.Root)[0]
	if m.ouTree.selection.State(first) != userlist.OUWithSubtree || m.ouTree.selection.Selected(tree.Root) {
		t.Fatal("Down then Enter selects the first OU under the root with its subtree, instead of the whole tree")
	}
}

func TestOUTreeHasALegendForItsMarks(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	var texts []string
	uitest.Walk(m.ouTree.object(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, strings.ToLower(l.Text))
		}
	})
	for _, words := range widgets.OUStateWords {
		if !slices.Contains(texts, strings.ToLower(words)) {
			t.Errorf("the legend under the OU tree does not say %q; it reads %q", words, texts)
		}
	}
}

func TestOUFilterNamesTheWholeSelection(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.win.Resize(fyne.NewSize(1366, 768))
	tree := m.index.Tree
	ou := windowBranchWithUsers(t, m)
	other := windowOtherBranch(t, m, ou)
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	if want := tree.Path(ou) + " and below"; m.filters.ous.Text != want {
		t.Fatalf("a click: the OU filter reads %q, want %q", m.filters.ous.Text, want)
	}
	m.ouTree.tree.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierShortcutDefault }
	m.ouTree.tree.Select(widgets.OUNodeID(other))
	first, second := tree.Path(ou)+" and below", tree.Path(other)+" only"
	if got := m.filters.ous.Text; !strings.Contains(got, first) || !strings.Contains(got, second) {
		t.Fatalf("two OUs: the filter reads %q, want both %q and %q", got, first, second)
	}
	if lines := strings.Split(m.filters.ous.Text, "\n"); len(lines) != 2 {
		t.Errorf("two OUs: the filter reads %q, want one OU a line", m.filters.ous.Text)
	}
	if l := m.filters.ous; l.Truncation != fyne.TextTruncateOff || l.Wrapping == fyne.TextWrapOff || l.Size().Height < l.MinSize().Height {
		t.Errorf("the OU filter cuts its text off: %v high for %v of text", l.Size().Height, l.MinSize().Height)
	}
	m.ouTree.tree.Select(widgets.OUNodeID(tree.Root))
	if got := m.filters.ous.Text; !strings.HasPrefix(got, "3 OUs:\n") || !strings.Contains(got, tree.Path(tree.Root)+" only") {
		t.Errorf("three OUs: the filter reads %q, want the count and every OU", got)
	}
	m.filters.clears[0].OnTapped()
	if m.filters.ous.Text != filterOUsAll || len(m.table.hits) != len(m.index.Rows) {
		t.Fatalf("clearing the OU filter: %q, %d rows", m.filters.ous.Text, len(m.table.hits))
	}
}

func TestTheMainWindowShowsTheLegendUnderTheOUTree(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	found := map[string]bool{}
	uitest.Walk(m.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			found[strings.ToLower(l.Text)] = true
		}
	})
	for _, words := range widgets.OUStateWords {
		if !found[strings.ToLower(words)] {
			t.Errorf("the main window does not explain the OU mark %q", words)
		}
	}
}

func TestCreateDialogChoosesTheOUWithTheOUPicker(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	m.onCreate()
	var ou fyne.CanvasObject = m.creating.ou
	p, ok := ou.(*widgets.OUPicker)
	if !ok {
		t.Fatalf("the Create dialog chooses the OU with a %T, want the OU picker", ou)
	}
	tree := m.index.Tree
	if p.SelectedID() != tree.Root {
		t.Fatalf("the Create dialog starts on %q, want the root", p.Selected)
	}
	want := tree.Children(tree.Root)[0]
	p.Open()
	test.Type(p.Finder().Search, tree.Name(want))
	p.Finder().Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.SelectedID() != want {
		t.Errorf("typing %q and Enter chose %q", tree.Name(want), p.Selected)
	}
}
