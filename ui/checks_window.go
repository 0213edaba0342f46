package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// checksWindow is the Checks view: what the integrity checks find in the cache, one
// finding at a time with the users or services it names, what to do, and a fix button
// where the fix is safe. Both lists are virtualised, so a finding naming 100,000 users
// costs what the rows on screen cost.
type checksWindow struct {
	m        *mainWindow
	win      fyne.Window
	findings []app.Finding
	chosen   int // the finding shown on the right; -1 for none
	item     int // the item chosen in the items list; -1 for none

	status   *widget.Label
	refresh  *widget.Button
	list     *widget.List // the findings
	rule     *widget.Label
	fixLine  *widget.Label
	fix      *widget.Button
	items    *widget.List // the items of the chosen finding
	open     *widget.Button
	outcome  *widget.Label // what the last fix did, or why it was refused
	note     string        // the outcome to show once the checks have run again after a fix
	checking bool
}

// newChecksButton is the header's button that opens the Checks view.
func (m *mainWindow) newChecksButton() *widget.Button {
	return &widget.Button{Text: "Checks", Icon: theme.WarningIcon(), OnTapped: func() { openChecksWindow(m) }}
}

// openChecksWindow opens the Checks view over the main window's cache and runs the
// checks.
func openChecksWindow(m *mainWindow) *checksWindow {
	c := &checksWindow{m: m, win: newReviewWindow(fyne.CurrentApp(), "Nimbus Admin — Checks"), chosen: -1, item: -1}
	c.buildUI()
	m.openReview(c.win, nil)
	c.onRefresh()
	return c
}

func (c *checksWindow) buildUI() {
	c.status = widget.NewLabel("")
	c.refresh = &widget.Button{Text: "Refresh", Icon: theme.ViewRefreshIcon(), OnTapped: c.onRefresh}
	c.list = widget.NewList(func() int { return len(c.findings) },
		func() fyne.CanvasObject { return widget.NewLabel("") }, c.updateFinding)
	c.list.OnSelected = c.onChoose
	c.rule = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	c.fixLine = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.outcome = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.fix = &widget.Button{Text: "Fix", Importance: widget.HighImportance, OnTapped: c.onFix}
	c.fix.Hide()
	c.items = widget.NewList(c.itemCount, func() fyne.CanvasObject { return widget.NewLabel("") }, c.updateItem)
	c.items.OnSelected = func(id widget.ListItemID) { c.item = id; c.showOpen() }
	c.open = &widget.Button{Text: "Open", Icon: theme.NavigateNextIcon(), OnTapped: c.onOpen}
	c.open.Disable()
	right := container.NewBorder(
		container.NewVBox(c.rule, c.fixLine, container.NewHBox(c.fix), c.outcome),
		container.NewHBox(c.open), nil, nil, c.items)
	split := container.NewHSplit(c.list, right)
	split.Offset = 0.35
	c.win.SetContent(container.NewBorder(container.NewBorder(nil, nil, nil, c.refresh, c.status), nil, nil, nil, split))
}

// onRefresh runs every check again and shows what they find.
func (c *checksWindow) onRefresh() {
	if c.checking {
		return
	}
	c.checking = true
	c.status.SetText("Checking the cache…")
	c.m.background(func() {
		findings, err := c.m.nimbus.Checks(context.Background())
		fyne.Do(func() { c.show(findings, err) })
	})
}

// show replaces the findings, keeping the chosen check chosen when it is still found.
func (c *checksWindow) show(findings []app.Finding, err error) {
	c.checking = false
	if err != nil {
		c.status.SetText(widgets.Failed("Checking the cache", err, "try Refresh"))
		return
	}
	was := ""
	if c.chosen >= 0 && c.chosen < len(c.findings) {
		was = c.findings[c.chosen].Check
	}
	c.findings, c.chosen, c.item = findings, -1, -1
	switch n := len(findings); n {
	case 0:
		c.status.SetText("Every check passes: nothing in the cache is inconsistent.")
	case 1:
		c.status.SetText("1 check found something to look at.")
	default:
		c.status.SetText(fmt.Sprintf("%d checks found something to look at.", n))
	}
	c.list.UnselectAll()
	c.list.Refresh()
	for i, f := range findings {
		if f.Check == was || was == "" && i == 0 {
			c.list.Select(i)
			return
		}
	}
	c.onChoose(-1)
}

func (c *checksWindow) updateFinding(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(c.findings) {
		f := c.findings[id]
		o.(*widget.Label).SetText(fmt.Sprintf("%s · %s", app.Thousands(len(f.Items)), f.Rule)) // the count first: a long rule is cut short
		o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
	}
}

// onChoose shows a finding's rule, fix and items; -1 shows none.
func (c *checksWindow) onChoose(id widget.ListItemID) {
	c.chosen, c.item = id, -1
	c.items.UnselectAll()
	c.outcome.SetText(c.note)
	c.note = ""
	if id < 0 || id >= len(c.findings) {
		c.rule.SetText("")
		c.fixLine.SetText("")
		c.fix.Hide()
	} else {
		f := c.findings[id]
		c.rule.SetText(f.Rule)
		c.fixLine.SetText("What to do: " + f.Fix)
		if f.Action != nil {
			c.fix.SetText(f.Action.Label)
			c.fix.Show()
		} else {
			c.fix.Hide()
		}
	}
	c.items.Refresh()
	c.showOpen()
}

func (c *checksWindow) itemCount() int {
	if c.chosen < 0 || c.chosen >= len(c.findings) {
		return 0
	}
	return len(c.findings[c.chosen].Items)
}

func (c *checksWindow) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= c.itemCount() {
		return
	}
	it := c.findings[c.chosen].Items[id]
	text := it.Name
	if it.UPN != "" && it.UPN != it.Name {
		text += " <" + it.UPN + ">"
	}
	if it.Detail != "" {
		text += " — " + it.Detail
	}
	o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
	o.(*widget.Label).SetText(text)
}

// showOpen enables Open when the chosen item is a user.
func (c *checksWindow) showOpen() {
	if c.item >= 0 && c.item < c.itemCount() && c.findings[c.chosen].Items[c.item].Kind == app.ItemUser {
		c.open.Enable()
	} else {
		c.open.Disable()
	}
}

// onOpen shows the chosen user in the main window.
func (c *checksWindow) onOpen() {
	if c.item < 0 || c.item >= c.itemCount() {
		return
	}
	it := c.findings[c.chosen].Items[c.item]
	if !c.m.selectUser(it.ID) {
		widgets.ShowInfo(c.win, "Not in the list", it.Name+" is not in the user list as it is filtered now: clear the search and the filters, then Open again.")
		return
	}
	c.m.win.RequestFocus()
}

// onFix runs the chosen finding's fix; a refusal is shown in the rule's words, and the
// checks run again either way so the view shows what is left.
func (c *checksWindow) onFix() {
	if c.chosen < 0 || c.chosen >= len(c.findings) {
		return
	}
	f := c.findings[c.chosen]
	done, err := c.m.nimbus.Fix(context.Background(), f)
	if err != nil {
		c.note = err.Error()
		widgets.ShowError(c.win, err)
	} else {
		c.note = fmt.Sprintf("%s: %s made.", f.Action.Label, changesText(done))
	}
	c.m.load(c.m.selectedID())
	c.onRefresh()
}

// changesText says "1 change" or "3 changes".
func changesText(n int) string {
	if n == 1 {
		return "1 change"
	}
	return app.Thousands(n) + " changes"
}
