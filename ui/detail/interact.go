package detail

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailInteract is the Interact tab: the user's Interact settings (a draft until Save)
// and their widget snippet with Copy and Preview.
type detailInteract struct {
	p *Pane

	tenantOff                     *widget.Label
	active, audioVideo, messaging *detailEscCheck
	systemMessage                 *detailEscSelect
	systemMessageWhy              *widget.Label
	restrict                      *detailEscCheck
	restrictWhy                   *widget.Label
	template                      *detailEscSelect
	snippet                       *widget.Label
	copyBtn, previewBtn           *widget.Button
	copied                        *widget.Label
	bar                           *detailSaveBar

	saved   app.UserDetail
	options app.DetailInteractOptions
	loading bool
	preview dialog.Dialog
}

const detailNone = "(none)"

func newDetailInteract(p *Pane) *detailInteract {
	ia := &detailInteract{p: p}
	changed := func(bool) { ia.changed() }
	messagingChanged := func(bool) {
		ia.followMessaging()
		ia.changed()
	}
	ia.tenantOff = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance,
		Text: "Interact is off for this tenant: these settings are kept, but no widget works until a Tenant Administrator switches Interact on (Configuration > Tenant > Interact)."}
	ia.active = newDetailEscCheck("Active", changed, detailInteractRevert(ia, func(c *app.InteractChange) *bool { return &c.Active }))
	ia.audioVideo = newDetailEscCheck("Audio & Video", changed, detailInteractRevert(ia, func(c *app.InteractChange) *bool { return &c.AudioVideo }))
	ia.messaging = newDetailEscCheck("Instant Messaging", messagingChanged, detailInteractRevert(ia, func(c *app.InteractChange) *bool { return &c.InstantMessaging }))
	ia.systemMessage = newDetailEscSelect(func(string) { ia.changed() }, detailInteractRevert(ia, func(c *app.InteractChange) *int64 { return &c.DirectSystemMessageID }))
	ia.systemMessageWhy = widgets.Note("")
	ia.restrict = newDetailEscCheck("Restrict Access to the web sites of a domain template", changed,
		detailInteractRevert(ia, func(c *app.InteractChange) *bool { return &c.RestrictAccess }))
	ia.restrictWhy = widgets.Note("")
	ia.template = newDetailEscSelect(func(string) { ia.changed() }, detailInteractRevert(ia, func(c *app.InteractChange) *int64 { return &c.DomainTemplateID }))
	ia.snippet = &widget.Label{Selectable: true, Wrapping: fyne.TextWrapBreak, TextStyle: fyne.TextStyle{Monospace: true}}
	ia.copyBtn = &widget.Button{Text: "Copy", Importance: widget.HighImportance, OnTapped: ia.onCopy}
	ia.previewBtn = &widget.Button{Text: "Preview", OnTapped: ia.onPreview}
	ia.copied = widgets.NewResult()
	ia.bar = newDetailSaveBar(func() { ia.save(func(error) {}) }, ia.discard)
	return ia
}

func (ia *detailInteract) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Direct System Messages", container.NewVBox(ia.systemMessage, ia.systemMessageWhy)),
		widget.NewFormItem("Domain Template", ia.template),
	)
	return ia.bar.around(container.NewVBox(
		ia.tenantOff,
		container.NewHBox(ia.active, ia.audioVideo, ia.messaging),
		form,
		ia.restrict, ia.restrictWhy,
		widget.NewSeparator(),
		widgets.Heading("User Snippet"),
		widgets.Note("Paste it into a web page to let visitors reach this user. Its Contact ID belongs to this user and the Widget Key to the tenant: do not mix snippets up."),
		ia.snippet,
		container.NewHBox(ia.copyBtn, ia.previewBtn, ia.copied),
	))
}

func (ia *detailInteract) show(d app.UserDetail) {
	ia.saved = d
	ia.copied.SetText("")
	var err error
	ia.options = app.DetailInteractOptions{TenantEnabled: true}
	if d.User.Licences.Has(data.Interact | data.ContactCenter) {
		if ia.options, err = ia.p.nimbus.InteractOptions(context.Background(), d.User.ID); err != nil {
			widgets.ShowProblem(ia.bar.problem, err)
		}
	}
	if ia.options.TenantEnabled {
		ia.tenantOff.Hide()
	} else {
		ia.tenantOff.Show()
	}
	ia.systemMessage.Options = append([]string{detailNone}, detailNames(ia.options.SystemMessages)...)
	ia.template.Options = append([]string{detailNone}, detailNames(ia.options.DomainTemplates)...)
	ia.explain(ia.systemMessage, ia.systemMessageWhy, ia.options.SystemMessagesBlocked)
	ia.explain(ia.template, ia.restrictWhy, ia.options.RestrictAccessBlocked)
	if ia.options.RestrictAccessBlocked != "" {
		ia.restrict.Disable()
	} else {
		ia.restrict.Enable()
	}
	ia.set(detailSavedInteract(d))
	ia.snippet.SetText(d.Snippet)
	switch _, refused := ia.p.nimbus.UserSnippet(context.Background(), d.User.ID); {
	case d.Snippet == "":
		ia.snippet.SetText("No Contact ID yet: save these settings once to create this user's snippet.")
		ia.copyBtn.Disable()
		ia.previewBtn.Disable()
	case refused != nil: // the rule of `user snippet`: no snippet is handed out that cannot work
		ia.copyBtn.Disable()
		ia.previewBtn.Enable()
		ia.copied.Importance = widget.MediumImportance // a reason: readable, not a warning colour
		ia.copied.SetText(widgets.Sentence(refused.Error()))
	default:
		ia.copyBtn.Enable()
		ia.previewBtn.Enable()
	}
	widgets.ShowProblem(ia.bar.problem, nil)
	ia.bar.setDirty(ia.dirty())
	ia.p.markDirty()
}

