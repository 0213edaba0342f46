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
	template   *configEntry
	preview    *widget.Label
	defaultOU  *widgets.OUPicker
	adminGroup *configEntry
	saveBtn    *widget.Button
	status     *widget.Label

	contingents map[data.LicenceSet]*configEntry // empty: unlimited
	inUse       map[data.LicenceSet]*widget.Label
	loaded      map[data.LicenceSet]string // the contingents as read, to save only changes

	// The settings as stored when last read or saved, to tell edits apart, and the
	// version a save is based on.
	savedTemplate, savedOU, savedGroup string
	version                            data.RowVersion
}

func newConfigSettings(cw *configWindow) *configSettings { return &configSettings{cw: cw} }

func (s *configSettings) build() fyne.CanvasObject {
	s.interact = widget.NewCheck("Interact enabled for the tenant", s.onInteract)
	s.widgetKey = &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}}
	s.regenerate = &widget.Button{Text: "Regenerate…", OnTapped: s.onRegenerate}
	s.template = newConfigEntry(s.cw.saveShown, "")
	s.template.MultiLine, s.template.Wrapping, s.template.OnChanged = true, fyne.TextWrapBreak, s.onTemplateChanged
	s.template.TextStyle = fyne.TextStyle{Monospace: true}
	s.template.SetMinRowsVisible(4)
	s.preview = &widget.Label{Wrapping: fyne.TextWrapBreak, TextStyle: fyne.TextStyle{Monospace: true}}
	s.defaultOU = &widgets.OUPicker{PlaceHolder: "Organization unit"}
	s.adminGroup = newConfigEntry(s.cw.saveShown, "Entra ID security group")
	s.saveBtn = &widget.Button{Text: "Save settings", Importance: widget.HighImportance, OnTapped: s.onSave}
	s.status = widgets.NewStatus()
	form := widget.NewForm(
		widget.NewFormItem("Interact", s.interact),
		widget.NewFormItem("Widget Key", container.NewBorder(nil, nil, nil, s.regenerate, s.widgetKey)),
		widget.NewFormItem("Snippet template", s.template),
		widget.NewFormItem("Preview", s.preview),
		widget.NewFormItem("OU for users from Teams", s.defaultOU),
		widget.NewFormItem("Tenant admin group", s.adminGroup))
	s.contingents, s.inUse = map[data.LicenceSet]*configEntry{}, map[data.LicenceSet]*widget.Label{}
	for _, l := range data.AllLicences {
		s.contingents[l] = newConfigEntry(s.cw.saveShown, "unlimited")
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

// reload reads the settings again when the screen is shown; pending edits stay on
// screen (Save or Discard shows the settings as stored), only the counts follow.
func (s *configSettings) reload() {
	if s.pending() != "" {
		s.reloadContingents(false)
		return
	}
	s.load()
}

// load shows the settings as stored, dropping any edit.
func (s *configSettings) load() {
	ctx := context.Background()
	version, err := s.cw.nimbus.RowVersion(ctx, "tenant", "") // before the settings: see RowVersion
	if err != nil {
		widgets.ShowResult(s.status, err, "")
		return
	}
	set, err := s.cw.nimbus.ConfigTenantSettings(ctx)
	if err != nil {
		widgets.ShowResult(s.status, err, "")
		return
	}
	s.version = version
	s.choice = configLoadOUs(s.cw.nimbus, s.status)
	s.interact.OnChanged = nil
	s.interact.SetChecked(set.InteractEnabled)
	s.interact.OnChanged = s.onInteract
	s.widgetKey.SetText(set.WidgetKey)
	s.template.SetText(set.SnippetTemplate)
	s.onTemplateChanged(set.SnippetTemplate) // the key may have changed while the template did not
	s.defaultOU.SetChoices(s.choice)
	s.defaultOU.ClearSelected()
	if path := s.choice.Path(set.DefaultTeamsOUID); path != "" {
		s.defaultOU.SetSelected(path)
	}
	s.adminGroup.SetText(set.AdminSecurityGroup)
	s.savedTemplate, s.savedOU, s.savedGroup = s.template.Text, s.defaultOU.Selected, s.adminGroup.Text
	s.reloadContingents(true)
}

// reloadContingents shows how many users hold each licence and, with fill, each
// licence's contingent as stored.
func (s *configSettings) reloadContingents(fill bool) {
	totals, err := s.cw.nimbus.LicenceTotals(context.Background())
	if err != nil {
		widgets.ShowResult(s.status, err, "")
		return
	}
	if fill {
		s.loaded = map[data.LicenceSet]string{}
	}
	for _, t := range totals {
		s.inUse[t.Licence].SetText(app.Thousands(t.InUse) + " in use")
		if !fill {
			continue
		}
		text := ""
		if t.Limited {
			text = strconv.Itoa(t.Contingent)
		}
		s.loaded[t.Licence] = text
		s.contingents[t.Licence].SetText(text)
	}
}

// pending names the tenant settings when the template, the OU for users from Teams, the
// admin group or a contingent differs from what is stored.
func (s *configSettings) pending() string {
	if s.template == nil || s.loaded == nil {
		return ""
	}
	same := s.template.Text == s.savedTemplate && s.defaultOU.Selected == s.savedOU && s.adminGroup.Text == s.savedGroup
	for _, l := range data.AllLicences {
		same = same && strings.TrimSpace(s.contingents[l].Text) == s.loaded[l]
	}
	if same {
		return ""
	}
	return "the tenant settings"
}

// discard shows the settings as stored again.
func (s *configSettings) discard() {
	s.load()
	s.status.SetText("")
}

// adoptVersion takes the version the admin's own accepted change left, so that pending
// edits stay based on it: what they saw is still what is stored, plus their change.
func (s *configSettings) adoptVersion() {
	if v, err := s.cw.nimbus.RowVersion(context.Background(), "tenant", ""); err == nil {
		s.version = v
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
		cmd.Base = app.BasedOn(s.version)
		if _, err := s.cw.nimbus.Do(ctx, cmd); err != nil {
			return err
		}
		s.loaded[l] = text
		s.adoptVersion()
	}
	return nil
}

func (s *configSettings) onInteract(on bool) {
	state := map[bool]string{true: "enabled", false: "disabled"}[on]
	_, err := s.cw.nimbus.Do(context.Background(), app.ChangeTenantSettings{Base: app.BasedOn(s.version), InteractEnabled: &on})
	if err == nil {
		s.adoptVersion()
	} else {
		s.interact.OnChanged = nil
		s.interact.SetChecked(!on)
		s.interact.OnChanged = s.onInteract
	}
	widgets.ShowResult(s.status, err, "Interact "+state+" for the tenant.")
}

func (s *configSettings) onRegenerate() {
	s.cw.confirm("Regenerate the Widget Key",
		"Every user's Interact snippet changes with the key: web pages that embed the old snippets stop working until they are updated. Regenerate?",
		func() {
			ctx := context.Background()
			_, err := s.cw.nimbus.Do(ctx, app.ChangeTenantSettings{Base: app.BasedOn(s.version), RegenerateWidgetKey: true})
			if err == nil { // the new key shows; edits to the other settings stay pending
				s.adoptVersion()
				if set, err := s.cw.nimbus.ConfigTenantSettings(ctx); err == nil {
					s.widgetKey.SetText(set.WidgetKey)
				}
				s.onTemplateChanged(s.template.Text)
			}
			widgets.ShowResult(s.status, err, "A new Widget Key was generated; copy the new snippets into your web pages.")
		})
}

func (s *configSettings) onTemplateChanged(text string) {
	preview, who, err := s.cw.nimbus.SnippetTemplatePreview(context.Background(), text)
	if err != nil {
		s.preview.Importance = widget.DangerImportance
		s.preview.SetText(widgets.Sentence(err.Error()))
		return
	}
	s.preview.Importance = widget.MediumImportance
	s.preview.SetText(fmt.Sprintf("For %s:\n%s", who, preview))
}

func (s *configSettings) onSave() { s.save() }

// save writes the template, the default OU and the admin group in one change based on
// the version shown, then the licence contingents; each is its own rule, so the first
// refusal stops and is shown, and what was not saved stays pending.
func (s *configSettings) save() bool {
	ctx := context.Background()
	tmpl, group, ou := s.template.Text, s.adminGroup.Text, s.defaultOU.Selected
	cmd := app.ChangeTenantSettings{Base: app.BasedOn(s.version), SnippetTemplate: &tmpl, AdminSecurityGroup: &group}
	if id := s.choice.ID(ou); id != 0 {
		cmd.DefaultTeamsOU = id
	}
	_, err := s.cw.nimbus.Do(ctx, cmd)
	if err == nil {
		s.savedTemplate, s.savedGroup, s.savedOU = tmpl, group, ou
		s.adoptVersion()
		err = s.saveContingents()
	}
	if err == nil {
		s.reloadContingents(false)
	}
	widgets.ShowResult(s.status, err, "Tenant settings saved.")
	return err == nil
}
