package detail

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailAssistant is the Assistant tab: the ordered Direct Call Templates, a draft until
// Save. The order is the order they run in on a direct call.
type detailAssistant struct {
	p *Pane

	*detailItemPicker
	bar *detailSaveBar

	saved   app.UserDetail
	loading bool
}

func newDetailAssistant(p *Pane) *detailAssistant {
	a := &detailAssistant{p: p}
	a.detailItemPicker = newDetailItemPicker("Choose a template to add", a.changed, a.revertList)
	a.bar = newDetailSaveBar(func() { a.save(func(error) {}) }, a.discard)
	return a
}

func (a *detailAssistant) object() fyne.CanvasObject {
	return a.bar.around(container.NewVBox(
		widgets.Heading("Direct Call Templates, in the order they run (drag the handle or use the arrows)"),
		widgets.Note("They open only on direct calls to this user; templates come from the user's organization unit or above."),
		a.pickerObject(),
	))
}

func (a *detailAssistant) show(d app.UserDetail) {
	a.saved = d
	a.available = nil
	if d.User.Licences.Has(data.Assistant) {
		var err error
		if a.available, err = a.p.nimbus.AvailableItems(context.Background(), d.User.ID, data.ConfigCallTemplates); err != nil {
			defer widgets.ShowProblem(a.bar.problem, err)
		}
	}
	widgets.ShowProblem(a.bar.problem, nil)
	a.set(d.CallTemplates)
}

// set shows a draft without counting it as an edit.
func (a *detailAssistant) set(items []data.AssignableItem) {
	a.loading = true
	a.list.Set(items)
	a.loading = false
	a.refreshPick()
	a.bar.setDirty(a.dirty())
	a.p.markDirty()
}

func (a *detailAssistant) changed() {
	if a.loading {
		return
	}
	a.refreshPick()
	a.bar.setDirty(a.dirty())
	widgets.ShowProblem(a.bar.problem, nil)
	a.p.draftEdited(app.TabAssistant)
}

// pending is 1 while the list differs from what is saved.
func (a *detailAssistant) pending() int {
	if a.saved.User.ID == "" || !a.listDiffers(a.saved.CallTemplates) {
		return 0
	}
	return 1
}

func (a *detailAssistant) dirty() bool { return a.pending() > 0 }

// hold keeps the list where the admin changed it.
func (a *detailAssistant) hold() (data.RowVersion, detailRestore) {
	base, items, problem := a.saved, a.list.Items(), a.bar.problem.Text
	return base.Version, func(now app.UserDetail, rebase bool) {
		ok := rebase
		items = detailMergeList(items, base.CallTemplates, now.CallTemplates, &ok)
		if !ok {
			a.saved = base
		}
		a.set(items)
		detailKeepProblem(a.bar.problem, problem)
	}
}

// revertList puts the list back as saved (Esc in its picker); false when it already is.
func (a *detailAssistant) revertList() bool {
	if !a.listDiffers(a.saved.CallTemplates) {
		return false
	}
	a.list.Set(a.saved.CallTemplates)
	a.changed()
	return true
}

func (a *detailAssistant) discard() { a.show(a.saved) }

// save writes the ordered list through the rule.
func (a *detailAssistant) save(done func(error)) {
	based := a.saved.Version
	out, err := a.p.nimbus.Do(context.Background(), app.SetCallTemplates{Base: app.BasedOn(based), User: a.saved.User.ID,
		Templates: a.ids()})
	if err != nil {
		widgets.ShowProblem(a.bar.problem, err)
		done(err)
		return
	}
	a.p.changed(based, out, a)
	done(nil)
}
