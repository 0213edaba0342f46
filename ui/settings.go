package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// Preference keys of the main window, and their defaults.
const (
	prefWindowWidth      = "window.width"
	prefWindowHeight     = "window.height"
	prefSplitTree        = "window.split.tree"
	prefSplitDetail      = "window.split.detail"
	prefSplitFilters     = "window.split.filters"
	prefDetailCollapsed  = "window.detail.collapsed"
	prefSortColumn       = "list.sort.column"
	prefSortDescending   = "list.sort.descending"
	prefFilterOUs        = "list.filter.ous"
	prefFilterDepartment = "list.filter.department"
	prefFilterProfile    = "list.filter.profile"
	prefFilterRouting    = "list.filter.routing"
	prefFilterRole       = "list.filter.role"     // the role's id; 0 for all
	prefFilterLicence    = "list.filter.licence." // + licence key: 0 all, 1 with, 2 without

	// The default size fits a 1366×768 laptop with a title bar and a taskbar or top panel.
	defaultWindowWidth  = 1340
	defaultWindowHeight = 680
	defaultSplitTree    = 0.2
	defaultSplitDetail  = 0.35
	defaultSplitFilters = 0.55
)

// windowSettings is the typed view of the preferences the main window remembers between
// runs: its size, its split positions, the sort order and the list filters, which still
// apply when the admin comes back.
type windowSettings struct{ p fyne.Preferences }

// windowSize is the size the window opens at: the remembered one, but never larger than
// the default. Fyne cannot tell the screen's size on every platform, and the default is
// what fits the smallest laptop screen admins use (1366×768), so a window enlarged on a
// big monitor never reopens off the edges of a laptop's screen.
func (s windowSettings) windowSize() fyne.Size {
	size := fyne.NewSize(float32(s.p.FloatWithFallback(prefWindowWidth, defaultWindowWidth)),
		float32(s.p.FloatWithFallback(prefWindowHeight, defaultWindowHeight)))
	return size.Min(fyne.NewSize(defaultWindowWidth, defaultWindowHeight))
}

func (s windowSettings) setWindowSize(size fyne.Size) {
	if size.Width >= 400 && size.Height >= 300 {
		s.p.SetFloat(prefWindowWidth, float64(size.Width))
		s.p.SetFloat(prefWindowHeight, float64(size.Height))
	}
}

func (s windowSettings) split(key string, fallback float64) float64 {
	v := s.p.FloatWithFallback(key, fallback)
	if v < 0.05 || v > 0.95 {
		return fallback
	}
	return v
}

func (s windowSettings) setSplit(key string, v float64) { s.p.SetFloat(key, v) }

// detailCollapsed says whether the admin has hidden the detail view beside the list.
func (s windowSettings) detailCollapsed() bool { return s.p.Bool(prefDetailCollapsed) }

func (s windowSettings) setDetailCollapsed(v bool) { s.p.SetBool(prefDetailCollapsed, v) }

func (s windowSettings) sort() (userlist.Column, bool) {
	c := s.p.IntWithFallback(prefSortColumn, int(userlist.ColumnDisplayName))
	if !userlist.Column(c).Valid() {
		c = int(userlist.ColumnDisplayName)
	}
	return userlist.Column(c), s.p.Bool(prefSortDescending)
}

func (s windowSettings) setSort(c userlist.Column, desc bool) {
	s.p.SetInt(prefSortColumn, int(c))
	s.p.SetBool(prefSortDescending, desc)
}

// licenceFilter is one licence's filter: all users, those with it, those without it.
type licenceFilter int

const (
	licenceAll licenceFilter = iota
	licenceWith
	licenceWithout
)

// listFilters is the part of the list filter that is remembered; the search text is not.
type listFilters struct {
	OUs           []int64
	Department    string
	ActiveProfile string
	Routing       userlist.Routing
	Licences      map[data.LicenceSet]licenceFilter
	RoleID        int64 // holders of this role in any scope; 0 for all
}

// userFilter turns the remembered filters, a search text and the holders of the chosen
// role into the app's filter.
func (f listFilters) userFilter(search string, role *userlist.RoleHolders) userlist.Filter {
	uf := userlist.Filter{Search: search, OUs: f.OUs, Department: f.Department,
		ActiveProfile: f.ActiveProfile, Routing: f.Routing}
	if f.RoleID != 0 && role != nil && role.Role.ID == f.RoleID {
		uf.Role = role
	}
	for l, v := range f.Licences {
		switch v {
		case licenceWith:
			uf.WithLicences |= l
		case licenceWithout:
			uf.WithoutLicences |= l
		}
	}
	return uf
}

// active counts the filters that narrow the list.
func (f listFilters) active() int {
	n := 0
	for _, on := range []bool{len(f.OUs) > 0, f.Department != "", f.ActiveProfile != "", f.Routing != userlist.RoutingAll, f.RoleID != 0} {
		if on {
			n++
		}
	}
	for _, v := range f.Licences {
		if v != licenceAll {
			n++
		}
	}
	return n
}

func (s windowSettings) filters() listFilters {
	f := listFilters{
		Department:    s.p.String(prefFilterDepartment),
		ActiveProfile: s.p.String(prefFilterProfile),
		Routing:       userlist.Routing(s.p.Int(prefFilterRouting)),
		Licences:      map[data.LicenceSet]licenceFilter{},
		RoleID:        int64(s.p.Int(prefFilterRole)),
	}
	if f.Routing < userlist.RoutingAll || f.Routing > userlist.RoutingAny {
		f.Routing = userlist.RoutingAll
	}
	for _, part := range strings.Split(s.p.String(prefFilterOUs), ",") {
		if id, err := strconv.ParseInt(part, 10, 64); err == nil {
			f.OUs = append(f.OUs, id)
		}
	}
	for _, l := range data.AllLicences {
		if v := licenceFilter(s.p.Int(prefFilterLicence + l.Key())); v >= licenceAll && v <= licenceWithout {
			f.Licences[l] = v
		}
	}
	return f
}

func (s windowSettings) setFilters(f listFilters) {
	ids := make([]string, len(f.OUs))
	for i, id := range f.OUs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	s.p.SetString(prefFilterOUs, strings.Join(ids, ","))
	s.p.SetString(prefFilterDepartment, f.Department)
	s.p.SetString(prefFilterProfile, f.ActiveProfile)
	s.p.SetInt(prefFilterRouting, int(f.Routing))
	s.p.SetInt(prefFilterRole, int(f.RoleID))
	for _, l := range data.AllLicences {
		s.p.SetInt(prefFilterLicence+l.Key(), int(f.Licences[l]))
	}
}
