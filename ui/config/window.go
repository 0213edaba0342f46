// Package config is the Configuration window: the OU tree, the services, the catalogues
// an admin builds before anything can be assigned, the custom roles and the tenant
// settings, each changed through a rule of package app.
package config

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// Window is the open Configuration window; the main window asks it about its unsaved
// edits before Nimbus Admin closes.
type Window struct {
	fyne.Window
	c *configWindow
}

// Show opens the Configuration window: the OU tree, the catalogues an admin
// builds before anything can be assigned (skills, profiles, N/A reasons, Interact and
// Assistant items, custom roles) and the tenant settings. Services live in their own
// screen.
func Show(a fyne.App, nimbus *app.App) *Window {
	w := a.NewWindow("Nimbus Admin — Configuration")
	c := newConfigWindow(w, nimbus)
	w.SetContent(c.build())
	w.Resize(configDefaultSize)
	w.SetCloseIntercept(c.requestClose)
	w.Show()
	return &Window{Window: w, c: c}
}

// OnShowRoleHolders lets the Custom Roles screen show a role's holders in the user list
// ("Show them in the user list"), where a long list of people belongs.
func (w *Window) OnShowRoleHolders(show func(role string)) {
	w.c.showRoleHolders = show
	if w.c.roles.holders != nil && w.c.roles.holders.inList != nil {
		w.c.roles.holders.show(w.c.roles.holders.role, w.c.roles.holders.name)
	}
}

// BeforeLeaving runs next at once when no screen holds unsaved edits; otherwise it shows
// the window and asks first (Save, Discard, Keep editing), running next only after Save
// or Discard. why ends the question: "before closing Nimbus Admin".
func (w *Window) BeforeLeaving(why string, next func()) {
	w.c.beforeLeaving(w.c.builtDrafts(), why, next, func() {
		w.c.showPending()
		w.RequestFocus()
	})
}

// configWindow holds the screens of the Configuration window; they share the session and
// a way to ask for confirmation (replaced in tests).
type configWindow struct {
	win     fyne.Window
	nimbus  *app.App
	confirm func(title, message string, ok func())
	close   func() // closes the window once the admin has answered for their edits (replaced in tests)

	// showRoleHolders shows the users holding a role in the main window's list; nil
	// when the window was opened without one.
	showRoleHolders func(role string)

	ous        *configOUEditor
	services   *configServicesScreen
	catalogues map[data.ConfigKind]*configCatalogue
	roles      *configRoleEditor
	settings   *configSettings
	tabs       *container.AppTabs
	banner     *widget.Label // what the acting admin may change, when not everything

	screens   []*configScreen // in the order of the tabs
	shown     *configScreen   // the screen in view
	switching bool            // set while a tab is selected again after Keep editing
	ask       *configAsk      // the open question about unsaved changes, if any
}

// configScreen is one screen of the window: its tab (inside a group's tabs for the
// catalogues grouped under one title), how it is built (when first shown: the window
// opens without reading the screens it does not show), how it reads everything again
// when shown again, and its pending edits.
type configScreen struct {
	item    *container.TabItem
	outer   *container.TabItem // the window's tab holding it; item itself when not grouped
	group   *container.AppTabs // the group's tabs; nil when not grouped
	content *fyne.Container    // holds the screen once built
	build   func() fyne.CanvasObject
	reload  func()
	draft   configDraft // nil for a screen that keeps no edits
}

// ensureBuilt builds a screen the first time it is shown and tells whether it did; a
// screen built reads everything as it builds, so it need not be read again.
func (s *configScreen) ensureBuilt() bool {
	if len(s.content.Objects) > 0 {
		return false
	}
	s.content.Objects = []fyne.CanvasObject{s.build()}
	s.content.Refresh()
	return true
}

