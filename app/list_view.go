package app

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"nimbusadmin/data"
)

// ListColumn names one of seed 000's eight columns of the user list, for sorting.
type ListColumn int

// The columns of the user list, in the order the table shows them.
const (
	ColumnDisplayName ListColumn = iota
	ColumnOrganizationUnit
	ColumnUPN
	ColumnO365ID
	ColumnDepartment
	ColumnAttendantConsole
	ColumnActiveProfile
	ColumnRoutingServices
)

// ListColumns is the number of columns of the user list.
const ListColumns = 8

// Cell is the text a column shows for the row.
func (r *UserRow) Cell(c ListColumn) string {
	switch c {
	case ColumnDisplayName:
		return r.DisplayName
	case ColumnOrganizationUnit:
		return r.OUPath
	case ColumnUPN:
		return r.UPN
	case ColumnO365ID:
		return r.ID
	case ColumnDepartment:
		return r.Department
	case ColumnAttendantConsole:
		if r.Licences.Has(data.AttendantConsole) {
			return "Yes"
		}
		return "No"
	case ColumnActiveProfile:
		return r.ActiveProfile
	case ColumnRoutingServices:
		return strconv.Itoa(r.RoutingServices)
	}
	return ""
}

// UserListView is the user list as the window shows it: the index in a chosen sort order,
// narrowed by a filter. It remembers the last result so that typing further into the
// search field only re-checks the rows that still matched, which keeps a keystroke within
// a frame on large tenants. It is not safe for concurrent use.
type UserListView struct {
	Index  *UserIndex
	order  []int // row positions in sort order
	column ListColumn
	desc   bool

	last     UserFilter
	lastHits []int
	haveLast bool
	recent   []viewResult // the latest results, newest last, for backspacing

	keys        []listKey // per row, the fields the filters check
	departments []string  // distinct departments, as listKey.department numbers them
	profiles    []string  // distinct active profiles, as listKey.profile numbers them
}

// viewResult is one remembered filter and its rows.
type viewResult struct {
	filter UserFilter
	hits   []int
}

// recentResults is how many earlier results a view keeps: enough to backspace over a
// name without scanning again. Together they hold at most twice the list's size.
const recentResults = 32

// NewUserListView shows the index sorted by display name, as the cache lists it. It packs
// the rows' search keys into one block, so build it before the index is shared.
func NewUserListView(ix *UserIndex) *UserListView {
	v := &UserListView{Index: ix, order: make([]int, len(ix.Rows))}
	for i := range v.order {
		v.order[i] = i
	}
	v.buildKeys()
	return v
}

// SortedBy says which column orders the list and whether it runs descending.
func (v *UserListView) SortedBy() (ListColumn, bool) { return v.column, v.desc }

