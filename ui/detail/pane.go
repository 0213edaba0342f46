// Package detail is the user detail view beside the main window's list: the selected
// user's tabs (General, Services, Roles, Skills, Profiles, N/A Reasons, Interact,
// Assistant), shown per licence, each saving through a rule of package app.
package detail

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailTab is one row of the pane's master list of tabs.
type detailTab struct {
	id    app.Tab
	item  *container.TabItem
	show  func(d app.UserDetail)
	draft detailDraftTab // nil for tabs that save through their own dialogs
}

// Pane is the user detail view: the eight tabs for one user, shown per licence. Every
// change goes through a rule of package app. The drafts of all tabs are one set of
// pending changes: an accepted change reloads the user but keeps every draft, Save all
// writes them together, and the pane asks before another user replaces them.
type Pane struct {
	// OnStay hears that the admin, asked about unsaved edits, stayed on this user, so that
	// the host can select that user again instead of the row that was clicked (may be nil).
	OnStay func(userID string)
	// OnShow hears which user the view shows now (nil when none), so that the host's list
	// selection and actions such as Delete always speak of the same person (may be nil).
	OnShow func(d *app.UserDetail)
	// OnHistory opens the History of the user shown (their O365 ID), from the History
	// button beside their name; without it the button stays hidden.
	OnHistory func(userID string)

	nimbus    *app.App
	win       fyne.Window
	onChanged func(userID string)

	userID   string
	detail   app.UserDetail
	readOnly bool // the acting admin may not change the user shown

	title   *widget.Label
	history *widget.Button // opens the History of the user shown
	hidden  *widget.Label
	tabs    *container.AppTabs
	master  []*detailTab
	root    *fyne.Container

	general   *detailGeneral
	services  *detailServices
	roles     *detailRoles
	skills    *detailSkills
	profiles  *detailProfiles
	naReasons *detailNAReasons
	interact  *detailInteract
	assistant *detailAssistant

	pending  *detailPendingBar
	unlisted bool             // the host's list does not show the user (a search hides them)
	ask      *detailAskDialog // the open "unsaved changes" question, if any
	saving   bool             // Save all is under way
}

// New builds the detail view inside win; onChanged (may be nil) hears of every accepted
// change so that the list can refresh the user's row.
func New(nimbus *app.App, win fyne.Window, onChanged func(userID string)) *Pane {
	p := &Pane{nimbus: nimbus, win: win, onChanged: onChanged}
	p.buildUI()
	return p
}

func (p *Pane) buildUI() {
	p.title = &widget.Label{Text: "Select a user to see their details.", TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	p.hidden = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.general = newDetailGeneral(p)
	p.services = newDetailServices()
	p.roles = newDetailRoles(p)
	p.skills = newDetailSkills(p)
	p.profiles = newDetailProfiles(p)
	p.naReasons = newDetailNAReasons(p)
	p.interact = newDetailInteract(p)
	p.assistant = newDetailAssistant(p)
	p.master = []*detailTab{
		{id: app.TabGeneral, item: container.NewTabItem(string(app.TabGeneral), newTabContent(p.general.object())), show: p.general.show, draft: p.general},
		{id: app.TabServices, item: container.NewTabItem(string(app.TabServices), newTabContent(p.services.object())), show: p.services.show},
		{id: app.TabRoles, item: container.NewTabItem(string(app.TabRoles), newTabContent(p.roles.object())), show: p.roles.show},
		{id: app.TabSkills, item: container.NewTabItem(string(app.TabSkills), newTabContent(p.skills.object())), show: p.skills.show},
		{id: app.TabProfiles, item: container.NewTabItem(string(app.TabProfiles), newTabContent(p.profiles.object())), show: p.profiles.show},
		{id: app.TabNAReasons, item: container.NewTabItem(string(app.TabNAReasons), newTabContent(p.naReasons.object())), show: p.naReasons.show, draft: p.naReasons},
		{id: app.TabInteract, item: container.NewTabItem(string(app.TabInteract), newTabContent(p.interact.object())), show: p.interact.show, draft: p.interact},
		{id: app.TabAssistant, item: container.NewTabItem(string(app.TabAssistant), newTabContent(p.assistant.object())), show: p.assistant.show, draft: p.assistant},
	}
	p.tabs = container.NewAppTabs()
	p.tabs.Hide()
	p.pending = newDetailPendingBar(p)
	p.history = p.newHistoryButton()
	p.root = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, p.history, p.title), p.hidden), p.pending.object(), nil, nil, p.tabs)
}

// Object is the view, for the main window to place.
func (p *Pane) Object() fyne.CanvasObject { return p.root }

// Shown is the user the view shows, as it read them (zero before the first), so that the
// window can show the same facts beside it without reading the user a second time.
func (p *Pane) Shown() app.UserDetail { return p.detail }

// ShowUser shows another user. When a tab holds unsaved edits the admin is asked first
// whether to save or discard them; nothing is dropped silently. The same user again
// shows what the cache holds now and keeps the drafts.
func (p *Pane) ShowUser(id string) {
	if id == p.userID && id != "" {
		if p.ask != nil { // back on the user being edited: that answers the question
			p.ask.dlg.Hide()
			p.ask = nil
		}
		p.reloadKeeping(data.RowVersion{}, app.Outcome{}, nil)
		return
	}
	if p.ask != nil { // a newer selection replaces the open question
		p.ask.dlg.Hide()
		p.ask = nil
	}
	if dirty := p.dirtyTabs(); len(dirty) > 0 {
		p.askBeforeLeaving(dirty, "before showing another user", func() { p.load(id) })
		return
	}
	p.load(id)
}

