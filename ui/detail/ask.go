package detail

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/widgets"
)

// detailAskDialog is the question asked when another user is selected while edits are
// unsaved: Save them, Discard them, or keep editing this user.
type detailAskDialog struct {
	dlg                 *widgets.Custom
	save, discard, stay *widget.Button
}

// stayed tells the host that the view kept its user, so that the list can select that
// user again instead of the row that was clicked.
func (p *Pane) stayed() {
	if p.OnStay != nil {
		p.OnStay(p.userID)
	}
}

// askBeforeLeaving asks once what to do with the pending edits: Save writes all of them
// (a refused part keeps the admin on this user, shown on its tab), Discard drops them,
// and either goes on with next; Keep editing stays.
func (p *Pane) askBeforeLeaving(dirty []*detailTab, why string, next func()) {
	names := make([]string, len(dirty))
	for i, t := range dirty {
		names[i] = string(t.id)
	}
	msg := &widget.Label{Wrapping: fyne.TextWrapWord, Text: p.detail.User.DisplayName + " has unsaved changes on the " +
		tabsInWords(names) + ". Save them " + why + "?"}
	ask := &detailAskDialog{}
	ask.save = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: func() {
		ask.dlg.Hide()
		p.ask = nil
		p.saveAll(func(refused []*detailTab) {
			if len(refused) > 0 {
				p.stayed() // the tab shows the rule's message; the admin decides again
				return
			}
			next()
		})
	}}
	ask.discard = &widget.Button{Text: "Discard", Importance: widget.DangerImportance, OnTapped: func() {
		ask.dlg.Hide()
		p.ask = nil
		p.DiscardAll()
		next()
	}}
	ask.stay = &widget.Button{Text: "Keep editing", OnTapped: func() {
		ask.dlg.Hide()
		p.ask = nil
		p.stayed()
	}}
	// Esc keeps editing; Enter saves, the highlighted default (the rules still check it).
	ask.dlg = widgets.NewCustom(p.win, "Unsaved changes", msg, ask.stay.OnTapped, ask.save.OnTapped)
	ask.dlg.SetButtons([]fyne.CanvasObject{ask.stay, ask.discard, ask.save})
	ask.dlg.Resize(fyne.NewSize(460, 180))
	p.ask = ask
	ask.dlg.Show()
}
