package detail

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailDraftTab is a tab whose fields belong together: its edits stay a draft until the
// admin saves, and together the drafts of all tabs are the user's pending changes.
type detailDraftTab interface {
	// pending counts the fields the draft changes; 0 when there is nothing to save.
	pending() int
	// save writes the draft through the rules, then calls done with nil, or with the
	// refusal (the tab shows it and keeps the draft).
	save(done func(error))
	discard()
	// hold takes the draft aside before the pane reloads the user: it returns the row
	// version the draft is based on and how to put the draft back over what was loaded.
	hold() (data.RowVersion, detailRestore)
}

// errKeptEditing is what a tab's save reports when the admin, asked to confirm, chose to
// keep editing: nothing was written and there is nothing to explain.
var errKeptEditing = errors.New("kept editing")

// draftEdited follows an edit of a tab's draft: a refusal Save all showed for that tab no
// longer describes what is pending, so it goes.
func (p *Pane) draftEdited(id app.Tab) {
	delete(p.pending.refused, id)
	p.markDirty()
}

// detailRestore puts a held draft back after a reload. With rebase the draft may take the
// version just loaded for its base, keeping its own edits and taking the loaded values of
// what it leaves alone, provided nothing it edits was changed in between; otherwise it
// keeps its old base, so that Save is refused as stale.
type detailRestore func(now app.UserDetail, rebase bool)

// detailMerge is one field of a held draft put back over a reload: the loaded value when
// the draft leaves the field alone; the draft's value when it edits it, and then ok turns
// false if the field changed under the draft.
func detailMerge[T comparable](draft, base, now T, ok *bool) T {
	if draft == base {
		return now
	}
	if now != base {
		*ok = false
	}
	return draft
}

// detailMergeList is detailMerge for an ordered list of catalogue items.
func detailMergeList(draft, base, now []data.AssignableItem, ok *bool) []data.AssignableItem {
	d, b, n := fmt.Sprint(itemIDs(draft)), fmt.Sprint(itemIDs(base)), fmt.Sprint(itemIDs(now))
	if d == b {
		return now
	}
	if n != b {
		*ok = false
	}
	return draft
}

// changed follows an accepted change of the user shown: the pane reloads them, keeping
// every other tab's draft with its edits and its "•" mark, and tells the host. based is
// the version the change was made on and out what it reported; saved is the tab whose
// own draft the change wrote (nil for an instant action).
func (p *Pane) changed(based data.RowVersion, out app.Outcome, saved detailDraftTab) {
	p.reloadKeeping(based, out, saved)
	if p.onChanged != nil {
		p.onChanged(p.userID)
	}
}

// reloadKeeping shows the user again with the drafts kept. A draft takes the new version
// for its base only when it was based on the version the admin's own change was made on
// and nothing else wrote since that change (out.After is the version just loaded): a
// change by anyone else between the draft's load and its save is still refused as stale.
func (p *Pane) reloadKeeping(based data.RowVersion, out app.Outcome, saved detailDraftTab) {
	type held struct {
		tab     *detailTab
		base    data.RowVersion
		restore detailRestore
	}
	var kept []held
	for _, t := range p.dirtyTabs() {
		if t.draft != saved {
			base, restore := t.draft.hold()
			kept = append(kept, held{t, base, restore})
		}
	}
	p.load(p.userID)
	if p.userID == "" || p.detail.User.ID == "" {
		return
	}
	own := len(out.After) == 1 && out.After[0] == p.detail.Version
	var dropped []string
	for _, h := range kept {
		if !p.shows(h.tab.id) {
			dropped = append(dropped, string(h.tab.id))
			continue
		}
		h.restore(p.detail, own && h.base == based)
	}
	if len(dropped) > 0 {
		p.pending.dropped = fmt.Sprintf("The unsaved edits of the %s were dropped: %s no longer has the licence they need.",
			tabsInWords(dropped), p.detail.User.DisplayName)
	}
	p.markDirty()
}

// detailKeepProblem shows again, after a reload, the message a held draft's tab showed.
func detailKeepProblem(l *widget.Label, text string) {
	if text != "" {
		widgets.ShowProblem(l, fmt.Errorf("%s", text))
	}
}

// detailPendingBar is the line under the tabs, whatever tab is shown: how many changes
// are unsaved and on which tabs, Save all (Ctrl+S) and Discard all, and what Save all
// could not write, by tab with the rule's message.
type detailPendingBar struct {
	p       *Pane
	summary *widget.Label
	save    *widget.Button
	discard *widget.Button
	problem *widget.Label

	refused map[app.Tab]string // the rule's message for each tab Save all could not write
	dropped string             // the drafts a reload could not keep
}