// set shows settings in the controls without counting it as an edit.
func (ia *detailInteract) set(s app.InteractChange) {
	ia.loading = true
	ia.active.SetChecked(s.Active)
	ia.audioVideo.SetChecked(s.AudioVideo)
	ia.messaging.SetChecked(s.InstantMessaging)
	ia.restrict.SetChecked(s.RestrictAccess)
	ia.systemMessage.SetSelected(detailNameOf(ia.options.SystemMessages, s.DirectSystemMessageID))
	ia.template.SetSelected(detailNameOf(ia.options.DomainTemplates, s.DomainTemplateID))
	ia.followMessaging()
	ia.loading = false
}

// detailSavedInteract is a user's saved Interact settings as a change would set them.
func detailSavedInteract(d app.UserDetail) app.InteractChange {
	s := data.InteractSettings{}
	if d.Interact != nil {
		s = *d.Interact
	}
	return app.InteractChange{Active: s.Active, AudioVideo: s.AudioVideo, InstantMessaging: s.InstantMessaging,
		DirectSystemMessageID: s.DirectSystemMessageID, RestrictAccess: s.RestrictAccess, DomainTemplateID: s.DomainTemplateID}
}

// followMessaging offers a direct system message only while Instant Messaging is on, the
// rule SetInteract applies; turning Instant Messaging off clears the choice.
func (ia *detailInteract) followMessaging() {
	if ia.options.SystemMessagesBlocked != "" {
		return // explain already disabled the choice: there is nothing to offer
	}
	if ia.messaging.Checked {
		ia.explain(ia.systemMessage, ia.systemMessageWhy, "")
		return
	}
	ia.systemMessage.SetSelected(detailNone)
	ia.explain(ia.systemMessage, ia.systemMessageWhy, "Off: "+app.SystemMessageNeedsIM+".")
}

// explain disables a choice that has nothing to offer and says why, in the rule's words.
func (ia *detailInteract) explain(s fyne.Disableable, why *widget.Label, blocked string) {
	why.SetText(blocked)
	if blocked == "" {
		why.Hide()
		s.Enable()
		return
	}
	why.Show()
	s.Disable()
}

func detailNames(items []data.AssignableItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Name
	}
	return out
}

func detailNameOf(items []data.AssignableItem, id int64) string {
	for _, it := range items {
		if it.ID == id {
			return it.Name
		}
	}
	return detailNone
}

func detailIDOf(items []data.AssignableItem, name string) int64 {
	if it, ok := detailItemNamed(items, name); ok {
		return it.ID
	}
	return 0
}

// draft is the change the controls describe now.
func (ia *detailInteract) draft() app.InteractChange {
	return app.InteractChange{
		Active: ia.active.Checked, AudioVideo: ia.audioVideo.Checked, InstantMessaging: ia.messaging.Checked,
		DirectSystemMessageID: detailIDOf(ia.options.SystemMessages, ia.systemMessage.Selected),
		RestrictAccess:        ia.restrict.Checked,
		DomainTemplateID:      detailIDOf(ia.options.DomainTemplates, ia.template.Selected),
	}
}

func (ia *detailInteract) changed() {
	if ia.loading {
		return
	}
	ia.bar.setDirty(ia.dirty())
	widgets.ShowProblem(ia.bar.problem, nil)
	ia.p.draftEdited(app.TabInteract)
}

func (ia *detailInteract) discard() { ia.show(ia.saved) }

// save writes the settings through the rule; a refusal keeps the draft.
func (ia *detailInteract) save(done func(error)) {
	based := ia.saved.Version
	out, err := ia.p.nimbus.Do(context.Background(), app.SetInteract{Base: app.BasedOn(based), User: ia.saved.User.ID,
		Settings: ia.draft()})
	if err != nil {
		widgets.ShowProblem(ia.bar.problem, err)
		done(err)
		return
	}
	ia.p.changed(based, out, ia)
	done(nil)
}

// onCopy puts exactly the snippet on the system clipboard and says so.
func (ia *detailInteract) onCopy() {
	fyne.CurrentApp().Clipboard().SetContent(ia.saved.Snippet)
	widgets.ShowResult(ia.copied, nil, "Copied to the clipboard.")
}

// onPreview shows what the widget renders for a visitor, and its markup.
func (ia *detailInteract) onPreview() {
	markup := app.SnippetPreview(ia.saved, ia.options.TenantEnabled)
	state := app.SnippetWidgetState(ia.saved.Interact, ia.options.TenantEnabled)
	code := &widget.Label{Text: markup, Selectable: true, TextStyle: fyne.TextStyle{Monospace: true}, Wrapping: fyne.TextWrapBreak}
	ia.preview = widgets.NewClosable(ia.p.win, "Preview of "+ia.saved.User.DisplayName+"'s widget", "Close",
		container.NewVBox(widgets.Note("State: "+state+"."), widgets.Heading("Rendered widget markup"), code))
	ia.preview.Resize(fyne.NewSize(620, 360))
	ia.preview.Show()
}
