package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/data"
)

// createFakeSearcher is an Online whose live directory search answers with fixed people
// (or an error), standing in for Microsoft Graph.
type createFakeSearcher struct {
	windowFakeOnline
	answer   []data.DirectoryUser
	err      error
	searched []string
}

func (f *createFakeSearcher) SearchDirectory(_ context.Context, text string) ([]data.DirectoryUser, error) {
	f.searched = append(f.searched, text)
	return f.answer, f.err
}

func TestCreateMergesGraphResultsAndAddsAPersonOnlyGraphKnows(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	graph := &createFakeSearcher{}
	m := windowOpen(t, a, nimbus, graph)
	total := len(m.index.Rows)
	m.onCreate()
	c := m.creating
	cachedOnly := c.found[0]
	nimbusUser := m.index.Rows[0]
	newcomer := data.DirectoryUser{ID: "0A0B0C0D-1111-4222-8333-444455556666", DisplayName: "Zelda Newcomer",
		UPN: "zelda.newcomer@contoso.example", Department: "Sales"}
	graph.answer = []data.DirectoryUser{
		{ID: nimbusUser.ID, DisplayName: nimbusUser.DisplayName, UPN: nimbusUser.UPN}, // already a Nimbus user
		cachedOnly.DirectoryUser, // cached and listed already
		newcomer,
	}
	test.Type(c.search, cachedOnly.UPN)
	if len(graph.searched) == 0 || graph.searched[len(graph.searched)-1] != cachedOnly.UPN {
		t.Fatalf("Graph was searched for %v, want %q last", graph.searched, cachedOnly.UPN)
	}
	newRow := -1
	for i, e := range c.found {
		switch {
		case e.ID == nimbusUser.ID:
			t.Fatalf("%s is a Nimbus user and is offered from Graph", e.UPN)
		case strings.EqualFold(e.ID, newcomer.ID):
			newRow = i
		}
	}
	listed := 0
	for _, e := range c.found {
		if e.ID == cachedOnly.ID {
			listed++
		}
	}
	if listed != 1 || c.live[cachedOnly.ID] {
		t.Fatalf("the cached person is listed %d times, marked live %v", listed, c.live[cachedOnly.ID])
	}
	if newRow < 0 {
		t.Fatalf("the person only Graph knows is not offered: %v", c.found)
	}
	if line := c.line(c.found[newRow]); !strings.Contains(line, "from Microsoft Graph, not yet synced") {
		t.Fatalf("the person only Graph knows is not marked: %q", line)
	}
	if !strings.Contains(c.foundNote.Text, "1 of them only in Microsoft Graph") {
		t.Fatalf("note %q", c.foundNote.Text)
	}
	c.results.Select(newRow)
	ou := m.index.Tree.Children(m.index.Tree.Root)[0]
	c.ou.SetSelected(m.index.Tree.Path(ou))
	c.licences[data.ContactCenter].SetChecked(true)
	test.Tap(c.add)
	if c.problem.Text != "" {
		t.Fatalf("Add refused: %s", c.problem.Text)
	}
	if m.creating != nil || len(m.index.Rows) != total+1 {
		t.Fatalf("after Add the dialog is open %v and the list holds %d users, want %d", m.creating != nil, len(m.index.Rows), total+1)
	}
	r := m.table.selectedRow()
	if r == nil || !strings.EqualFold(r.ID, newcomer.ID) || r.UPN != newcomer.UPN || r.OUID != ou || !r.Licences.Has(data.ContactCenter) {
		t.Fatalf("the table does not show the newcomer selected in the chosen OU: %+v", r)
	}
	j, err := nimbus.Journal(context.Background(), 5)
	journaled := false
	for _, e := range j {
		journaled = journaled || e.Action == "user.add" && e.Target == newcomer.UPN
	}
	if err != nil || !journaled {
		t.Fatalf("the addition is not journaled: %+v %v", j, err)
	}
}

func TestCreateKeepsTheCachedResultsWhenGraphCannotBeSearched(t *testing.T) {
	a := test.NewTempApp(t)
	graph := &createFakeSearcher{err: errors.New("cannot reach graph.example (offline?)")}
	m := windowOpen(t, a, windowDemoTenant(t), graph)
	m.onCreate()
	c := m.creating
	pick := c.found[len(c.found)/2]
	test.Type(c.search, pick.ID)
	if len(c.found) != 1 || c.found[0].ID != pick.ID {
		t.Fatalf("a failed Graph search lost the cached result: %d people", len(c.found))
	}
	if !strings.Contains(c.foundNote.Text, "1 matches.") || !strings.Contains(c.foundNote.Text, "Microsoft Graph could not be searched (cannot reach") {
		t.Fatalf("note %q", c.foundNote.Text)
	}
}

func TestCreateWithoutALiveSearchSearchesOnlyTheCache(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), &windowFakeOnline{})
	m.onCreate()
	c := m.creating
	test.Type(c.search, c.found[0].UPN)
	if strings.Contains(c.foundNote.Text, "Microsoft Graph") || len(c.live) != 0 {
		t.Fatalf("a window without a live search speaks of Graph: %q", c.foundNote.Text)
	}
}
