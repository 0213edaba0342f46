package userlist

import (
	"strings"
	"testing"
)

// FuzzSearch checks the search parser of the list's fast scan (searchNeedles, matchWords)
// against the plain one the directory search and Index.Filter use (Row.matches): they agree
// on every search and every person; a person is found by the words of their own display
// name; and a search that narrows another (typed further) never finds someone the other
// does not.
func FuzzSearch(f *testing.F) {
	for _, c := range [][6]string{
		{"anna", "Anna Åberg", "anna@contoso.example", "anna@mail.contoso.example", "Sales", "ann"},
		{"@contoso", "Ben Okafor", "ben@contoso.example", "", "", "@con"},
		{"@ @ x", "x", "x@", "@", "", "@"},
		{"ÅBERG sales", "Anna Åberg", "a@b", "", "Sales", "åberg"},
		{"İstanbul", "İstanbul Office", "i@tr.example", "", "", "i̇stanbul"},
		{"\x00", "a\x00b", "", "", "", ""},
		{"bad\xff", "bad\xff", "\xff@\xff", "", "", "bad"},
		{"ǅ Σ ς", "ǆungla Σίσυφος", "", "", "", "σ"},
	} {
		f.Add(c[0], c[1], c[2], c[3], c[4], c[5])
	}
	f.Fuzz(func(t *testing.T, search, name, upn, mail, department, earlier string) {
		r := Row{
			key:    strings.ToLower(strings.Join([]string{name, upn, "id", mail, department, "Sales/EMEA"}, "\x00")),
			domain: "\x00" + strings.ToLower(domainOf(upn)) + "\x00" + strings.ToLower(domainOf(mail)),
		}
		words := strings.Fields(strings.ToLower(search))
		fast := matchWords(r.key, r.domain, searchNeedles(search))
		if plain := r.matches(words); fast != plain {
			t.Fatalf("search %q on %q: the scan says %v, the plain match %v", search, r.key, fast, plain)
		}
		var own []string
		for _, w := range strings.Fields(name) {
			if !isDomainWord(strings.ToLower(w)) {
				own = append(own, w)
			}
		}
		if ownSearch := strings.Join(own, " "); !matchWords(r.key, r.domain, searchNeedles(ownSearch)) {
			t.Fatalf("%q is not found by the words of their name %q", name, ownSearch)
		}
		if narrows(Filter{Search: earlier}, Filter{Search: search}) && fast &&
			!matchWords(r.key, r.domain, searchNeedles(earlier)) {
			t.Fatalf("%q narrows %q, yet finds %q which %q does not", search, earlier, r.key, earlier)
		}
	})
}
