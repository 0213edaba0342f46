// Package userlist is the Nimbus user list in memory: the index that search and the
// filters run over without going back to the store, the window's sorted and narrowed view
// of it, the OU filter's selection and the list's columns.
package userlist

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// Row is one row of the Nimbus user list with its OU resolved and a precomputed
// lower-case search key, so that search-as-you-type never goes back to SQLite.
type Row struct {
	data.UserListRow
	OUName string
	OUPath string
	key    string // lower-case display name, UPN, O365 ID, mail, department, OU name
	domain string // "\x00upn-domain\x00mail-domain", lower-case
}

// Index is the in-memory user list that search and the filters run over; the app loads it
// from the store with the OU tree.
type Index struct {
	Rows []Row
	Tree *outree.Tree
}

// NewIndex builds the index from list rows and the OU tree.
func NewIndex(rows []data.UserListRow, tree *outree.Tree) *Index {
	ix := &Index{Rows: make([]Row, len(rows)), Tree: tree}
	prepareRows(ix.Rows, rows, tree)
	return ix
}

// WithRows returns an index of ix's rows followed by rows, a further part of the list read
// while the window already shows the first parts; ix stays as it was. room is how many
// rows the list will hold in the end, so that the rows are not copied again for each part.
func (ix *Index) WithRows(rows []data.UserListRow, room int) *Index {
	all := slices.Grow(ix.Rows, max(room, len(ix.Rows)+len(rows))-len(ix.Rows))
	all = all[:len(ix.Rows)+len(rows)]
	prepareRows(all[len(ix.Rows):], rows, ix.Tree)
	return &Index{Rows: all, Tree: ix.Tree}
}

// parallelRowsMin is the number of rows from which their preparation is split over the CPUs.
const parallelRowsMin = 20_000

// prepareRows fills dst with rows, their OUs resolved and their search keys made; a
// large list is prepared in one chunk per CPU.
func prepareRows(dst []Row, rows []data.UserListRow, tree *outree.Tree) {
	workers := runtime.GOMAXPROCS(0)
	if len(rows) < parallelRowsMin || workers < 2 {
		prepareChunk(dst, rows, tree)
		return
	}
	size := (len(rows) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(rows); lo += size {
		hi := min(lo+size, len(rows))
		wg.Go(func() { prepareChunk(dst[lo:hi], rows[lo:hi], tree) })
	}
	wg.Wait()
}

func prepareChunk(dst []Row, rows []data.UserListRow, tree *outree.Tree) {
	paths := map[int64]string{}
	for i, r := range rows {
		path, ok := paths[r.OUID]
		if !ok {
			path = tree.Path(r.OUID)
			paths[r.OUID] = path
		}
		ouName := tree.Name(r.OUID)
		if !r.Licences.Has(data.ContactCenter) {
			r.ActiveProfile = "" // profiles count only with Contact Center: kept for its return, shown as none
		}
		dst[i] = Row{
			UserListRow: r,
			OUName:      ouName,
			OUPath:      path,
			key:         strings.ToLower(strings.Join([]string{r.DisplayName, r.UPN, r.ID, keyedMail(r), r.Department, ouName}, "\x00")),
			domain:      "\x00" + strings.ToLower(domainOf(r.UPN)) + "\x00" + strings.ToLower(domainOf(r.Mail)),
		}
	}
}

// Search is the list's search text prepared once, for matching people found elsewhere
// (the directory) the way the list matches its rows: every word in the display name, UPN,
// O365 ID, mail or department, and "@domain" at the start of the UPN's or mail's domain.
type Search struct{ words []string }

// NewSearch prepares the search text.
func NewSearch(text string) Search { return Search{strings.Fields(strings.ToLower(text))} }

// Matches reports whether the person matches every word of the search.
func (s Search) Matches(displayName, upn, id, mail, department string) bool {
	r := Row{
		key:    strings.ToLower(strings.Join([]string{displayName, upn, id, mail, department}, "\x00")),
		domain: "\x00" + strings.ToLower(domainOf(upn)) + "\x00" + strings.ToLower(domainOf(mail)),
	}
	return r.matches(s.words)
}

// keyedMail is the mail as the search key holds it: none when it is the UPN, which the
// key holds already.
func keyedMail(r data.UserListRow) string {
	if r.Mail == r.UPN {
		return ""
	}
	return r.Mail
}

func domainOf(address string) string {
	_, d, _ := strings.Cut(address, "@")
	return d
}

// Routing narrows the list by the number of routing services.
type Routing int

// The routing-services filter values.
const (
	RoutingAll  Routing = iota // no narrowing
	RoutingNone                // in no service
	RoutingAny                 // in at least one service
)

// NoActiveProfile is the ActiveProfile filter value that selects users without one.
const NoActiveProfile = "(none)"

// Filter is a search text and the filters; all of them combine with AND.
// A zero field narrows nothing.
type Filter struct {
	Search          string          // words that must all match; "@domain" matches UPN and mail domains
	OUs             []int64         // users in one of these OUs exactly (expand subtrees with the tree's Subtree)
	Department      string          // exact, case-insensitive; NoDepartment selects blanks
	WithLicences    data.LicenceSet // users holding all of these
	WithoutLicences data.LicenceSet // users holding none of these
	ActiveProfile   string          // exact profile name, or NoActiveProfile
	Routing         Routing
	Role            *RoleHolders // users holding this role in any scope (the app reads it)
}

// NoDepartment is the Department filter value that selects users with a blank department.
const NoDepartment = "(blank)"

// Filter returns the positions of the rows that match f, in list order.
func (ix *Index) Filter(f Filter) []int {
	words := strings.Fields(strings.ToLower(f.Search))
	var ous map[int64]bool
	if len(f.OUs) > 0 {
		ous = make(map[int64]bool, len(f.OUs))
		for _, id := range f.OUs {
			ous[id] = true
		}
	}
	out := make([]int, 0, len(ix.Rows))
	for i := range ix.Rows {
		r := &ix.Rows[i]
		if ous != nil && !ous[r.OUID] ||
			!r.Licences.Has(f.WithLicences) || r.Licences&f.WithoutLicences != 0 ||
			!matchDepartment(r.Department, f.Department) ||
			!matchProfile(r.ActiveProfile, f.ActiveProfile) ||
			f.Routing == RoutingNone && r.RoutingServices > 0 ||
			f.Routing == RoutingAny && r.RoutingServices == 0 ||
			f.Role != nil && !f.Role.Has(r.ID) ||
			!r.matches(words) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func (r *Row) matches(words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, "@") && len(w) > 1 {
			if !strings.Contains(r.domain, "\x00"+w[1:]) {
				return false
			}
		} else if !strings.Contains(r.key, w) {
			return false
		}
	}
	return true
}

func matchDepartment(have, want string) bool {
	switch want {
	case "":
		return true
	case NoDepartment:
		return strings.TrimSpace(have) == ""
	}
	return strings.EqualFold(have, want)
}

func matchProfile(have, want string) bool {
	switch want {
	case "":
		return true
	case NoActiveProfile:
		return have == ""
	}
	return strings.EqualFold(have, want)
}
