package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// changesView is the Changes window: the syncs newest first and, for the one selected,
// what it changed per person, grouped by kind, filterable; a change opens its user in the
// main window. Changes recorded since the admin last looked are marked as new.
type changesView struct {
	m       *mainWindow
	win     fyne.Window
	runs    []app.SyncRun
	runList *widget.List
	kind    *widget.Select
	search  *widget.Entry
	rows    []changesRow // what the right-hand list shows
	list    *widget.List
	status  *widget.Label
	seen    int64            // changes up to this one were looked at before the window opened
	folded  map[string]bool  // kinds whose group is folded
	all     []app.SyncChange // the selected sync's changes
	run     int64
}

// changesRow is a group heading (kind set, change nil) or one change.
type changesRow struct {
	kind   string
	count  int
	change *app.SyncChange
}

// newChangesButton is the header's button to the Changes window; it says how many
// changes the syncs recorded since the admin last looked.
func (m *mainWindow) newChangesButton() *widget.Button {
	return &widget.Button{Text: "Changes", Icon: theme.HistoryIcon(), OnTapped: m.openChangesWindow}
}

// showUnseenChanges says on the Changes button how many changes are new to the admin.
func (m *mainWindow) showUnseenChanges() {
	n, err := m.nimbus.UnseenChanges(context.Background())
	text := "Changes"
	switch {
	case err != nil:
	case n == 1:
		text = "1 change since you last looked"
	case n > 1:
		text = fmt.Sprintf("%s changes since you last looked", thousands(n))
	}
	m.changesButton.Importance = widget.MediumImportance
	if n > 0 {
		m.changesButton.Importance = widget.HighImportance
	}
	m.changesButton.SetText(text)
}

// openChangesWindow opens the Changes window, or brings it forward; opening it counts as
// looking at every change recorded so far.
func (m *mainWindow) openChangesWindow() {
	if m.changes != nil {
		m.changes.win.RequestFocus()
		return
	}
	v := &changesView{m: m, folded: map[string]bool{}}
	v.seen, _ = m.nimbus.SeenChange(context.Background())
	v.win = newReviewWindow(fyne.CurrentApp(), "Nimbus Admin — Changes")
	v.win.SetContent(v.object())
	m.changes = v
	v.load()
	_ = m.nimbus.MarkChangesSeen(context.Background()) // a cache that cannot remember it counts them again next time
	m.showUnseenChanges()
	m.openReview(v.win, func() { m.changes = nil })
}

func (v *changesView) object() fyne.CanvasObject {
	v.runList = widget.NewList(func() int { return len(v.runs) },
		func() fyne.CanvasObject {
			return widget.NewLabel("Sync 000000 · 30 Dec 00:00 · incremental · 000,000 changes")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(runLine(v.runs[i])) })
	v.runList.OnSelected = func(i widget.ListItemID) { v.showRun(v.runs[i].ID) }
	kinds := append([]string{"All kinds"}, data.ChangeKinds...)
	v.kind = widget.NewSelect(kinds, func(string) { v.filter() })
	v.kind.SetSelected("All kinds")
	v.search = &widget.Entry{PlaceHolder: "Filter by name, UPN or O365 ID"}
	v.search.OnChanged = func(string) { v.filter() }
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			return &widget.Label{Text: "new · someone@contoso.example · Department changed: Sales → Support", Truncation: fyne.TextTruncateEllipsis}
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { v.showRow(v.rows[i], o.(*widget.Label)) })
	v.list.OnSelected = v.onRow
	v.status = widgets.NewStatus()
	filters := container.NewBorder(nil, nil, v.kind, nil, v.search)
	right := container.NewBorder(filters, v.status, nil, nil, v.list)
	left := container.NewBorder(widgets.Heading("Syncs, newest first"), nil, nil, nil, v.runList)
	split := container.NewHSplit(left, right)
	split.Offset = 0.34
	return split
}

// load reads the syncs and shows the newest.
func (v *changesView) load() {
	runs, err := v.m.nimbus.SyncRuns(context.Background(), 0)
	if err != nil {
		v.status.SetText(widgets.Failed("Cannot read the sync history", err, "close this window and open it again"))
		return
	}
	v.runs = runs
	v.runList.Refresh()
	if len(runs) == 0 {
		v.status.SetText("No sync has run on this cache yet: the history starts with the first sync.")
		return
	}
	v.runList.Select(0)
}

