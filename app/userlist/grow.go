package userlist

import (
	"slices"
	"strings"
)

// Grow returns a view of ix, which holds the rows of v's index followed by a further part
// of the list in display-name order, sorted as v is. It lets the window show a large list
// while the rest of it loads. v stays usable until the new view replaces it; the caller
// holds whatever guards v.
func (v *View) Grow(ix *Index) *View {
	first := len(v.Index.Rows)
	w := &View{Index: ix, keys: v.keys, departments: v.departments, profiles: v.profiles,
		departmentIDs: v.departmentIDs, profileIDs: v.profileIDs}
	w.buildKeys(first)
	w.base = w.mergeByName(v.nameOrder(nil), first)
	w.order = slices.Clone(w.base)
	if v.column != ColumnDisplayName {
		w.column = ColumnDisplayName
		w.SortBy(v.column, v.desc)
	} else if v.desc {
		slices.Reverse(w.order)
		w.desc = true
	}
	return w
}

// nameOrder appends the row positions in display-name order to out.
func (v *View) nameOrder(out []int) []int {
	if v.base != nil {
		return append(out, v.base...)
	}
	for i := range v.Index.Rows {
		out = append(out, i)
	}
	return out
}

// mergeByName merges old, positions in display-name order, with the rows from first on,
// which are in that order among themselves.
func (v *View) mergeByName(old []int, first int) []int {
	rows := v.Index.Rows
	out := make([]int, 0, len(rows))
	next := first
	for _, i := range old {
		for next < len(rows) && v.nameBefore(next, i) {
			out = append(out, next)
			next++
		}
		out = append(out, i)
	}
	for ; next < len(rows); next++ {
		out = append(out, next)
	}
	return out
}

// nameBefore reports whether row a comes before row b by lower-case display name, then
// O365 ID, as the cache lists them. The lower-case name begins each row's search key.
func (v *View) nameBefore(a, b int) bool {
	ka, kb := v.keys[a].key, v.keys[b].key
	na, _, _ := strings.Cut(ka, "\x00")
	nb, _, _ := strings.Cut(kb, "\x00")
	if na != nb {
		return na < nb
	}
	return v.Index.Rows[a].ID < v.Index.Rows[b].ID
}
