package detail

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// setEditable greys out every control of the tabs when the acting admin may not change
// the user shown (or enables them again), so that nothing invites an edit the permission
// rule would refuse; the header says once why. Reading actions stay: Copy and Preview of
// the Interact snippet. Tabs run show first, so what they disable for their own reasons
// is disabled again by them on the next show.
func (p *Pane) setEditable(on bool) {
	p.readOnly = !on
	keep := map[fyne.CanvasObject]bool{p.interact.copyBtn: true, p.interact.previewBtn: true}
	for _, t := range p.master {
		detailSetEnabled(t.item.Content, on, keep)
	}
	p.naReasons.list.SetLocked(!on)
	p.assistant.list.SetLocked(!on)
}

// detailSetEnabled enables or disables every control inside o, except those in keep.
func detailSetEnabled(o fyne.CanvasObject, on bool, keep map[fyne.CanvasObject]bool) {
	if o == nil || keep[o] {
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			detailSetEnabled(c, on, keep)
		}
	case *container.Scroll:
		detailSetEnabled(v.Content, on, keep)
	case *tabContent:
		detailSetEnabled(v.content, on, keep)
	case *widget.Form:
		for _, it := range v.Items {
			detailSetEnabled(it.Widget, on, keep)
		}
		return // the form's own Disable is about submitting, which these forms never do
	}
	if d, ok := o.(fyne.Disableable); ok {
		if on {
			d.Enable()
		} else {
			d.Disable()
		}
	}
}
