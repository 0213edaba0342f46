package detail

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newHistoryButton is the History button beside the user's name: it opens the entries
// of the journal about the user shown.
func (p *Pane) newHistoryButton() *widget.Button {
	b := &widget.Button{Text: "History", Icon: theme.HistoryIcon(), OnTapped: func() {
		if p.OnHistory != nil && p.detail.User.ID != "" {
			p.OnHistory(p.detail.User.ID)
		}
	}}
	b.Hide()
	return b
}

// showHistoryButton shows the History button while a user is shown and the host can
// open their History.
func (p *Pane) showHistoryButton() {
	if p.OnHistory != nil && p.detail.User.ID != "" {
		p.history.Show()
	} else {
		p.history.Hide()
	}
}
