package permissions

import (
	"fmt"
	"sort"
	"strings"

	"nimbusadmin/app/safetext"
)

// Text writes bits as "CRUD" letters ("-R--" for read only).
func Text(v int) string {
	var b strings.Builder
	for i, bit := range Bits {
		if v&bit != 0 {
			b.WriteByte("CRUD"[i])
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// String lists the set as "item CRUD" pairs by key, for the journal and the CLI.
func (p Set) String() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %s", k, Text(p[k]))
	}
	if len(parts) == 0 {
		return "no permissions"
	}
	return strings.Join(parts, ", ")
}

// Parse reads "users=RU,users.skills=CRUD" as the command line writes it.
// As in the window, a group's letters go to every item below it, and an item given
// below a group overrides what it inherits: items apply from the areas down, whatever
// their place in the string. A following item ("services.users.users") may only be given
// with the letters of the item it follows.
func Parse(s string) (Set, error) {
	given := map[string]int{}
	var keys []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, letters, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("permission %s: write ITEM=CRUD, e.g. users.skills=RU", safetext.Quote(part))
		}
		v := 0
		for _, c := range strings.ToUpper(strings.TrimSpace(letters)) {
			i := strings.IndexRune("CRUD", c)
			if i < 0 {
				return nil, fmt.Errorf("permission %s: use the letters C, R, U and D", safetext.Quote(part))
			}
			v |= Bits[i]
		}
		key = strings.TrimSpace(key)
		if _, seen := given[key]; !seen {
			keys = append(keys, key)
		}
		given[key] |= v
	}
	sort.SliceStable(keys, func(i, j int) bool { return depth[keys[i]] < depth[keys[j]] })
	out := Set{}
	for _, k := range keys {
		n, ok := index[k]
		if !ok {
			out[k] = given[k] // not an item: the rule names it
			continue
		}
		eachBelow(n, func(n Item) {
			if v := given[k]; v != 0 {
				out[n.Key] = v
			} else {
				delete(out, n.Key)
			}
		})
	}
	for follower, leader := range follows {
		if v, ok := given[follower]; ok && impliedRead(v) != impliedRead(out[leader]) {
			return nil, fmt.Errorf("%s: %q follows %q (%s) and cannot be set on its own; set %s instead",
				follower, index[follower].Name, index[leader].Name, leader, leader)
		}
	}
	out.Follow()
	return out, nil
}
