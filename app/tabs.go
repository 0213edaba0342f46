package app

import (
	"strings"

	"nimbusadmin/data"
)

// Tab is a tab of the user detail view.
type Tab string

// The tabs of the user detail view, in their order.
const (
	TabGeneral   Tab = "General"
	TabServices  Tab = "Services"
	TabRoles     Tab = "Roles"
	TabSkills    Tab = "Skills"
	TabProfiles  Tab = "Profiles"
	TabNAReasons Tab = "N/A Reasons"
	TabInteract  Tab = "Interact"
	TabAssistant Tab = "Assistant"
)

// tabRule is one row of the master list: a tab and the licences it needs.
type tabRule struct {
	tab   Tab
	needs data.LicenceSet
}

// tabMasterList says which licence each tab needs, in tab order. Interact needs both the Interact and
// the Contact Center licence.
var tabMasterList = []tabRule{
	{TabGeneral, 0},
	{TabServices, 0},
	{TabRoles, 0},
	{TabSkills, data.ContactCenter},
	{TabProfiles, data.ContactCenter},
	{TabNAReasons, data.ContactCenter},
	{TabInteract, data.Interact | data.ContactCenter},
	{TabAssistant, data.Assistant},
}

// AllTabs lists every tab in order, whether visible or not.
func AllTabs() []Tab {
	out := make([]Tab, len(tabMasterList))
	for i, r := range tabMasterList {
		out[i] = r.tab
	}
	return out
}

// VisibleTabs lists, in order, the tabs a user with these licences shows.
func VisibleTabs(l data.LicenceSet) []Tab {
	var out []Tab
	for _, r := range tabMasterList {
		if l.Has(r.needs) {
			out = append(out, r.tab)
		}
	}
	return out
}

// TabNeeds is the set of licences a tab needs (0 for the always-visible ones).
func TabNeeds(t Tab) data.LicenceSet {
	for _, r := range tabMasterList {
		if r.tab == t {
			return r.needs
		}
	}
	return 0
}

// HiddenTabReason says why a tab is hidden for a user with these licences, or "" when it
// is shown: "Interact needs the Interact and Contact Center licences".
func HiddenTabReason(t Tab, l data.LicenceSet) string {
	needs := TabNeeds(t)
	missing := needs &^ l
	if missing == 0 {
		return ""
	}
	word := "licence"
	if needs != data.ContactCenter && needs != data.Interact && needs != data.Assistant && needs != data.AttendantConsole {
		word = "licences"
	}
	return string(t) + " needs the " + joinAnd(needs) + " " + word + " (missing: " + missing.String() + ")"
}

func joinAnd(l data.LicenceSet) string {
	var names []string
	for _, one := range data.AllLicences {
		if l.Has(one) {
			names = append(names, one.String())
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " and " + names[len(names)-1]
}

// HiddenTabsNote says in one short line which tabs the licences hide and what each group
// of them still lacks: "Not shown until licensed: Skills, Profiles, N/A Reasons (Contact
// Center); Interact (Contact Center and Interact)." It is "" when every tab shows.
func HiddenTabsNote(l data.LicenceSet) string {
	var order []data.LicenceSet
	groups := map[data.LicenceSet][]string{}
	for _, t := range AllTabs() {
		missing := TabNeeds(t) &^ l
		if missing == 0 {
			continue
		}
		if _, seen := groups[missing]; !seen {
			order = append(order, missing)
		}
		groups[missing] = append(groups[missing], string(t))
	}
	if len(order) == 0 {
		return ""
	}
	parts := make([]string, len(order))
	for i, missing := range order {
		parts[i] = strings.Join(groups[missing], ", ") + " (" + joinAnd(missing) + ")"
	}
	return "Not shown until licensed: " + strings.Join(parts, "; ") + "."
}
