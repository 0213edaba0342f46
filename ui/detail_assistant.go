package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// detailAssistant is the Assistant tab: the ordered Direct Call Templates, a draft until
// Save. The order is the order they run in on a direct call.
type detailAssistant struct {
	p *detailPane

	list      *detailOrderedList
	available []data.CatalogItem
	pick      *widget.Select
	addBtn    *widget.Button
	bar       *detailSaveBar

	saved   app.UserDetail
	loading bool
}

func newDetailAssistant(p *detailPane) *detailAssistant {
	a := &detailAssistant{p: p}
	a.list = newDetailOrderedList(a.changed)
	a.pick = &widget.Select{PlaceHolder: "Choose a template to add"}
	a.addBtn = &widget.Button{Text: "+ Add", OnTapped: a.onAdd}
	a.bar = newDetailSaveBar(func() { a.save() }, a.discard)
	return a
}

func (a *detailAssistant) object() fyne.CanvasObject {
	return a.bar.around(container.NewVBox(
		detailHeading("Direct Call Templates, in the order they run (drag the handle or use the arrows)"),
		detailNote("They open only on direct calls to this user; templates come from the user's organization unit or above."),
		a.list.object(),
		container.NewBorder(nil, nil, nil, a.addBtn, a.pick),
	))
}

func (a *detailAssistant) show(d app.UserDetail) {
	a.saved = d
	a.available = nil
	if d.User.Licences.Has(data.Assistant) {
		var err error
		if a.available, err = a.p.nimbus.AvailableItems(context.Background(), d.User.ID, data.DirectCallTemplates); err != nil {
			defer detailShowProblem(a.bar.problem, err)
		}
	}
	a.loading = true
	a.list.set(d.CallTemplates)
	a.loading = false
	detailShowProblem(a.bar.problem, nil)
	a.changed()
}

func (a *detailAssistant) changed() {
	if a.loading {
		return
	}
	a.pick.Options = detailNotIn(a.available, a.list.items)
	a.pick.ClearSelected()
	a.bar.setDirty(a.dirty())
	a.p.markDirty()
}

func (a *detailAssistant) onAdd() {
	if it, ok := detailItemNamed(a.available, a.pick.Selected); ok {
		a.list.add(it)
	}
}

func (a *detailAssistant) dirty() bool {
	if a.saved.User.ID == "" {
		return false
	}
	saved := make([]int64, len(a.saved.CallTemplates))
	for i, it := range a.saved.CallTemplates {
		saved[i] = it.ID
	}
	return !slices.Equal(saved, a.list.ids())
}

func (a *detailAssistant) discard() { a.show(a.saved) }

// save writes the ordered list through the rule.
func (a *detailAssistant) save() bool {
	if err := a.p.nimbus.SetCallTemplates(context.Background(), a.saved.User.ID, a.list.ids()); err != nil {
		detailShowProblem(a.bar.problem, err)
		return false
	}
	a.p.reload()
	return true
}
