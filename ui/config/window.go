// Package config is the Configuration window: the OU tree, the services, the catalogues
// an admin builds before anything can be assigned, the custom roles and the tenant
// settings, each changed through a rule of package app.
package config

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

// Show opens the Configuration window: the OU tree, the catalogues an admin
// builds before anything can be assigned (skills, profiles, N/A reasons, Interact and
// Assistant items, custom roles) and the tenant settings. Services live in their own
// screen.
func Show(a fyne.App, nimbus *app.App) fyne.Window {
	w := a.NewWindow("Nimbus Admin — Configuration")
	w.SetContent(newConfigWindow(w, nimbus).build())
	w.Resize(fyne.NewSize(1180, 760))
	w.Show()
	return w
}

// configWindow holds the screens of the Configuration window; they share the session and
// a way to ask for confirmation (replaced in tests).
type configWindow struct {
	win     fyne.Window
	nimbus  *app.App
	confirm func(title, message string, ok func())

	ous        *configOUEditor
	catalogues map[data.ConfigKind]*configCatalogue
	roles      *configRoleEditor
	settings   *configSettings
	tabs       *container.AppTabs
	banner     *widget.Label // what the acting admin may change, when not everything
}

func newConfigWindow(w fyne.Window, nimbus *app.App) *configWindow {
	c := &configWindow{win: w, nimbus: nimbus, catalogues: map[data.ConfigKind]*configCatalogue{}}
	c.confirm = func(title, message string, ok func()) {
		dialog.ShowConfirm(title, message, func(yes bool) {
			if yes {
				ok()
			}
		}, w)
	}
	return c
}

func (c *configWindow) build() fyne.CanvasObject {
	c.ous = newConfigOUEditor(c)
	for _, k := range data.ConfigKinds {
		if k != data.ConfigCustomRoles {
			c.catalogues[k] = newConfigCatalogue(c, k)
		}
	}
	c.roles = newConfigRoleEditor(c)
	c.settings = newConfigSettings(c)
	reloads := map[*container.TabItem]func(){}
	tab := func(title string, content fyne.CanvasObject, reload func()) *container.TabItem {
		item := container.NewTabItem(title, content)
		reloads[item] = reload
		return item
	}
	catalogue := func(title string, k data.ConfigKind) *container.TabItem {
		return tab(title, c.catalogues[k].build(), c.catalogues[k].reload)
	}
	skills := container.NewAppTabs(
		catalogue("Skill Categories", data.ConfigSkillCategories),
		catalogue("Skills", data.ConfigSkills),
		catalogue("Responsibility Profiles", data.ConfigProfiles))
	interact := container.NewAppTabs(
		catalogue("Domain Templates (CORS)", data.ConfigDomainTemplates),
		catalogue("Direct System Messages", data.ConfigSystemMessages))
	c.tabs = container.NewAppTabs(
		tab("Organization Units", c.ous.build(), c.ous.reload),
		configServicesTab(c, tab),
		tab("Skills & Profiles", skills, func() { reloads[skills.Selected()]() }),
		catalogue("N/A Reasons", data.ConfigNAReasons),
		tab("Interact", interact, func() { reloads[interact.Selected()]() }),
		catalogue("Direct Call Templates", data.ConfigCallTemplates),
		tab("Custom Roles", c.roles.build(), c.roles.reload),
		tab("Tenant Settings", c.settings.build(), c.settings.reload))
	c.tabs.SetTabLocation(container.TabLocationLeading)
	// Each screen is read again when it is shown, so that where-used counts and OU
	// pickers follow changes made on another screen.
	onSelected := func(item *container.TabItem) { reloads[item]() }
	c.tabs.OnSelected, skills.OnSelected, interact.OnSelected = onSelected, onSelected, onSelected
	return container.NewBorder(c.rightsBanner(), nil, nil, nil, c.tabs)
}

// rightsBanner says, above every screen, who acts and what they may change, so that a
// refused change never comes as a surprise; a Tenant Administrator sees no banner.
func (c *configWindow) rightsBanner() fyne.CanvasObject {
	r, err := c.nimbus.Rights(context.Background())
	text := ""
	switch {
	case err != nil:
		text = "Cannot tell what you may change: " + err.Error()
	case r.Level != app.TenantAdministrator || r.FirstUse:
		text = r.Headline()
	}
	banner := &widget.Label{Text: text, Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord}
	if text == "" {
		banner.Hide()
	}
	c.banner = banner
	return banner
}

// configLoadOUs loads the OU tree for a picker; on failure the picker is empty and the
// status says why.
func configLoadOUs(nimbus *app.App, status *widget.Label) widgets.OUChoices {
	tree, err := nimbus.OUTree(context.Background())
	if err != nil {
		widgets.ShowOutcome(status, err, "")
		return widgets.NewOUChoices(nil)
	}
	return widgets.NewOUChoices(tree)
}
