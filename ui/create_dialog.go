package ui

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// createLimit is how many directory matches the Create dialog lists at once.
const createLimit = 200

// createDialog adds a directory user to Nimbus: it searches the cached directory by name,
// UPN, @domain or O365 ID, hides people who are already Nimbus users, and adds the chosen
// one with an OU and licences. Nimbus never creates directory accounts.
type createDialog struct {
	m          *mainWindow
	dlg        dialog.Dialog
	search     *widget.Entry
	results    *widget.List
	found      []data.DirectoryEntry
	live       map[string]bool // ids of the found people only Microsoft Graph knows yet
	foundNote  *widget.Label
	cachedNote string // what the cached search found, before any word on the live one
	chosen     *data.DirectoryEntry
	ou         *widgets.OUPicker
	licences   map[data.LicenceSet]*widget.Check
	add        *widget.Button
	problem    *widget.Label
	generation atomic.Int64 // of the newest search; older ones stop or are dropped
}

// onCreate opens the Create dialog (Ctrl+N), once.
func (m *mainWindow) onCreate() {
	if m.index == nil || m.creating != nil {
		return
	}
	c := &createDialog{m: m, licences: map[data.LicenceSet]*widget.Check{}, live: map[string]bool{}}
	c.build()
	m.creating = c
	c.dlg.Show()
	m.win.Canvas().Focus(c.search)
	c.runSearch("")
}

func (c *createDialog) build() {
	note := &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Nimbus never creates directory accounts: pick a person " +
		"who is already in your Microsoft Entra directory. People who are already Nimbus users are not listed. " +
		"The search covers the directory as last synced into this cache."}
	if c.liveSearcher() != nil {
		note.Text += " Microsoft Graph is searched too, for people who joined since."
	}
	c.search = &widget.Entry{PlaceHolder: "Name, UPN, @domain or O365 ID", OnChanged: c.runSearch}
	c.search.ExtendBaseWidget(c.search)
	c.foundNote = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.results = widget.NewList(func() int { return len(c.found) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.line(c.found[i])) })
	c.results.OnSelected = c.onChosen
	tree := c.m.index.Tree
	c.ou = widgets.NewOUPicker(tree, nil)
	c.ou.SetSelectedID(tree.Root)
	if ids := c.m.filters.filters.OUs; len(ids) == 1 {
		c.ou.SetSelected(tree.Path(ids[0]))
	}
	checks := container.NewHBox()
	for _, l := range data.AllLicences {
		c.licences[l] = widget.NewCheck(l.String(), nil)
		checks.Add(c.licences[l])
	}
	c.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	c.add = &widget.Button{Text: "Add to Nimbus", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: c.onAdd}
	c.add.Disable()
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { c.dlg.Hide() }}
	form := widget.NewForm(widget.NewFormItem("Organization unit", c.ou), widget.NewFormItem("Licences", checks))
	top := container.NewVBox(note, c.search, c.foundNote)
	bottom := container.NewVBox(form, c.problem, container.NewHBox(layout.NewSpacer(), cancel, c.add))
	content := container.NewBorder(top, bottom, nil, nil, c.results)
	// Esc cancels; Enter adds the chosen user once Add to Nimbus is enabled.
	c.dlg = widgets.NewCustom(c.m.win, "Add a directory user to Nimbus", content, cancel.OnTapped, func() { widgets.Press(c.add) })
	c.dlg.SetOnClosed(func() { c.m.creating = nil })
	c.dlg.Resize(fyne.NewSize(640, 600))
}

func directoryLine(e data.DirectoryEntry) string {
	s := e.DisplayName + " — " + e.UPN
	if e.Department != "" {
		s += " · " + e.Department
	}
	return s
}

// runSearch searches the cached directory, then Microsoft Graph when the window can,
// off the UI goroutine once typing pauses; older searches are dropped.
func (c *createDialog) runSearch(text string) {
	gen := c.generation.Add(1)
	c.m.background(func() {
		time.Sleep(c.m.typingPause)
		if gen != c.generation.Load() {
			return // the admin typed on
		}
		found, err := c.m.nimbus.SearchDirectory(context.Background(),
			app.DirectoryQuery{Search: text, ExcludeNimbus: true, Limit: createLimit})
		fyne.Do(func() {
			if gen != c.generation.Load() {
				return
			}
			if err != nil {
				c.foundNote.SetText(widgets.Failed("Cannot search the directory", err, "type again to retry"))
				return
			}
			c.found, c.chosen = found, nil
			clear(c.live)
			c.results.UnselectAll()
			c.results.Refresh()
			c.add.Disable()
			switch {
			case len(found) == 0:
				c.cachedNote = "Nobody in the directory matches who is not already a Nimbus user."
			case len(found) == createLimit:
				c.cachedNote = fmt.Sprintf("The first %d matches; type more to narrow.", createLimit)
			default:
				c.cachedNote = fmt.Sprintf("%d matches.", len(found))
			}
			c.foundNote.SetText(c.cachedNote)
		})
		if err == nil && len(found) < createLimit {
			c.searchLive(gen, text)
		}
	})
}

func (c *createDialog) onChosen(i widget.ListItemID) {
	if i < 0 || i >= len(c.found) {
		return
	}
	c.chosen = &c.found[i]
	c.add.Enable()
}

// onAdd adds the chosen person (see addChosen); a refusal is shown in the dialog,
// which stays open. The detail view then shows the person added (asking first about
// unsaved edits of the user it showed) and the list, once reloaded, selects them.
func (c *createDialog) onAdd() {
	if c.chosen == nil {
		return
	}
	var lic data.LicenceSet
	for l, chk := range c.licences {
		if chk.Checked {
			lic |= l
		}
	}
	who := *c.chosen
	ou := c.ou.SelectedID()
	if err := c.addChosen(who, ou, lic); err != nil {
		c.problem.SetText(widgets.Sentence(err.Error()))
		return
	}
	c.dlg.Hide()
	c.m.status.SetText(fmt.Sprintf("%s was added to Nimbus in %s.", who.DisplayName, c.ou.Selected))
	c.m.detail.ShowUser(who.ID)
	c.m.load("")
}
