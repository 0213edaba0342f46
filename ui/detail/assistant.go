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
	a.detailItemPicker = newDetailItemPicker("Choose a template to add", a.changed)
	a.bar = newDetailSaveBar(func() { a.save() }, a.discard)
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
	a.loading = true
	a.list.Set(d.CallTemplates)
	a.loading = false
	widgets.ShowProblem(a.bar.problem, nil)
	a.changed()
}

func (a *detailAssistant) changed() {
	if a.loading {
		return
	}
	a.refreshPick()
	a.bar.setDirty(a.dirty())
	a.p.markDirty()
}

func (a *detailAssistant) dirty() bool {
	if a.saved.User.ID == "" {
		return false
	}
	return a.listDiffers(a.saved.CallTemplates)
}

func (a *detailAssistant) discard() { a.show(a.saved) }

// save writes the ordered list through the rule.
func (a *detailAssistant) save() bool {
	if _, err := a.p.nimbus.Do(context.Background(), app.SetCallTemplates{Base: app.BasedOn(a.saved.Version), User: a.saved.User.ID,
		Templates: a.ids()}); err != nil {
		widgets.ShowProblem(a.bar.problem, err)
		return false
	}
	a.p.reload()
	return true
}
