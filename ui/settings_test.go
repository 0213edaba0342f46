package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

func TestFiltersSurviveANewWindowOnTheSamePreferences(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	m := windowOpen(t, a, nimbus, nil)
	ou := windowBranchWithUsers(t, m)
	m.ouTree.tree.Select(widgets.OUNodeID(ou))
	m.filters.licences[data.Interact].SetSelected(filterWithout)
	m.filters.routing.SetSelected(filterRoutingAny)
	want := windowListedIDs(m)
	if len(want) == 0 || len(want) == len(m.index.Rows) {
		t.Fatalf("the filters should narrow the list, they list %d", len(want))
	}
	m.win.Close()

	m2 := windowOpen(t, a, nimbus, nil)
	if got := windowListedIDs(m2); !slices.Equal(got, want) {
		t.Fatalf("a new window lists %d users, the filtered one listed %d", len(got), len(want))
	}
	if m2.filters.licences[data.Interact].Selected != filterWithout || m2.filters.routing.Selected != filterRoutingAny {
		t.Fatal("the filter controls of the new window do not show the remembered filters")
	}
	if m2.ouTree.selection.State(ou) != userlist.OUWithSubtree || m2.filters.ous.Text == filterOUsAll {
		t.Fatal("the new window does not show the remembered OU selection")
	}
	if m2.search.Text != "" {
		t.Fatal("the search text is not a filter and starts empty")
	}
}

func TestWindowSizeAndSplitsAreRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	m := windowOpen(t, a, nimbus, nil)
	m.win.Resize(m.win.Canvas().Size().AddWidthHeight(-100, -50))
	size := m.win.Canvas().Size()
	m.listSplit.Offset, m.detailSplit.Offset, m.leftSplit.Offset = 0.3, 0.6, 0.4
	m.saveLayout()
	m2 := windowOpen(t, a, nimbus, nil)
	if m2.listSplit.Offset != 0.3 || m2.detailSplit.Offset != 0.6 || m2.leftSplit.Offset != 0.4 {
		t.Fatalf("splits %v %v %v, want 0.3 0.6 0.4", m2.listSplit.Offset, m2.detailSplit.Offset, m2.leftSplit.Offset)
	}
	if got := m2.settings.windowSize(); got != size {
		t.Fatalf("window size %v, want %v", got, size)
	}
}
