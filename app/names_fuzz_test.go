package app

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzNameRule checks what the name rule promises of every name it accepts: valid NFC
// text of 1–256 characters, trimmed, without control characters or direction controls,
// not only digits, not "." or "..", for an OU without "/"; a clean name is accepted again
// unchanged; and a refusal is one short line that cannot act on a terminal.
func FuzzNameRule(f *testing.F) {
	for _, s := range []string{
		"Sales", " Café Nord ", "Cafe\u0301", "佐藤 花子", "שלום", "Team 3", "3", "+3", "٣", ".", "..", "...",
		"Sales/EMEA", "a\x1b[2Jb", "bank\u202egnp.exe", "\u2066x\u2069", "two\nlines", "\u200b", "\ufeffBOM",
		"bad\xffbyte", strings.Repeat("x", 256), strings.Repeat("x", 257), strings.Repeat("e\u0301", 256),
		"\u0301", " \u00a0 ", "x\u2028y", "\x00", "\u0085x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		for _, rule := range []struct {
			name  string
			clean func(string) (string, error)
		}{
			{"name", func(s string) (string, error) { return cleanName("a skill", s) }},
			{"OU name", cleanOUName},
		} {
			clean, err := rule.clean(typed)
			if err != nil {
				msg := err.Error()
				if len(msg) > 400 || strings.ContainsAny(msg, "\x1b\n\r\u202e") || !utf8.ValidString(msg) {
					t.Fatalf("%s %q: refusal is not one short safe line: %q", rule.name, typed, msg)
				}
				var re *RuleError
				if !errors.As(err, &re) || !strings.HasPrefix(re.Rule, "name.") {
					t.Fatalf("%s %q: refused by %v, not by the name rule", rule.name, typed, err)
				}
				continue
			}
			n := utf8.RuneCountInString(clean)
			switch {
			case !utf8.ValidString(clean) || !norm.NFC.IsNormalString(clean):
				t.Fatalf("%s %q: accepted %q is not valid NFC text", rule.name, typed, clean)
			case n < 1 || n > NameLimit:
				t.Fatalf("%s %q: accepted %q has %d characters", rule.name, typed, clean, n)
			case strings.IndexFunc(clean, unprintable) >= 0:
				t.Fatalf("%s %q: accepted %q holds a control character", rule.name, typed, clean)
			case strings.TrimFunc(clean, invisible) != clean:
				t.Fatalf("%s %q: accepted %q is not trimmed", rule.name, typed, clean)
			case onlyDigits(clean) || clean == "." || clean == "..":
				t.Fatalf("%s %q: accepted %q, which is not a name", rule.name, typed, clean)
			case rule.name == "OU name" && strings.Contains(clean, "/"):
				t.Fatalf("%s %q: accepted %q with a slash", rule.name, typed, clean)
			}
			if again, err := rule.clean(clean); err != nil || again != clean {
				t.Fatalf("%s %q: clean %q is not clean again: %q, %v", rule.name, typed, clean, again, err)
			}
		}
	})
}