func newConfigWindow(w fyne.Window, nimbus *app.App) *configWindow {
	c := &configWindow{win: w, nimbus: nimbus, catalogues: map[data.ConfigKind]*configCatalogue{}, close: w.Close}
	c.confirm = func(title, message string, ok func()) {
		// Every confirmation here deletes, removes or replaces something: Esc answers
		// no, and Enter does nothing.
		widgets.NewRemoval(w, title, message, title, func(yes bool) {
			if yes {
				ok()
			}
		}).Show()
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
	c.services = newConfigServices(c)
	screen := func(title string, build func() fyne.CanvasObject, reload func(), draft configDraft) *container.TabItem {
		s := &configScreen{content: container.NewStack(), build: build, reload: reload, draft: draft}
		s.item = container.NewTabItem(title, s.content)
		s.outer = s.item
		c.screens = append(c.screens, s)
		return s.item
	}
	catalogue := func(title string, k data.ConfigKind) *container.TabItem {
		return screen(title, c.catalogues[k].build, c.catalogues[k].reload, c.catalogues[k])
	}
	group := func(title string, items ...*container.TabItem) *container.TabItem {
		tabs := container.NewAppTabs(items...)
		outer := container.NewTabItem(title, tabs)
		for _, s := range c.screens {
			for _, it := range items {
				if s.item == it {
					s.outer, s.group = outer, tabs
				}
			}
		}
		tabs.OnSelected = func(*container.TabItem) { c.onScreenSelected() }
		return outer
	}
	c.tabs = container.NewAppTabs(
		screen("Organization Units", c.ous.build, c.ous.reload, c.ous),
		screen("Services", c.services.build, c.services.reload, c.services),
		group("Skills & Profiles",
			catalogue("Skill Categories", data.ConfigSkillCategories),
			catalogue("Skills", data.ConfigSkills),
			catalogue("Responsibility Profiles", data.ConfigProfiles)),
		catalogue("N/A Reasons", data.ConfigNAReasons),
		group("Interact",
			catalogue("Domain Templates (CORS)", data.ConfigDomainTemplates),
			catalogue("Direct System Messages", data.ConfigSystemMessages)),
		catalogue("Direct Call Templates", data.ConfigCallTemplates),
		screen("Custom Roles", c.roles.build, c.roles.reload, c.roles),
		screen("Tenant Settings", c.settings.build, c.settings.reload, c.settings))
	c.tabs.SetTabLocation(container.TabLocationLeading)
	c.tabs.OnSelected = func(*container.TabItem) { c.onScreenSelected() }
	c.shown = c.selectedScreen()
	c.shown.ensureBuilt()
	c.win.Canvas().AddShortcut(configSaveShortcut, func(fyne.Shortcut) { c.saveShown() })
	return container.NewBorder(c.rightsBanner(), nil, nil, nil, c.tabs)
}

// selectedScreen is the screen the tabs show now.
func (c *configWindow) selectedScreen() *configScreen {
	outer := c.tabs.Selected()
	for _, s := range c.screens {
		if s.outer == outer && (s.group == nil || s.group.Selected() == s.item) {
			return s
		}
	}
	return nil
}

// onScreenSelected follows a click on a tab. Leaving a screen with pending edits asks
// first; Keep editing (or a refused Save) shows that screen again. Each screen is built
// when first shown and read again when shown again, so that where-used counts and OU
// pickers follow changes made on another screen.
func (c *configWindow) onScreenSelected() {
	next := c.selectedScreen()
	if c.switching || next == nil || next == c.shown {
		return
	}
	prev := c.shown
	var drafts []configDraft
	if prev != nil && prev.draft != nil {
		drafts = append(drafts, prev.draft)
	}
	c.beforeLeaving(drafts, "before showing another screen", func() {
		c.shown = next
		if !next.ensureBuilt() {
			next.reload()
		}
	}, func() { c.showScreen(prev) })
}

// showScreen selects a screen's tab (and its group's tab) without asking or reading it
// again: it shows the screen as the admin left it.
func (c *configWindow) showScreen(s *configScreen) {
	if s == nil {
		return
	}
	c.switching = true
	defer func() { c.switching = false }()
	c.tabs.Select(s.outer)
	if s.group != nil {
		s.group.Select(s.item)
	}
	c.shown = s
}

// requestClose closes the window, asking first when a screen holds unsaved edits;
// Keep editing (or a refused Save) shows the screen that holds them.
func (c *configWindow) requestClose() {
	c.beforeLeaving(c.builtDrafts(), "before closing the Configuration window", c.close, c.showPending)
}

// builtDrafts lists the drafts of the screens built so far (a screen never shown has none).
func (c *configWindow) builtDrafts() []configDraft {
	var drafts []configDraft
	for _, s := range c.screens {
		if s.draft != nil && len(s.content.Objects) > 0 {
			drafts = append(drafts, s.draft)
		}
	}
	return drafts
}

// showPending shows the first screen holding unsaved edits.
func (c *configWindow) showPending() {
	for _, s := range c.screens {
		if s.draft != nil && s.draft.pending() != "" {
			c.showScreen(s)
			return
		}
	}
}

// saveShown saves the pending edits of the screen in view (Ctrl+S).
func (c *configWindow) saveShown() {
	if s := c.shown; s != nil && s.draft != nil && s.draft.pending() != "" {
		s.draft.save()
	}
}

// rightsBanner says, above every screen, who acts and what they may change, so that a
// refused change never comes as a surprise; a Tenant Administrator sees no banner.
func (c *configWindow) rightsBanner() fyne.CanvasObject {
	r, err := c.nimbus.Rights(context.Background())
	text := ""
	switch {
	case err != nil:
		text = widgets.Failed("Cannot tell what you may change", err, "close the Configuration window and open it again")
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
		widgets.ShowResult(status, err, "")
		return widgets.NewOUChoices(nil)
	}
	return widgets.NewOUChoices(tree)
}
