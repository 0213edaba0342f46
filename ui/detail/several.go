package detail

// ShowSeveral shows, instead of one user, that the host's list has several selected and
// what can be done with them there (say, one sentence). Pending edits of the user shown
// are asked about first (Save, Discard, Keep editing), as when another user is chosen.
func (p *Pane) ShowSeveral(title, say string) {
	if p.ask != nil { // a newer selection replaces the open question
		p.ask.dlg.Hide()
		p.ask = nil
	}
	show := func() {
		p.load("")
		p.title.SetText(title)
		p.hidden.SetText(say)
		p.hidden.Show()
	}
	if dirty := p.dirtyTabs(); len(dirty) > 0 {
		p.askBeforeLeaving(dirty, "before showing the selected users", show)
		return
	}
	show()
}
