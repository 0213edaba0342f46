package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// Texts of the filter choices.
const (
	filterAll         = "All"
	filterWithLicence = "With licence"
	filterWithout     = "Without licence"
	filterRoutingNone = "None"
	filterRoutingAny  = "One or more"
	filterOUsAll      = "All"
)

// filtersPanel is the filter form under the OU tree: department, each licence, active
// profile, routing services and role. A filter that narrows nothing reads "All"; each has
// its own clear button, and "Clear all filters" resets them with the OU selection.
// onClearOU clears the tree's selection and applies the filters; loadRole reads who holds
// a role when the Role filter is chosen (nil when it cannot).
type filtersPanel struct {
	filters   listFilters
	onChanged func()
	onClearOU func()
	loadRole  func(roleID int64) *userlist.RoleHolders

	ous        *widget.Label
	scroll     *container.Scroll // the form, laid out again when the OU text changes its height
	department *widget.Select
	profile    *widget.Select
	routing    *widget.Select
	role       *widget.Select
	licences   map[data.LicenceSet]*widget.Select
	clearAll   *widget.Button
	clears     []*widget.Button
	updating   bool
	ouText     string                // names the selected OUs
	roles      []data.Role           // the Role filter's choices, as the select lists them after All
	holders    *userlist.RoleHolders // of the chosen role; nil when none is chosen
}

func newFiltersPanel(f listFilters, onChanged, onClearOU func(), loadRole func(int64) *userlist.RoleHolders) *filtersPanel {
	p := &filtersPanel{filters: f, onChanged: onChanged, onClearOU: onClearOU, loadRole: loadRole,
		licences: map[data.LicenceSet]*widget.Select{}}
	p.ous = &widget.Label{Text: filterOUsAll, Wrapping: fyne.TextWrapWord} // the whole selection, never cut off
	p.department = widget.NewSelect([]string{filterAll}, p.onDepartment)
	p.profile = widget.NewSelect([]string{filterAll}, p.onProfile)
	p.routing = widget.NewSelect([]string{filterAll, filterRoutingNone, filterRoutingAny}, p.onRouting)
	p.role = widget.NewSelect([]string{filterAll}, p.onRole)
	for _, l := range data.AllLicences {
		p.licences[l] = widget.NewSelect([]string{filterAll, filterWithLicence, filterWithout}, func(s string) { p.onLicence(l, s) })
	}
	p.clearAll = &widget.Button{Text: "Clear all filters", Icon: theme.ContentClearIcon(), OnTapped: p.onClearAll}
	return p
}

