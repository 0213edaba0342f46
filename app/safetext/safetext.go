// Package safetext makes text from the directory or from an admin safe to print: on a
// terminal, where control characters and escape sequences act instead of showing and
// bidirectional overrides reorder what follows, and in CSV, where a cell starting with
// '=', '+', '-' or '@' runs as a spreadsheet formula.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Terminal shows s with every control character, bidirectional control and invalid byte
// as a visible escape (\x1b, \u202e, \xff), so that a name cannot move the cursor,
// clear the screen, change colours or reorder the line it is printed on.
func Terminal(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// CSVCell neutralises a cell a spreadsheet would run as a formula: one that starts with
// '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe, which
// spreadsheets show as text, as OWASP's CSV-injection guidance recommends.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVRow neutralises every cell of a row.
func CSVRow(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = CSVCell(c)
	}
	return out
}

// clean reports whether s needs no escape, the common case, without allocating.
func clean(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError || unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune is a C1 control or a character that changes the direction of the text
// after it (embeddings, overrides, isolates and marks).
func unsafeRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}
