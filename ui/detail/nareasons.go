package detail

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailNAReasons is the N/A Reasons tab (Contact Center): the enable switch and the
// ordered list of reasons, a draft until Save.
type detailNAReasons struct {
	p *Pane

	*detailItemPicker
	enabled *widget.Check
	bar     *detailSaveBar

	saved   app.UserDetail
	loading bool
}

func newDetailNAReasons(p *Pane) *detailNAReasons {
	n := &detailNAReasons{p: p}
	n.enabled = &widget.Check{Text: "N/A reasons enabled for this user", OnChanged: func(bool) { n.changed() }}
	n.detailItemPicker = newDetailItemPicker("Choose a reason to add", n.changed)
	n.bar = newDetailSaveBar(func() { n.save() }, n.discard)
	return n
}

func (n *detailNAReasons) object() fyne.CanvasObject {
	return n.bar.around(container.NewVBox(
		n.enabled,
		widgets.Note("The user picks one of these reasons in Assistant when going Not Available; the order here is the order they see."),
		widgets.Heading("Reasons, in order (drag the handle or use the arrows)"),
		n.pickerObject(),
	))
}

func (n *detailNAReasons) show(d app.UserDetail) {
	n.saved = d
	n.available = nil
	if d.User.Licences.Has(data.ContactCenter) {
		var err error
		if n.available, err = n.p.nimbus.AvailableItems(context.Background(), d.User.ID, data.ConfigNAReasons); err != nil {
			defer widgets.ShowProblem(n.bar.problem, err)
		}
	}
	n.loading = true
	n.enabled.SetChecked(d.User.NAReasonsEnabled)
	n.list.Set(d.NAReasons)
	n.loading = false
	widgets.ShowProblem(n.bar.problem, nil)
	n.changed()
}

// changed refreshes what may be added and the Save state after any edit of the draft.
func (n *detailNAReasons) changed() {
	if n.loading {
		return
	}
	n.refreshPick()
	n.bar.setDirty(n.dirty())
	n.p.markDirty()
}

func (n *detailNAReasons) dirty() bool {
	if n.saved.User.ID == "" {
		return false
	}
	return n.enabled.Checked != n.saved.User.NAReasonsEnabled || n.listDiffers(n.saved.NAReasons)
}

func (n *detailNAReasons) discard() {
	n.show(n.saved)
}

// save writes the switch and the ordered list together through the rule; a refusal
// keeps the draft and shows the rule's message beside Save.
func (n *detailNAReasons) save() bool {
	on, ids := n.enabled.Checked, n.ids()
	if _, err := n.p.nimbus.Do(context.Background(), app.SetNAReasons{Base: app.BasedOn(n.saved.Version), User: n.saved.User.ID,
		Enabled: on, Reasons: ids}); err != nil {
		widgets.ShowProblem(n.bar.problem, err)
		return false
	}
	n.p.reload()
	return true
}