// object lays the filters out as a form with a clear button on each row.
func (p *filtersPanel) object() fyne.CanvasObject {
	form := container.New(layout.NewFormLayout())
	add := func(label string, field fyne.CanvasObject, clear func()) {
		b := &widget.Button{Icon: theme.ContentClearIcon(), Importance: widget.LowImportance, OnTapped: clear}
		p.clears = append(p.clears, b)
		form.Add(widget.NewLabel(label))
		form.Add(container.NewBorder(nil, nil, nil, b, field))
	}
	add("OU", p.ous, p.onClearOU)
	add("Department", p.department, func() { p.department.SetSelected(filterAll) })
	for _, l := range data.AllLicences {
		sel := p.licences[l]
		add(l.String(), sel, func() { sel.SetSelected(filterAll) })
	}
	add("Active profile", p.profile, func() { p.profile.SetSelected(filterAll) })
	add("Routing services", p.routing, func() { p.routing.SetSelected(filterAll) })
	add("Role", p.role, func() { p.role.SetSelected(filterAll) })
	title := widget.NewLabelWithStyle("Filters", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.scroll = container.NewVScroll(container.NewVBox(title, form, p.clearAll))
	return p.scroll
}

// setOptions fills the department and profile choices found in the loaded list and the
// tenant's roles with the holders of the chosen one, and shows the remembered filters. A
// remembered role that no longer exists narrows nothing.
func (p *filtersPanel) setOptions(departments, profiles []string, roles []data.Role, holders *userlist.RoleHolders) {
	p.department.Options = append([]string{filterAll}, departments...)
	p.profile.Options = append([]string{filterAll}, profiles...)
	p.roles = roles
	p.role.Options = []string{filterAll}
	for _, r := range roles {
		p.role.Options = append(p.role.Options, r.Name)
	}
	if (holders == nil || holders.Role.ID != p.filters.RoleID) && p.roleName(p.filters.RoleID) != filterAll {
		holders = p.loadRole(p.filters.RoleID) // the role was chosen while the list loaded
	}
	if holders == nil || holders.Role.ID != p.filters.RoleID {
		p.filters.RoleID, holders = 0, nil
	}
	p.holders = holders
	p.show()
}

// roleName is the Role filter's text for a role id.
func (p *filtersPanel) roleName(id int64) string {
	for _, r := range p.roles {
		if r.ID == id && id != 0 {
			return r.Name
		}
	}
	return filterAll
}

// userFilter is the app's filter for the panel's filters and a search text.
func (p *filtersPanel) userFilter(search string) userlist.Filter {
	return p.filters.userFilter(search, p.holders)
}

// show puts the current filters into the widgets without reporting changes.
func (p *filtersPanel) show() {
	p.updating = true
	defer func() { p.updating = false }()
	p.department.SetSelected(filterText(p.filters.Department))
	p.profile.SetSelected(filterText(p.filters.ActiveProfile))
	p.routing.SetSelected([]string{filterAll, filterRoutingNone, filterRoutingAny}[p.filters.Routing])
	p.role.SetSelected(p.roleName(p.filters.RoleID))
	for l, sel := range p.licences {
		sel.SetSelected([]string{filterAll, filterWithLicence, filterWithout}[p.filters.Licences[l]])
	}
	text := filterOUsAll
	if len(p.filters.OUs) > 0 {
		text = p.ouText
	}
	if text != p.ous.Text {
		p.ous.SetText(text)
		if p.scroll != nil { // the OU row grows or shrinks with its lines
			p.scroll.Refresh()
		}
	}
	p.showClears()
}

func (p *filtersPanel) showClears() {
	active := []bool{len(p.filters.OUs) > 0, p.filters.Department != ""}
	for _, l := range data.AllLicences {
		active = append(active, p.filters.Licences[l] != licenceAll)
	}
	active = append(active, p.filters.ActiveProfile != "", p.filters.Routing != userlist.RoutingAll, p.filters.RoleID != 0)
	for i, b := range p.clears {
		widgets.EnableWhen(b, active[i])
	}
	widgets.EnableWhen(p.clearAll, p.filters.active() > 0)
}

func filterText(s string) string {
	if s == "" {
		return filterAll
	}
	return s
}

func filterValue(s string) string {
	if s == filterAll {
		return ""
	}
	return s
}

func (p *filtersPanel) changed() {
	if p.updating {
		return
	}
	p.showClears()
	p.onChanged()
}

func (p *filtersPanel) onDepartment(s string) { p.filters.Department = filterValue(s); p.changed() }
func (p *filtersPanel) onProfile(s string)    { p.filters.ActiveProfile = filterValue(s); p.changed() }

func (p *filtersPanel) onRouting(s string) {
	p.filters.Routing = map[string]userlist.Routing{filterRoutingNone: userlist.RoutingNone, filterRoutingAny: userlist.RoutingAny}[s]
	p.changed()
}

// onRole loads the holders of the chosen role once, so that typing in the search field
// only tests membership; a role whose holders cannot be read is not chosen.
func (p *filtersPanel) onRole(name string) {
	if p.updating {
		return
	}
	p.filters.RoleID, p.holders = 0, nil
	for _, r := range p.roles {
		if r.Name == name && name != filterAll {
			if p.holders = p.loadRole(r.ID); p.holders != nil {
				p.filters.RoleID = r.ID
			}
			break
		}
	}
	if p.filters.RoleID == 0 && name != filterAll {
		p.updating = true
		p.role.SetSelected(filterAll)
		p.updating = false
	}
	p.changed()
}

func (p *filtersPanel) onLicence(l data.LicenceSet, s string) {
	p.filters.Licences[l] = map[string]licenceFilter{filterWithLicence: licenceWith, filterWithout: licenceWithout}[s]
	p.changed()
}

// setOUs records the OU selection of the tree and how to name it.
func (p *filtersPanel) setOUs(ids []int64, text string) {
	p.filters.OUs, p.ouText = ids, text
	p.show()
}

func (p *filtersPanel) onClearAll() {
	p.filters, p.holders = listFilters{Licences: map[data.LicenceSet]licenceFilter{}}, nil
	p.show()
	p.onClearOU()
}

// enableWhen enables a control of the online bar only while it can act (widgets.EnableWhen).
var enableWhen = widgets.EnableWhen

// loadRoleHolders reads who holds a role for the Role filter; when the cache cannot say,
// the status line tells why and the filter stays off.
func (m *mainWindow) loadRoleHolders(roleID int64) *userlist.RoleHolders {
	h, err := m.nimbus.RoleHolders(context.Background(), roleID)
	if err != nil {
		m.status.SetText(widgets.Failed("Cannot filter by role", err, "choose the role again"))
		return nil
	}
	return h
}