// SortBy orders the list by a column (ties by display name, then O365 ID); the next Apply
// returns the rows in that order.
func (v *UserListView) SortBy(c ListColumn, desc bool) {
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
		for i := range v.order {
			v.order[i] = i
		}
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

// Refilter forgets remembered results, for when the rows of the index changed.
func (v *UserListView) Refilter() { v.haveLast, v.recent = false, nil }

// Apply returns the positions in Index.Rows of the rows that match f, in sort order.
// The caller must not change the returned slice.
func (v *UserListView) Apply(f UserFilter) []int {
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

func sameFilter(a, b UserFilter) bool {
	return a.Search == b.Search && a.Department == b.Department && a.WithLicences == b.WithLicences &&
		a.WithoutLicences == b.WithoutLicences && a.ActiveProfile == b.ActiveProfile &&
		a.Routing == b.Routing && slices.Equal(a.OUs, b.OUs)
}

// parallelScanMin is the number of candidates above which a scan is split over the CPUs.
const parallelScanMin = 50_000

// filterParallel is filterIn split into one chunk per CPU for large lists; the chunks'
// results are joined in order, so the result is the same as filterIn's.
func (v *UserListView) filterParallel(f UserFilter, candidates []int) []int {
	workers := runtime.GOMAXPROCS(0)
	if len(candidates) < parallelScanMin || workers < 2 {
		return v.filterIn(f, candidates)
	}
	parts := make([][]int, workers)
	size := (len(candidates) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := min(w*size, len(candidates)), min((w+1)*size, len(candidates))
		wg.Go(func() { parts[w] = v.filterIn(f, candidates[lo:hi]) })
	}
	wg.Wait()
	return slices.Concat(parts...)
}

// listKey is what the filters check of one row, packed together so that a scan over a
// million rows touches one cache line per row instead of the whole UserRow.
type listKey struct {
	key, domain string
	ouID        int64
	routing     int32
	department  int32 // into UserListView.departments
	profile     int32 // into UserListView.profiles
	licences    data.LicenceSet
}

// buildKeys packs the rows' filter fields and the distinct departments and profiles.
func (v *UserListView) buildKeys() {
	rows := v.Index.Rows
	v.keys = make([]listKey, len(rows))
	depts, profiles := map[string]int32{}, map[string]int32{}
	intern := func(m map[string]int32, list *[]string, s string) int32 {
		id, ok := m[s]
		if !ok {
			id = int32(len(*list))
			m[s] = id
			*list = append(*list, s)
		}
		return id
	}
	// Copy the search keys into one block, in row order, so that a scan reads memory
	// front to back instead of chasing each row's own allocation.
	size := 0
	for i := range rows {
		size += len(rows[i].key) + len(rows[i].domain)
	}
	var block strings.Builder
	block.Grow(size)
	for i := range rows {
		block.WriteString(rows[i].key)
		block.WriteString(rows[i].domain)
	}
	all, at := block.String(), 0
	for i := range rows {
		r := &rows[i]
		key := all[at : at+len(r.key)]
		at += len(r.key)
		domain := all[at : at+len(r.domain)]
		at += len(r.domain)
		r.key, r.domain = key, domain // equal strings; the rows' own copies can be freed
		v.keys[i] = listKey{key: key, domain: domain, ouID: r.OUID, routing: int32(r.RoutingServices),
			department: intern(depts, &v.departments, r.Department),
			profile:    intern(profiles, &v.profiles, r.ActiveProfile), licences: r.Licences}
	}
}

// filterIn keeps the positions of candidates whose rows match f, in the candidates' order.
func (v *UserListView) filterIn(f UserFilter, candidates []int) []int {
	words := strings.Fields(strings.ToLower(f.Search))
	var ous map[int64]bool
	if len(f.OUs) > 0 {
		ous = make(map[int64]bool, len(f.OUs))
		for _, id := range f.OUs {
			ous[id] = true
		}
	}
	deptOK := make([]bool, len(v.departments))
	for i, d := range v.departments {
		deptOK[i] = matchDepartment(d, f.Department)
	}
	profileOK := make([]bool, len(v.profiles))
	for i, p := range v.profiles {
		profileOK[i] = matchProfile(p, f.ActiveProfile)
	}
	out := make([]int, 0, len(candidates)/4+16)
	for _, i := range candidates {
		k := &v.keys[i]
		if ous != nil && !ous[k.ouID] ||
			!k.licences.Has(f.WithLicences) || k.licences&f.WithoutLicences != 0 ||
			!deptOK[k.department] || !profileOK[k.profile] ||
			f.Routing == RoutingNone && k.routing > 0 ||
			f.Routing == RoutingAny && k.routing == 0 ||
			!matchWords(k.key, k.domain, words) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// matchWords is UserRow.matches over a packed key.
func matchWords(key, domain string, words []string) bool {
	for _, w := range words {
		if isDomainWord(w) {
			if !strings.Contains(domain, "\x00"+w[1:]) {
				return false
			}
		} else if !strings.Contains(key, w) {
			return false
		}
	}
	return true
}

// narrows reports whether every row matching next also matches prev: the filters are the
// same and each word of prev is implied by a word of next (typed further).
func narrows(prev, next UserFilter) bool {
	if prev.Department != next.Department || prev.WithLicences != next.WithLicences ||
		prev.WithoutLicences != next.WithoutLicences || prev.ActiveProfile != next.ActiveProfile ||
		prev.Routing != next.Routing || !slices.Equal(prev.OUs, next.OUs) {
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
