package permissions

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// FuzzParse checks the permission-string parser: it never panics, a mistake is one short
// line, and a set it reads, written back out with every item of the tree given explicitly
// (what Parse would need to be a printer's input), reads back as the same set.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "users=RU,users.skills=CRUD", "users=R, users.roles=", "services=crud", "users.list=R,services.users.users=R",
		"services.users.users=R", "users", "users=X", "=R", ",,,", " users = r ", "users=RRRR", "nope=R", "users=R,users=C",
		"services=R,services.general=,services.general.sla=U", "users=\x1b[2J", "bank\u202egnp=R", "users.skills=R,users=CRUD",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			if msg := err.Error(); len(msg) > 600 || strings.ContainsAny(msg, "\x1b\n\r\u202e") {
				t.Fatalf("Parse(%q): the error is not one short safe line: %q", s, msg)
			}
			return
		}
		_ = p.String()
		_, _ = p.Normalise()
		again, err := Parse(written(p))
		if err != nil || !maps.Equal(again, p) {
			t.Fatalf("Parse(%q) = %v; written as %q it reads %v, %v", s, p, written(p), again, err)
		}
	})
}

// written is the set as the command line writes it, every item of the tree given (empty
// letters for none) so that nothing is left to inheritance.
func written(p Set) string {
	keys := slices.Collect(maps.Keys(index))
	for k := range p {
		if _, known := index[k]; !known {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + strings.ReplaceAll(Text(p[k]), "-", "")
	}
	return strings.Join(parts, ",")
}
