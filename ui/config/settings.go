package config

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configSettings is the Tenant Settings screen: Interact, the Widget Key, the snippet
// template with a preview, the OU for users from Teams, the admin security group and the
// licence contingents with the number of users holding each licence.
type configSettings struct {
	cw     *configWindow
	choice widgets.OUChoices

	interact   *widget.Check
	widgetKey  *widget.Label
	regenerate *widget.Button
	template   *widget.Entry
	preview    *widget.Label
	defaultOU  *widgets.OUPicker
	adminGroup *widget.Entry
	saveBtn    *widget.Button
	status     *widget.Label

	contingents map[data.LicenceSet]*widget.Entry // empty: unlimited
	inUse       map[data.LicenceSet]*widget.Label
	loaded      map[data.LicenceSet]string // the contingents as read, to save only changes
}

func newConfigSettings(cw *configWindow) *configSettings { return &configSettings{cw: cw} }

func (s *configSettings) build() fyne.CanvasObject {
	s.interact = widget.NewCheck("Interact enabled for the tenant", s.onInteract)
	s.widgetKey = &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}}
	s.regenerate = &widget.Button{Text: "Regenerate…", OnTapped: s.onRegenerate}
	s.template = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapBreak, OnChanged: s.onTemplateChanged,
		TextStyle: fyne.TextStyle{Monospace: true}}
	s.template.ExtendBaseWidget(s.template)
	s.template.SetMinRowsVisible(4)
	s.preview = &widget.Label{Wrapping: fyne.TextWrapBreak, TextStyle: fyne.TextStyle{Monospace: true}}
	s.defaultOU = &widgets.OUPicker{PlaceHolder: "Organization unit"}
	s.adminGroup = &widget.Entry{PlaceHolder: "Entra ID security group"}
	s.saveBtn = &widget.Button{Text: "Save settings", Importance: widget.HighImportance, OnTapped: s.onSave}
	s.status = widgets.NewStatus()
	form := widget.NewForm(
		widget.NewFormItem("Interact", s.interact),
		widget.NewFormItem("Widget Key", container.NewBorder(nil, nil, nil, s.regenerate, s.widgetKey)),
		widget.NewFormItem("Snippet template", s.template),
		widget.NewFormItem("Preview", s.preview),
		widget.NewFormItem("OU for users from Teams", s.defaultOU),
		widget.NewFormItem("Tenant admin group", s.adminGroup))
	s.contingents, s.inUse = map[data.LicenceSet]*widget.Entry{}, map[data.LicenceSet]*widget.Label{}
	for _, l := range data.AllLicences {
		s.contingents[l] = &widget.Entry{PlaceHolder: "unlimited"}
		s.inUse[l] = &widget.Label{}
		item := widget.NewFormItem(l.String()+" licences", container.NewBorder(nil, nil, nil, s.inUse[l], s.contingents[l]))
		if l == data.AllLicences[0] {
			item.HintText = "How many users may hold the licence; empty for unlimited."
		}
		form.AppendItem(item)
	}
	s.reload()
	return container.NewVScroll(container.NewPadded(container.NewVBox(form, container.NewHBox(s.saveBtn), s.status)))
}

func (s *configSettings) reload() {
	set, err := s.cw.nimbus.ConfigTenantSettings(context.Background())
	if err != nil {
		widgets.ShowOutcome(s.status, err, "")
		return
	}
	s.choice = configLoadOUs(s.cw.nimbus, s.status)
	s.interact.OnChanged = nil
	s.interact.SetChecked(set.InteractEnabled)
	s.interact.OnChanged = s.onInteract
	s.widgetKey.SetText(set.WidgetKey)
	s.template.SetText(set.SnippetTemplate)
	s.onTemplateChanged(set.SnippetTemplate) // the key may have changed while the template did not
	s.defaultOU.SetChoices(s.choice)
	if path := s.choice.Path(set.DefaultTeamsOUID); path != "" {
		s.defaultOU.SetSelected(path)
	}
	s.adminGroup.SetText(set.AdminSecurityGroup)
	s.reloadContingents()
}

// reloadContingents shows each licence's contingent and how many users hold it.
func (s *configSettings) reloadContingents() {
	totals, err := s.cw.nimbus.LicenceTotals(context.Background())
	if err != nil {
		widgets.ShowOutcome(s.status, err, "")
		return
	}
	s.loaded = map[data.LicenceSet]string{}
	for _, t := range totals {
		text := ""
		if t.Limited {
			text = strconv.Itoa(t.Contingent)
		}
		s.loaded[t.Licence] = text
		s.contingents[t.Licence].SetText(text)
		s.inUse[t.Licence].SetText(app.Thousands(t.InUse) + " in use")
	}
}

// saveContingents applies the contingents the admin changed; the first refusal stops.
func (s *configSettings) saveContingents() error {
	ctx := context.Background()
	for _, l := range data.AllLicences {
		text := strings.TrimSpace(s.contingents[l].Text)
		if text == s.loaded[l] {
			continue
		}
		cmd := app.SetLicenceContingent{Licence: l, Unlimited: text == ""}
		if !cmd.Unlimited {
			n, err := strconv.Atoi(strings.ReplaceAll(text, ",", ""))
			if err != nil {
				return fmt.Errorf("the %s contingent must be a number of licences, or empty for unlimited (not %q)", l, text)
			}
			cmd.Contingent = n
		}
		if _, err := s.cw.nimbus.Do(ctx, cmd); err != nil {
			return err
		}
	}
	return nil
}

func (s *configSettings) onInteract(on bool) {
	state := map[bool]string{true: "enabled", false: "disabled"}[on]
	_, err := s.cw.nimbus.Do(context.Background(), app.ChangeTenantSettings{InteractEnabled: &on})
	widgets.ShowOutcome(s.status, err, "Interact "+state+" for the tenant.")
}

func (s *configSettings) onRegenerate() {
	s.cw.confirm("Regenerate the Widget Key",
		"Every user's Interact snippet changes with the key: web pages that embed the old snippets stop working until they are updated. Regenerate?",
		func() {
			_, err := s.cw.nimbus.Do(context.Background(), app.ChangeTenantSettings{RegenerateWidgetKey: true})
			if err == nil {
				s.reload()
			}
			widgets.ShowOutcome(s.status, err, "A new Widget Key was generated; copy the new snippets into your web pages.")
		})
}

func (s *configSettings) onTemplateChanged(text string) {
	preview, who, err := s.cw.nimbus.SnippetTemplatePreview(context.Background(), text)
	if err != nil {
		s.preview.Importance = widget.DangerImportance
		s.preview.SetText(err.Error())
		return
	}
	s.preview.Importance = widget.MediumImportance
	s.preview.SetText(fmt.Sprintf("For %s:\n%s", who, preview))
}

// onSave writes the template, the default OU and the admin group in one change, then
// the licence contingents; each is its own rule, so the first refusal stops and is shown.
func (s *configSettings) onSave() {
	ctx := context.Background()
	tmpl, group := s.template.Text, s.adminGroup.Text
	cmd := app.ChangeTenantSettings{SnippetTemplate: &tmpl, AdminSecurityGroup: &group}
	if id := s.choice.ID(s.defaultOU.Selected); id != 0 {
		cmd.DefaultTeamsOU = id
	}
	_, err := s.cw.nimbus.Do(ctx, cmd)
	if err == nil {
		err = s.saveContingents()
	}
	if err == nil {
		s.reloadContingents()
	}
	widgets.ShowOutcome(s.status, err, "Tenant settings saved.")
}
