package userlist

import (
	"slices"
	"strings"
)

// View is the user list as the window shows it: the index in a chosen sort order,
// narrowed by a filter. It remembers the last result so that typing further into the
// search field only re-checks the rows that still matched, which keeps a keystroke within
// a frame on large tenants. It is not safe for concurrent use.
type View struct {
	Index  *Index
	order  []int // row positions in sort order
	base   []int // row positions in display-name order (ties by O365 ID); nil when that is the rows' own order
	column Column
	desc   bool

	last     Filter
	lastHits []int
	haveLast bool
	recent   []viewResult // the latest results, newest last, for backspacing

	keys        []listKey // per row, the fields the filters check
	departments []string  // distinct departments, as listKey.department numbers them
	profiles    []string  // distinct active profiles, as listKey.profile numbers them

	departmentIDs, profileIDs map[string]int32 // the numbers of departments and profiles

	roleFor  *RoleHolders // the Role filter roleRows was worked out for
	roleRows []bool       // per row, whether its user holds roleFor's role
}

// viewResult is one remembered filter and its rows.
type viewResult struct {
	filter Filter
	hits   []int
}

// recentResults is how many earlier results a view keeps: enough to backspace over a
// name without scanning again. Together they hold at most twice the list's size.
const recentResults = 32

// NewView shows the index sorted by display name, as the cache lists it. It packs
// the rows' search keys into one block, so build it before the index is shared.
func NewView(ix *Index) *View {
	v := &View{Index: ix, order: make([]int, len(ix.Rows))}
	for i := range v.order {
		v.order[i] = i
	}
	v.buildKeys(0)
	return v
}

// SortBy orders the list by a column (ties by display name, then O365 ID); the next Apply
// returns the rows in that order.
func (v *View) SortBy(c Column, desc bool) {
	if c == v.column && desc == v.desc {
		return
	}
	rows := v.Index.Rows
	if c == v.column {
		slices.Reverse(v.order)
	} else {
		keys := make([]string, len(rows))
		for i := range rows {
			if c != ColumnRoutingServices {
				keys[i] = strings.ToLower(rows[i].Cell(c))
			}
		}
		v.order = v.nameOrder(v.order[:0])
		slices.SortStableFunc(v.order, func(a, b int) int {
			if c == ColumnRoutingServices {
				return rows[a].RoutingServices - rows[b].RoutingServices
			}
			return strings.Compare(keys[a], keys[b])
		})
		if desc {
			slices.Reverse(v.order)
		}
	}
	v.column, v.desc = c, desc
	v.haveLast, v.recent = false, nil
}

// Apply returns the positions in Index.Rows of the rows that match f, in sort order.
// The caller must not change the returned slice.
func (v *View) Apply(f Filter) []int {
	v.prepareRole(f.Role)
	var hits []int
	if i := slices.IndexFunc(v.recent, func(r viewResult) bool { return sameFilter(r.filter, f) }); i >= 0 {
		hits = v.recent[i].hits
	} else if v.haveLast && narrows(v.last, f) {
		hits = v.filterParallel(f, v.lastHits)
	} else {
		hits = v.filterParallel(f, v.order)
	}
	v.last, v.lastHits, v.haveLast = f, hits, true
	v.recent = append(v.recent, viewResult{f, hits})
	kept := 0
	for _, r := range v.recent {
		kept += len(r.hits)
	}
	for len(v.recent) > recentResults || len(v.recent) > 1 && kept > 2*len(v.order) {
		kept -= len(v.recent[0].hits)
		v.recent = slices.Delete(v.recent, 0, 1)
	}
	return hits
}

// Scans is how many rows Apply(f) would check: none when the result of f is remembered,
// the previous hits when f narrows the last filter (a letter typed), every row otherwise.
// The window runs a short Apply at once, so that the list is drawn in the same frame as
// the keystroke, and only a long one in the background.
func (v *View) Scans(f Filter) int {
	switch {
	case f.Role != nil && f.Role != v.roleFor:
		return len(v.order) // the role's holders are worked out over every row first
	case slices.ContainsFunc(v.recent, func(r viewResult) bool { return sameFilter(r.filter, f) }):
		return 0
	case v.haveLast && narrows(v.last, f):
		return len(v.lastHits)
	}
	return len(v.order)
}

func sameFilter(a, b Filter) bool {
	return a.Search == b.Search && a.Department == b.Department && a.WithLicences == b.WithLicences &&
		a.WithoutLicences == b.WithoutLicences && a.ActiveProfile == b.ActiveProfile &&
		a.Routing == b.Routing && a.Role == b.Role && slices.Equal(a.OUs, b.OUs)
}

// narrows reports whether every row matching next also matches prev: the filters are the
// same and each word of prev is implied by a word of next (typed further).
func narrows(prev, next Filter) bool {
	if prev.Department != next.Department || prev.WithLicences != next.WithLicences ||
		prev.WithoutLicences != next.WithoutLicences || prev.ActiveProfile != next.ActiveProfile ||
		prev.Routing != next.Routing || prev.Role != next.Role || !slices.Equal(prev.OUs, next.OUs) {
		return false
	}
	newWords := strings.Fields(strings.ToLower(next.Search))
	for _, o := range strings.Fields(strings.ToLower(prev.Search)) {
		if !slices.ContainsFunc(newWords, func(n string) bool { return implies(n, o) }) {
			return false
		}
	}
	return true
}

// implies reports whether a row matching the search word n always matches the word o.
func implies(n, o string) bool {
	nDomain, oDomain := isDomainWord(n), isDomainWord(o)
	switch {
	case nDomain && oDomain:
		return strings.HasPrefix(n, o)
	case !nDomain && !oDomain:
		return strings.Contains(n, o)
	}
	return false
}

func isDomainWord(w string) bool { return strings.HasPrefix(w, "@") && len(w) > 1 }

// Sorted is the column the view is sorted by and whether it is descending.
func (v *View) Sorted() (Column, bool) { return v.column, v.desc }
