package detail

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailGeneral is the General tab: the directory facts (read-only), the OU and the
// licences. The OU and licences are a draft until Save.
type detailGeneral struct {
	p *Pane

	displayName, givenName, surname, upn, o365ID *widget.Label
	ou                                           *widget.Label
	changeOU                                     *widget.Button
	licences                                     map[data.LicenceSet]*widget.Check
	bar                                          *detailSaveBar

	saved      app.UserDetail
	draftOU    int64
	draftLic   data.LicenceSet
	loading    bool
	ouDialog   dialog.Dialog
	ouSelected int64
	dropAsk    *dialog.ConfirmDialog // "Saving ends …": open while the admin decides
}

func newDetailGeneral(p *Pane) *detailGeneral {
	g := &detailGeneral{p: p, licences: map[data.LicenceSet]*widget.Check{}}
	field := func() *widget.Label { return &widget.Label{Selectable: true, Truncation: fyne.TextTruncateEllipsis} }
	g.displayName, g.givenName, g.surname, g.upn, g.o365ID = field(), field(), field(), field(), field()
	g.ou = &widget.Label{Wrapping: fyne.TextWrapWord}
	g.changeOU = &widget.Button{Text: "Change…", OnTapped: g.onChangeOU}
	for _, l := range data.AllLicences {
		l := l
		g.licences[l] = &widget.Check{Text: l.String(), OnChanged: func(on bool) { g.onLicenceChanged(l, on) }}
	}
	g.bar = newDetailSaveBar(g.onSave, g.discard)
	return g
}

func (g *detailGeneral) object() fyne.CanvasObject {
	dir := widget.NewForm(
		widget.NewFormItem("Display name", g.displayName),
		widget.NewFormItem("First name", g.givenName),
		widget.NewFormItem("Last name", g.surname),
		widget.NewFormItem("UPN", g.upn),
		widget.NewFormItem("O365 ID", g.o365ID),
	)
	lic := container.NewGridWithColumns(2)
	for _, l := range data.AllLicences {
		lic.Add(g.licences[l])
	}
	return g.bar.around(container.NewVBox(
		widgets.Heading("From the directory"),
		dir,
		widgets.Note("These details come from the tenant's directory (Entra ID). Nimbus never changes them: edit them in Entra ID and they arrive with the next sync."),
		widget.NewSeparator(),
		widgets.Heading("Organization unit"),
		container.NewBorder(nil, nil, nil, g.changeOU, g.ou),
		widgets.Note("The OU decides what the user sees in Nimbus and which skills, profiles and templates can be assigned to them."),
		widget.NewSeparator(),
		widgets.Heading("Licences"),
		lic,
	))
}

// show fills the tab with a freshly loaded user; any draft of the previous one is gone
// (the pane asked about it before).
func (g *detailGeneral) show(d app.UserDetail) {
	g.saved = d
	g.draftOU, g.draftLic = d.User.OUID, d.User.Licences
	u := d.User
	g.displayName.SetText(u.DisplayName)
	g.givenName.SetText(u.GivenName)
	g.surname.SetText(u.Surname)
	g.upn.SetText(u.UPN)
	g.o365ID.SetText(u.ID)
	widgets.ShowProblem(g.bar.problem, nil)
	g.refresh()
}

// refresh shows the draft.
func (g *detailGeneral) refresh() {
	g.loading = true
	for l, c := range g.licences {
		c.SetChecked(g.draftLic.Has(l))
	}
	g.loading = false
	ouText := g.saved.OUPath
	if g.draftOU != g.saved.User.OUID {
		tree, err := g.p.nimbus.OUTree(context.Background())
		if err == nil {
			ouText = g.saved.OUPath + "  →  " + tree.Path(g.draftOU) + "  (not saved yet)"
		}
	}
	g.ou.SetText(ouText)
	g.bar.setDirty(g.dirty())
	g.p.markDirty()
}

func (g *detailGeneral) dirty() bool {
	return g.saved.User.ID != "" && (g.draftOU != g.saved.User.OUID || g.draftLic != g.saved.User.Licences)
}

func (g *detailGeneral) discard() {
	g.draftOU, g.draftLic = g.saved.User.OUID, g.saved.User.Licences
	widgets.ShowProblem(g.bar.problem, nil)
	g.refresh()
}

