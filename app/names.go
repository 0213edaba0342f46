package app

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NameLimit is the longest name an admin may give, in characters.
const NameLimit = 256

// The name rule: every name an admin types for something Nimbus keeps (an organization
// unit, a service, a catalogue item, a custom role, a skill level) is
//   - trimmed of spaces and invisible characters at either end, and stored in its NFC form,
//     so that the same name typed on two keyboards is the same name;
//   - not blank, and at most NameLimit characters;
//   - valid text without control characters, line breaks or text-direction controls, which
//     would move the cursor, break a line or reorder what is printed after the name;
//   - not only digits, which the command line reads as an id, and not "." or "..";
//   - for an organization unit, without "/", which separates the units of a path.

// cleanName applies the name rule to the name of what ("a skill", "an organization
// unit") and returns the name to store.
func cleanName(what, name string) (string, error) {
	clean, err := cleanText(what, name)
	if err != nil {
		return "", err
	}
	clean = norm.NFC.String(clean)
	if err := checkNameLength(what, clean); err != nil {
		return "", err
	}
	if onlyDigits(clean) {
		return "", refuse("name.digits", "%s cannot be named only with digits (%q): the command line would read it as an id; add a word, e.g. %q",
			what, clean, nameExample(what, clean))
	}
	if clean == "." || clean == ".." {
		return "", refuse("name.dots", "%s cannot be named %q, which means a place in a path, not a name; choose a word", what, clean)
	}
	return clean, nil
}

// cleanOUName is the name rule for an organization unit: the rule of every name, and no
// "/", which separates the units of a path such as "Sales/EMEA".
func cleanOUName(name string) (string, error) {
	clean, err := cleanName("an organization unit", name)
	if err != nil {
		return "", err
	}
	if strings.Contains(clean, "/") {
		return "", refuse("name.slash", "an organization unit's name cannot contain \"/\", which separates the units of a path; use another character, e.g. \"-\"")
	}
	return clean, nil
}

// cleanText is the part of the name rule that holds for any single-line text an admin
// names something with, also a name kept elsewhere (an Entra ID group's, matched as it is
// written there, so not normalised): trimmed, not blank, valid text without control
// characters. Its length is checkNameLength's; it allows digits and dots.
func cleanText(what, name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", refuse("name.characters", "the name of %s is not valid text (UTF-8); type it again", what)
	}
	name = strings.TrimFunc(name, invisible)
	if name == "" {
		return "", refuse("name.empty", "%s needs a name", what)
	}
	if i := strings.IndexFunc(name, unprintable); i >= 0 {
		r, _ := utf8.DecodeRuneInString(name[i:])
		return "", refuse("name.characters", "the name of %s cannot contain control characters, line breaks or text-direction controls (it has %U); type it without them",
			what, r)
	}
	return name, nil
}

// checkNameLength refuses a name longer than NameLimit characters.
func checkNameLength(what, name string) error {
	if n := utf8.RuneCountInString(name); n > NameLimit {
		return refuse("name.length", "the name of %s can have at most %d characters, not %s; shorten it", what, NameLimit, Thousands(n))
	}
	return nil
}

// invisible is a character trimmed from the ends of a name: a space, a line break, or an
// invisible format character (a zero-width space, a byte-order mark), but not a
// text-direction control, which is refused wherever it stands.
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) && !directionControl(r)
}

// unprintable is a character no name may hold: a control character (tab, escape, …), a
// line or paragraph separator, or a text-direction embedding, override or isolate.
func unprintable(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || directionControl(r)
}

// directionControl is an embedding, override (U+202A–U+202E) or isolate (U+2066–U+2069):
// characters that reorder the text printed after them.
func directionControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// nameExample suggests a name made of the thing's noun and the digits typed: "Level 3"
// for "a level" and "3".
func nameExample(what, digits string) string {
	noun := strings.TrimPrefix(strings.TrimPrefix(what, "a "), "an ")
	return strings.ToUpper(noun[:1]) + noun[1:] + " " + digits
}

// onlyDigits reports whether the command line would read name as a number: only digits
// (of any script), or a signed whole number such as "+3".
func onlyDigits(name string) bool {
	if _, err := strconv.ParseInt(name, 10, 64); err == nil {
		return true
	}
	return strings.IndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
