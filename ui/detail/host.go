package detail

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
)

// This file holds what the window around the pane asks of it and hears from it.

// UserID is the O365 ID of the user shown, "" for none.
func (p *Pane) UserID() string { return p.userID }

// HasPendingEdits reports whether any tab holds unsaved edits of the user shown.
func (p *Pane) HasPendingEdits() bool { return len(p.dirtyTabs()) > 0 }

// SetListed tells the view whether the host's list shows its user, so that pending edits
// of someone a search hides are still announced.
func (p *Pane) SetListed(listed bool) {
	if p.unlisted != !listed {
		p.unlisted = !listed
		p.pending.refresh()
	}
}

// told passes the user shown to the host.
func (p *Pane) told(d *app.UserDetail) {
	if p.OnShow != nil {
		p.OnShow(d)
	}
}

// FocusFirstField moves the keyboard focus to the first control of the tab shown that
// can be used now (text is skipped); it reports false when there is none.
func (p *Pane) FocusFirstField() bool {
	sel := p.tabs.Selected()
	if p.userID == "" || sel == nil {
		return false
	}
	var first fyne.Focusable
	detailWalkVisible(sel.Content, func(o fyne.CanvasObject) bool {
		f, ok := o.(fyne.Focusable)
		if !ok {
			return false
		}
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return false
		}
		if _, ok := o.(*widget.Label); ok {
			return false // selectable text is read, not edited
		}
		first = f
		return true
	})
	if first == nil {
		return false
	}
	p.win.Canvas().Focus(first)
	return true
}

// detailWalkVisible visits o and the visible objects inside it in order until visit
// reports true.
func detailWalkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			if detailWalkVisible(c, visit) {
				return true
			}
		}
	case *container.Scroll:
		return detailWalkVisible(v.Content, visit)
	case *tabContent:
		return detailWalkVisible(v.content, visit)
	case *widget.Form:
		for _, it := range v.Items {
			if detailWalkVisible(it.Widget, visit) {
				return true
			}
		}
	}
	return false
}