func (g *detailGeneral) onLicenceChanged(l data.LicenceSet, on bool) {
	if g.loading {
		return
	}
	if on {
		g.draftLic |= l
	} else {
		g.draftLic &^= l
	}
	g.refresh()
}

// chooseOU puts another OU in the draft.
func (g *detailGeneral) chooseOU(id int64) {
	g.draftOU = id
	g.refresh()
}

func (g *detailGeneral) onSave() { g.save() }

// save applies the licences and then the OU, each through its rule; what a rule refuses
// stays in the draft with the rule's message beside Save. When revoking a licence would
// end what needs it, or the new OU would leave items assigned from outside its path, the
// admin is asked first, with the list, and the draft waits for the answer.
func (g *detailGeneral) save() bool {
	ctx := context.Background()
	id := g.saved.User.ID
	var ends []string
	if revoke := g.saved.User.Licences &^ g.draftLic; revoke != 0 {
		deps, err := g.p.nimbus.LicenceDependents(ctx, id, revoke)
		if err != nil {
			widgets.ShowProblem(g.bar.problem, err)
			return false
		}
		for _, d := range deps {
			ends = append(ends, "end: "+d.What)
		}
	}
	if g.draftOU != g.saved.User.OUID {
		out, err := g.p.nimbus.OutOfScope(ctx, id, g.draftOU)
		if err != nil {
			widgets.ShowProblem(g.bar.problem, err)
			return false
		}
		for _, it := range out {
			ends = append(ends, "remove (outside the new OU): "+it.String())
		}
	}
	if len(ends) == 0 {
		return g.commit(false)
	}
	msg := "Saving " + g.saved.User.DisplayName + "'s General tab also does this:\n\n• " + strings.Join(ends, "\n• ")
	g.dropAsk = dialog.NewConfirm("Save and end what depends on it?", msg, func(ok bool) {
		g.dropAsk = nil
		if ok {
			g.commit(true)
		}
	}, g.p.win)
	g.dropAsk.SetConfirmText("Save and do it")
	g.dropAsk.SetDismissText("Keep editing")
	g.dropAsk.Show()
	return false
}

// commit writes the draft; drop ends what depended on a revoked licence and removes what
// the new OU leaves out of scope, in the same changes.
func (g *detailGeneral) commit(drop bool) bool {
	ctx := context.Background()
	id := g.saved.User.ID
	wantOU, wantLic, had := g.draftOU, g.draftLic, g.saved.User.Licences
	var err error
	if wantLic != had {
		_, err = g.p.nimbus.Do(ctx, app.ChangeLicences{Base: app.BasedOn(g.saved.Version), User: id,
			Grant: wantLic &^ had, Revoke: had &^ wantLic, DropDependent: drop})
	}
	if err == nil && wantOU != g.saved.User.OUID {
		move := app.MoveUser{User: id, OU: wantOU, DropOutOfScope: drop}
		if wantLic == had { // the first change of this Save: it carries what the admin saw
			move.Base = app.BasedOn(g.saved.Version)
		}
		_, err = g.p.nimbus.Do(ctx, move)
	}
	g.p.reload()
	if err != nil {
		g.draftOU, g.draftLic = wantOU, wantLic
		g.refresh()
		widgets.ShowProblem(g.bar.problem, err)
		return false
	}
	return true
}

// onChangeOU opens the OU picker: the tree of OUs, all open, the current one highlighted,
// under a type-ahead entry; Enter or Choose takes the highlighted one.
func (g *detailGeneral) onChangeOU() {
	tree, err := g.p.nimbus.OUTree(context.Background())
	if err != nil {
		widgets.ShowProblem(g.bar.problem, err)
		return
	}
	g.ouSelected = g.draftOU
	picker := widgets.NewOUFinder(tree, g.draftOU)
	picker.OnHighlighted = func(id int64) { g.ouSelected = id }
	picker.OnPicked = func(int64) { g.ouDialog.Hide(); g.chooseOU(g.ouSelected) }
	picker.OnCancelled = func() { g.ouDialog.Hide() }
	g.ouDialog = dialog.NewCustomConfirm("Organization unit of "+g.saved.User.DisplayName, "Choose", "Cancel", picker, func(ok bool) {
		if ok && g.ouSelected != 0 {
			g.chooseOU(g.ouSelected)
		}
	}, g.p.win)
	g.ouDialog.Resize(fyne.NewSize(420, 460))
	g.ouDialog.Show()
	g.p.win.Canvas().Focus(picker.Search)
}
