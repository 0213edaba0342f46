package detail

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailNAReasons is the N/A Reasons tab (Contact Center): the enable switch and the
// ordered list of reasons, a draft until Save.
type detailNAReasons struct {
	p *Pane

	*detailItemPicker
	enabled *detailEscCheck
	bar     *detailSaveBar

	saved   app.UserDetail
	loading bool
}

func newDetailNAReasons(p *Pane) *detailNAReasons {
	n := &detailNAReasons{p: p}
	n.enabled = newDetailEscCheck("N/A reasons enabled for this user", func(bool) { n.changed() }, n.revertEnabled)
	n.detailItemPicker = newDetailItemPicker("Choose a reason to add", n.changed, n.revertList)
	n.bar = newDetailSaveBar(func() { n.save(func(error) {}) }, n.discard)
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
	widgets.ShowProblem(n.bar.problem, nil)
	n.set(d.User.NAReasonsEnabled, d.NAReasons)
}

// changed refreshes what may be added and the Save state after any edit of the draft.
func (n *detailNAReasons) changed() {
	if n.loading {
		return
	}
	n.refreshPick()
	n.bar.setDirty(n.dirty())
	widgets.ShowProblem(n.bar.problem, nil)
	n.p.draftEdited(app.TabNAReasons)
}

// pending counts the switch and the list, each when it differs from what is saved.
func (n *detailNAReasons) pending() int {
	if n.saved.User.ID == "" {
		return 0
	}
	c := 0
	if n.enabled.Checked != n.saved.User.NAReasonsEnabled {
		c++
	}
	if n.listDiffers(n.saved.NAReasons) {
		c++
	}
	return c
}

func (n *detailNAReasons) dirty() bool { return n.pending() > 0 }

// hold keeps the switch and the list where the admin changed them.
func (n *detailNAReasons) hold() (data.RowVersion, detailRestore) {
	base, on, items, problem := n.saved, n.enabled.Checked, n.list.Items(), n.bar.problem.Text
	return base.Version, func(now app.UserDetail, rebase bool) {
		ok := rebase
		on = detailMerge(on, base.User.NAReasonsEnabled, now.User.NAReasonsEnabled, &ok)
		items = detailMergeList(items, base.NAReasons, now.NAReasons, &ok)
		if !ok {
			n.saved = base
		}
		n.set(on, items)
		detailKeepProblem(n.bar.problem, problem)
	}
}

// set shows a draft without counting it as an edit.
func (n *detailNAReasons) set(on bool, items []data.AssignableItem) {
	n.loading = true
	n.enabled.SetChecked(on)
	n.list.Set(items)
	n.loading = false
	n.refreshPick()
	n.bar.setDirty(n.dirty())
	n.p.markDirty()
}

// revertEnabled puts the switch back as saved (Esc); false when it already is.
func (n *detailNAReasons) revertEnabled() bool {
	if n.enabled.Checked == n.saved.User.NAReasonsEnabled {
		return false
	}
	n.enabled.SetChecked(n.saved.User.NAReasonsEnabled)
	return true
}

// revertList puts the list back as saved (Esc in its picker); false when it already is.
func (n *detailNAReasons) revertList() bool {
	if !n.listDiffers(n.saved.NAReasons) {
		return false
	}
	n.list.Set(n.saved.NAReasons)
	n.changed()
	return true
}

func (n *detailNAReasons) discard() {
	n.show(n.saved)
}

// save writes the switch and the ordered list together through the rule; a refusal
// keeps the draft and shows the rule's message beside Save.
func (n *detailNAReasons) save(done func(error)) {
	based := n.saved.Version
	out, err := n.p.nimbus.Do(context.Background(), app.SetNAReasons{Base: app.BasedOn(based), User: n.saved.User.ID,
		Enabled: n.enabled.Checked, Reasons: n.ids()})
	if err != nil {
		widgets.ShowProblem(n.bar.problem, err)
		done(err)
		return
	}
	n.p.changed(based, out, n)
	done(nil)
}