// BeforeLeaving runs next at once when no tab holds unsaved edits; otherwise it asks
// first (Save, Discard, Keep editing) and runs next only after Save or Discard. why ends
// the question: "before closing Nimbus Admin".
func (p *Pane) BeforeLeaving(why string, next func()) {
	if p.ask != nil {
		p.ask.dlg.Hide()
		p.ask = nil
	}
	if dirty := p.dirtyTabs(); len(dirty) > 0 {
		p.askBeforeLeaving(dirty, why, next)
		return
	}
	next()
}

// dirtyTabs lists the tabs shown that hold unsaved edits.
func (p *Pane) dirtyTabs() []*detailTab {
	var out []*detailTab
	for _, t := range p.master {
		if t.draft != nil && t.draft.pending() > 0 && p.shows(t.id) {
			out = append(out, t)
		}
	}
	return out
}

// shows reports whether the user's licences show a tab.
func (p *Pane) shows(id app.Tab) bool { return slices.Contains(p.detail.Tabs, id) }

// load reads a user and shows them; an empty id clears the view.
func (p *Pane) load(id string) {
	if id != p.userID {
		p.pending.forget()
	}
	p.userID, p.unlisted = id, false
	if id == "" {
		p.detail = app.UserDetail{}
		p.title.SetText("Select a user to see their details.")
		p.showHistoryButton()
		p.hidden.SetText("")
		p.tabs.Hide()
		p.pending.refresh()
		p.relayout()
		p.told(nil)
		return
	}
	d, err := p.nimbus.UserDetail(context.Background(), id)
	if err != nil {
		p.detail = app.UserDetail{}
		p.title.SetText("Cannot show this user")
		p.showHistoryButton()
		p.hidden.SetText(widgets.Failed("Cannot show this user", err, "sync, or choose the user again in the list"))
		p.hidden.Show()
		p.tabs.Hide()
		p.pending.refresh()
		p.relayout()
		p.told(nil)
		return
	}
	p.detail = d
	editable := true
	if r, err := p.nimbus.Rights(context.Background()); err != nil || !r.InScope(d.User.OUID) {
		editable = false
	}
	if p.readOnly { // enable what the last user's read-only view greyed out; show disables again what it must
		p.setEditable(true)
	}
	for _, t := range p.master {
		t.show(d)
	}
	if !editable {
		p.setEditable(false)
	}
	p.title.SetText(d.User.DisplayName + "  ·  " + d.User.UPN)
	p.showHistoryButton()
	p.applyTabs(d)
	p.tabs.Show()
	p.relayout()
	p.told(&p.detail)
}

// relayout places the title, the hidden-tab note and the tabs again: showing the tabs or
// a note of another length changes their sizes. It lays out without refreshing every
// widget of every tab, which would cost a tenth of a second per selected user.
func (p *Pane) relayout() {
	p.root.Layout.Layout(p.root.Objects, p.root.Size())
}

// applyTabs shows exactly the tabs the user's licences allow, keeping the current tab
// when it stays visible, and says which licence each hidden tab needs.
func (p *Pane) applyTabs(d app.UserDetail) {
	current := p.tabs.Selected()
	visible := map[app.Tab]bool{}
	for _, t := range d.Tabs {
		visible[t] = true
	}
	items := make([]*container.TabItem, 0, len(p.master))
	for _, t := range p.master {
		if visible[t.id] {
			items = append(items, t.item)
		}
	}
	if !slices.Equal(items, p.tabs.Items) { // SetItems redraws every tab: only when they change
		p.tabs.SetItems(items)
	}
	keep := items[0]
	for _, it := range items {
		if it == current {
			keep = it
		}
	}
	if p.tabs.Selected() != keep {
		p.tabs.Select(keep)
	}
	if note := app.HiddenTabsNote(d.User.Licences); note == "" {
		p.hidden.SetText("")
		p.hidden.Hide()
	} else {
		p.hidden.SetText(note)
		p.hidden.Show()
	}
	p.markDirty()
}

// markDirty puts a dot after the title of each tab with unsaved edits; the tabs are
// refreshed only when a title changes.
func (p *Pane) markDirty() {
	changed := false
	for _, t := range p.master {
		text := string(t.id)
		if t.draft != nil && t.draft.pending() > 0 {
			text += " •"
		}
		if t.item.Text != text {
			t.item.Text, changed = text, true
		}
	}
	if changed {
		p.tabs.Refresh()
	}
	p.pending.refresh()
}

// visibleTabs lists the titles of the tabs shown now, for tests and the status line.
func (p *Pane) visibleTabs() []app.Tab {
	var out []app.Tab
	for _, it := range p.tabs.Items {
		for _, t := range p.master {
			if t.item == it {
				out = append(out, t.id)
			}
		}
	}
	return out
}

// tab finds a tab of the master list.
func (p *Pane) tab(id app.Tab) *detailTab {
	for _, t := range p.master {
		if t.id == id {
			return t
		}
	}
	return nil
}
