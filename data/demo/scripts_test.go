package demo

import (
	"testing"
	"unicode"
)

// TestTheDemoDirectoryWritesNamesInEveryScriptAdminsMeet checks that even a small demo
// tenant holds names in the scripts a worldwide directory holds, so that the window is
// seen drawing them (and right-to-left names beside left-to-right ones), while most
// names stay Latin.
func TestTheDemoDirectoryWritesNamesInEveryScriptAdminsMeet(t *testing.T) {
	scripts := []struct {
		name   string
		tables []*unicode.RangeTable
	}{
		{"Chinese or Japanese kanji", []*unicode.RangeTable{unicode.Han}},
		{"Japanese kana", []*unicode.RangeTable{unicode.Hiragana, unicode.Katakana}},
		{"Korean", []*unicode.RangeTable{unicode.Hangul}},
		{"Arabic", []*unicode.RangeTable{unicode.Arabic}},
		{"Hebrew", []*unicode.RangeTable{unicode.Hebrew}},
		{"Thai", []*unicode.RangeTable{unicode.Thai}},
		{"Devanagari", []*unicode.RangeTable{unicode.Devanagari}},
		{"Greek", []*unicode.RangeTable{unicode.Greek}},
	}
	people := Directory(DefaultUsers, DefaultSeed)
	latin := 0
	for _, p := range people {
		if isLatin(p.DisplayName) {
			latin++
		}
	}
	for _, s := range scripts {
		n := 0
		for _, p := range people {
			for _, r := range p.DisplayName {
				if unicode.In(r, s.tables...) {
					n++
					break
				}
			}
		}
		if n == 0 {
			t.Errorf("no name of the %d people is written in %s", len(people), s.name)
		}
	}
	if latin < len(people)*3/4 {
		t.Errorf("%d of %d names are in Latin letters, want most of them", latin, len(people))
	}
}

// isLatin says whether a name uses Latin letters only (with punctuation and spaces).
func isLatin(name string) bool {
	for _, r := range name {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
