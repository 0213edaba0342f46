package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
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
// profile and routing services. A filter that narrows nothing reads "All"; each has its
// own clear button, and "Clear all filters" resets them with the OU selection. onClearOU
// clears the tree's selection and applies the filters.
type filtersPanel struct {
	filters   listFilters
	onChanged func()
	onClearOU func()

	ous        *widget.Label
	department *widget.Select
	profile    *widget.Select
	routing    *widget.Select
	licences   map[data.LicenceSet]*widget.Select
	clearAll   *widget.Button
	clears     []*widget.Button
	updating   bool
	ouText     string // names the selected OUs
}

func newFiltersPanel(f listFilters, onChanged, onClearOU func()) *filtersPanel {
	p := &filtersPanel{filters: f, onChanged: onChanged, onClearOU: onClearOU,
		licences: map[data.LicenceSet]*widget.Select{}}
	p.ous = &widget.Label{Text: filterOUsAll, Truncation: fyne.TextTruncateEllipsis}
	p.department = widget.NewSelect([]string{filterAll}, p.onDepartment)
	p.profile = widget.NewSelect([]string{filterAll}, p.onProfile)
	p.routing = widget.NewSelect([]string{filterAll, filterRoutingNone, filterRoutingAny}, p.onRouting)
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
	title := widget.NewLabelWithStyle("Filters", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewVBox(title, form, p.clearAll))
}

// setOptions fills the department and profile choices found in the loaded list and shows
// the remembered filters.
func (p *filtersPanel) setOptions(departments, profiles []string) {
	p.department.Options = append([]string{filterAll}, departments...)
	p.profile.Options = append([]string{filterAll}, profiles...)
	p.show()
}

// show puts the current filters into the widgets without reporting changes.
func (p *filtersPanel) show() {
	p.updating = true
	defer func() { p.updating = false }()
	p.department.SetSelected(filterText(p.filters.Department))
	p.profile.SetSelected(filterText(p.filters.ActiveProfile))
	p.routing.SetSelected([]string{filterAll, filterRoutingNone, filterRoutingAny}[p.filters.Routing])
	for l, sel := range p.licences {
		sel.SetSelected([]string{filterAll, filterWithLicence, filterWithout}[p.filters.Licences[l]])
	}
	if len(p.filters.OUs) > 0 {
		p.ous.SetText(p.ouText)
	} else {
		p.ous.SetText(filterOUsAll)
	}
	p.showClears()
}

func (p *filtersPanel) showClears() {
	active := []bool{len(p.filters.OUs) > 0, p.filters.Department != ""}
	for _, l := range data.AllLicences {
		active = append(active, p.filters.Licences[l] != licenceAll)
	}
	active = append(active, p.filters.ActiveProfile != "", p.filters.Routing != app.RoutingAll)
	for i, b := range p.clears {
		enableWhen(b, active[i])
	}
	enableWhen(p.clearAll, p.filters.active() > 0)
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
	p.filters.Routing = map[string]app.Routing{filterRoutingNone: app.RoutingNone, filterRoutingAny: app.RoutingAny}[s]
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
	p.filters = listFilters{Licences: map[data.LicenceSet]licenceFilter{}}
	p.show()
	p.onClearOU()
}

func enableWhen(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