// showRun shows what the sync numbered run changed.
func (v *changesView) showRun(run int64) {
	changes, err := v.m.nimbus.SyncChanges(context.Background(), app.ChangesQuery{Sync: run})
	if err != nil {
		v.status.SetText(widgets.Failed("Cannot read the sync's changes", err, "try again"))
		return
	}
	v.run, v.all = run, changes
	v.filter()
}

// filter shows the selected sync's changes that the kind and the text select, grouped by
// kind in the order of the kinds.
func (v *changesView) filter() {
	if v.list == nil {
		return
	}
	words := strings.ToLower(strings.TrimSpace(v.search.Text))
	groups := map[string][]*app.SyncChange{}
	shown := 0
	for i := range v.all {
		c := &v.all[i]
		if v.kind.Selected != "All kinds" && c.Kind != v.kind.Selected {
			continue
		}
		if words != "" && !strings.Contains(strings.ToLower(c.UPN+" "+c.UserID+" "+c.Old+" "+c.New), words) {
			continue
		}
		groups[c.Kind] = append(groups[c.Kind], c)
		shown++
	}
	v.rows = v.rows[:0]
	for _, k := range data.ChangeKinds {
		list := groups[k]
		if len(list) == 0 {
			continue
		}
		v.rows = append(v.rows, changesRow{kind: k, count: len(list)})
		if !v.folded[k] {
			for _, c := range list {
				v.rows = append(v.rows, changesRow{kind: k, change: c})
			}
		}
	}
	v.list.UnselectAll()
	v.list.Refresh()
	v.status.SetText(fmt.Sprintf("Sync %d: %s of %s changes shown. Click a kind to fold it; click a change to open the user.",
		v.run, thousands(shown), thousands(len(v.all))))
}

// showRow fills a row of the right-hand list.
func (v *changesView) showRow(r changesRow, l *widget.Label) {
	if r.change == nil {
		fold := "▾ "
		if v.folded[r.kind] {
			fold = "▸ "
		}
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.SetText(fmt.Sprintf("%s%s (%s)", fold, changeKindTitle(r.kind), thousands(r.count)))
		return
	}
	l.TextStyle = fyne.TextStyle{}
	l.SetText(changeLine(*r.change, r.change.ID > v.seen))
}

// onRow folds or unfolds a group, or opens the user of a change in the main window.
func (v *changesView) onRow(i widget.ListItemID) {
	r := v.rows[i]
	if r.change == nil {
		v.folded[r.kind] = !v.folded[r.kind]
		v.filter()
		return
	}
	if v.m.selectUser(r.change.UserID) {
		v.status.SetText(r.change.UPN + " is selected in the main window.")
		v.m.win.RequestFocus()
		return
	}
	v.status.SetText(r.change.UPN + " is not in the user list as it is filtered now (or is not a Nimbus user): clear the search and filters, or look them up in the directory.")
}

// runLine describes a sync in the list of syncs.
func runLine(r app.SyncRun) string {
	kind := "incremental"
	if r.Full {
		kind = "full"
	}
	line := fmt.Sprintf("Sync %d · %s · %s · ", r.ID, historyTime(r.StartedAt), kind)
	switch {
	case r.Baseline:
		line += "first sync: " + thousands(r.Users) + " users read"
	case r.Changes == 1:
		line += "1 change"
	default:
		line += thousands(r.Changes) + " changes"
	}
	if r.FinishedAt == "" {
		line += " (stopped or running)"
	}
	return line
}

// changeLine describes one change; isNew marks it as recorded since the admin last looked.
func changeLine(c app.SyncChange, isNew bool) string {
	mark := ""
	if isNew {
		mark = "new · "
	}
	what := c.UPN
	switch {
	case c.Old != "" && c.New != "":
		what += ": " + c.Old + " → " + c.New
	case c.New != "":
		what += ": " + c.New
	case c.Old != "":
		what += ": was " + c.Old
	}
	if c.Detail != "" && c.Kind != data.ChangeJoinedTeam && c.Kind != data.ChangeLeftTeam {
		what += " (" + c.Detail + ")"
	}
	return mark + what
}

// changeKindTitle is a kind as a group heading says it.
func changeKindTitle(kind string) string {
	s := strings.ReplaceAll(kind, "-", " ")
	s = strings.Replace(s, "upn", "UPN", 1)
	return strings.ToUpper(s[:1]) + s[1:]
}
