package config

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/widgets"
)

// configDraft is a screen's pending edits of the item it shows. They stay in the screen
// until the admin saves or discards them: leaving the item, the screen or the window
// with pending edits asks first, so that no edit is ever dropped without a word.
type configDraft interface {
	// pending names what holds unsaved edits in the admin's words ("the custom role
	// "Auditor""), or "" when nothing does.
	pending() string
	// save writes the pending edits through the rules; on a refusal the screen shows the
	// rule's message, keeps the edits and save returns false.
	save() bool
	// discard drops the pending edits and shows the item as stored.
	discard()
}

// configAsk is the open question about pending edits: Save them, Discard them, or Keep
// editing the item.
type configAsk struct {
	dlg                 *widgets.Custom
	message             string
	save, discard, stay *widget.Button
}

// beforeLeaving runs next at once when none of the drafts holds pending edits; otherwise
// it asks once (Save, Discard, Keep editing). Save runs next only when every draft was
// saved; a refusal keeps the admin where they are (stay) with the rule's message shown.
// Discard drops the edits and runs next; Keep editing runs stay, which shows the item
// with its edits again. why ends the question: "before showing another custom role".
func (c *configWindow) beforeLeaving(drafts []configDraft, why string, next, stay func()) {
	if c.ask != nil { // a newer question replaces the open one
		c.ask.dlg.Hide()
		c.ask = nil
	}
	var dirty []configDraft
	var names []string
	for _, d := range drafts {
		if what := d.pending(); what != "" {
			dirty = append(dirty, d)
			names = append(names, what)
		}
	}
	if len(dirty) == 0 {
		next()
		return
	}
	ask := &configAsk{message: "You have unsaved changes to " + strings.Join(names, " and ") + ". Save them " + why + "?"}
	done := func() {
		ask.dlg.Hide()
		if c.ask == ask {
			c.ask = nil
		}
	}
	ask.save = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: func() {
		done()
		for _, d := range dirty {
			if !d.save() {
				stay()
				return
			}
		}
		next()
	}}
	ask.discard = &widget.Button{Text: "Discard", Importance: widget.DangerImportance, OnTapped: func() {
		done()
		for _, d := range dirty {
			d.discard()
		}
		next()
	}}
	ask.stay = &widget.Button{Text: "Keep editing", OnTapped: func() {
		done()
		stay()
	}}
	msg := &widget.Label{Text: ask.message, Wrapping: fyne.TextWrapWord}
	// Esc keeps editing; Enter saves, the highlighted default (the rules still check it).
	ask.dlg = widgets.NewCustom(c.win, "Unsaved changes", msg, ask.stay.OnTapped, ask.save.OnTapped)
	ask.dlg.SetButtons([]fyne.CanvasObject{ask.stay, ask.discard, ask.save})
	ask.dlg.Resize(fyne.NewSize(460, 180))
	c.ask = ask
	ask.dlg.Show()
}
