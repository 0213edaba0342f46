package app

import (
	"context"
	"strings"

	"nimbusadmin/data"
)

// UserRow is one row of the Nimbus user list with its OU resolved and a precomputed
// lower-case search key, so that search-as-you-type never goes back to SQLite.
type UserRow struct {
	data.UserListRow
	OUName string
	OUPath string
	key    string // lower-case display name, UPN, O365 ID, mail, department, OU name
	domain string // "\x00upn-domain\x00mail-domain", lower-case
}

// UserIndex is the in-memory user list that search and the filters run over.
type UserIndex struct {
	Rows []UserRow
	Tree *OUTree
}

// LoadUserIndex reads the user list and the OU tree once and prepares the search keys.
func (a *App) LoadUserIndex(ctx context.Context) (*UserIndex, error) {
	q := a.store.Read(ctx)
	tree, err := a.OUTree(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := q.UserListRows()
	if err != nil {
		return nil, err
	}
	return NewUserIndex(rows, tree), nil
}

// NewUserIndex builds the index from list rows and the OU tree.
func NewUserIndex(rows []data.UserListRow, tree *OUTree) *UserIndex {
	ix := &UserIndex{Rows: make([]UserRow, len(rows)), Tree: tree}
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
		ix.Rows[i] = UserRow{
			UserListRow: r,
			OUName:      ouName,
			OUPath:      path,
			key:         strings.ToLower(strings.Join([]string{r.DisplayName, r.UPN, r.ID, r.Mail, r.Department, ouName}, "\x00")),
			domain:      "\x00" + strings.ToLower(domainOf(r.UPN)) + "\x00" + strings.ToLower(domainOf(r.Mail)),
		}
	}
	return ix
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

// UserFilter is a search text and the filters; all of them combine with AND.
// A zero field narrows nothing.
type UserFilter struct {
	Search          string          // words that must all match; "@domain" matches UPN and mail domains
	OUs             []int64         // users in one of these OUs exactly (expand subtrees with OUTree.Subtree)
	Department      string          // exact, case-insensitive; NoDepartment selects blanks
	WithLicences    data.LicenceSet // users holding all of these
	WithoutLicences data.LicenceSet // users holding none of these
	ActiveProfile   string          // exact profile name, or NoActiveProfile
	Routing         Routing
	Role            *RoleHolders // users holding this role in any scope (App.RoleHolders)
}

// NoDepartment is the Department filter value that selects users with a blank department.
const NoDepartment = "(blank)"

// Filter returns the positions of the rows that match f, in list order.
func (ix *UserIndex) Filter(f UserFilter) []int {
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

func (r *UserRow) matches(words []string) bool {
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
