package userlist

import (
	"slices"
	"strings"
)

// Departments lists the departments found in the list, sorted, for the Department filter;
// NoDepartment comes last when some users have none.
func (ix *Index) Departments() []string {
	return ix.distinct(func(r *Row) string { return r.Department }, NoDepartment)
}

// ActiveProfiles lists the active profiles found in the list, sorted, for the Active
// Profile filter; NoActiveProfile comes last when some users have none.
func (ix *Index) ActiveProfiles() []string {
	return ix.distinct(func(r *Row) string { return r.ActiveProfile }, NoActiveProfile)
}

func (ix *Index) distinct(field func(*Row) string, blank string) []string {
	seen := map[string]bool{}
	hasBlank := false
	for i := range ix.Rows {
		v := strings.TrimSpace(field(&ix.Rows[i]))
		if v == "" {
			hasBlank = true
			continue
		}
		seen[v] = true
	}
	out := make([]string, 0, len(seen)+1)
	for v := range seen {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	if hasBlank {
		out = append(out, blank)
	}
	return out
}