func newDetailPendingBar(p *Pane) *detailPendingBar {
	b := &detailPendingBar{p: p, summary: &widget.Label{Wrapping: fyne.TextWrapWord}, problem: widgets.NewProblem(),
		refused: map[app.Tab]string{}}
	b.save = &widget.Button{Text: "Save all (Ctrl+S)", Importance: widget.HighImportance, OnTapped: p.SaveAll}
	b.discard = &widget.Button{Text: "Discard all", OnTapped: p.DiscardAll}
	return b
}

func (b *detailPendingBar) object() fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), b.problem,
		container.NewBorder(nil, nil, nil, container.NewHBox(b.discard, b.save), b.summary))
}

// refresh says what is pending now.
func (b *detailPendingBar) refresh() {
	dirty := b.p.dirtyTabs()
	count := 0
	names := make([]string, len(dirty))
	for i, t := range dirty {
		count += t.draft.pending()
		names[i] = string(t.id)
	}
	who := b.p.detail.User.DisplayName
	if b.p.unlisted {
		who += " (not in the list)"
	}
	switch {
	case b.p.detail.User.ID == "":
		b.summary.SetText("")
	case count == 0 && b.p.unlisted:
		b.summary.SetText(b.p.detail.User.DisplayName + " is not in the list: the search or a filter hides them.")
	case count == 0:
		b.summary.SetText("No unsaved changes.")
	case count == 1:
		b.summary.SetText(fmt.Sprintf("%s has 1 unsaved change on the %s tab.", who, names[0]))
	default:
		b.summary.SetText(fmt.Sprintf("%s has %d unsaved changes on the %s.", who, count, tabsInWords(names)))
	}
	widgets.EnableWhen(b.save, count > 0 && !b.p.readOnly)
	widgets.EnableWhen(b.discard, count > 0)
	var notes []string
	if b.dropped != "" {
		notes = append(notes, b.dropped)
	}
	for _, t := range dirty { // a refusal goes with its cause: once the tab is saved or reverted
		if msg := b.refused[t.id]; msg != "" {
			notes = append(notes, "Not saved, "+string(t.id)+": "+msg)
		}
	}
	if len(notes) == 0 {
		widgets.ShowProblem(b.problem, nil)
	} else {
		widgets.ShowProblem(b.problem, fmt.Errorf("%s", strings.Join(notes, "\n")))
	}
}

// forget drops the notes about another user's drafts.
func (b *detailPendingBar) forget() {
	clear(b.refused)
	b.dropped = ""
}

// SaveAll saves every tab with unsaved edits through the rules (Ctrl+S): what the rules
// accept is written, each refused part stays pending and is named under the tabs with
// the rule's message.
func (p *Pane) SaveAll() { p.saveAll(nil) }

// saveAll saves the dirty tabs one after the other, each on the version the previous
// one left, then calls done (may be nil) with the tabs refused.
func (p *Pane) saveAll(done func(refused []*detailTab)) {
	dirty := p.dirtyTabs()
	if p.saving || p.readOnly { // nothing may be saved now: everything stays pending
		if done != nil {
			done(dirty)
		}
		return
	}
	if len(dirty) == 0 {
		if done != nil {
			done(nil)
		}
		return
	}
	p.saving = true
	p.pending.forget()
	var refused []*detailTab
	var next func(i int)
	next = func(i int) {
		if i == len(dirty) {
			p.saving = false
			if len(refused) > 0 {
				p.tabs.Select(refused[0].item)
			}
			p.pending.refresh()
			if done != nil {
				done(refused)
			}
			return
		}
		t := dirty[i]
		t.draft.save(func(err error) {
			if err != nil {
				refused = append(refused, t)
				if !errors.Is(err, errKeptEditing) {
					p.pending.refused[t.id] = err.Error()
				}
			}
			next(i + 1)
		})
	}
	next(0)
}

// DiscardAll drops every unsaved edit of the user shown.
func (p *Pane) DiscardAll() {
	for _, t := range p.dirtyTabs() {
		t.draft.discard()
	}
	p.pending.forget()
	p.markDirty()
}

// tabsInWords names tabs as a sentence does: "the General tab", "the General and Interact
// tabs", "the General, Skills and Interact tabs".
func tabsInWords(names []string) string {
	switch len(names) {
	case 0:
		return "no tab"
	case 1:
		return names[0] + " tab"
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " tabs"
}
