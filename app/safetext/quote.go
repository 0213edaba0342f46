package safetext

import (
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// QuoteLimit is how many characters of what an admin typed (or the directory sent) an
// error line quotes: enough to recognise it, short enough that a pasted file or a
// 128 KiB name cannot flood the terminal.
const QuoteLimit = 80

// Short cuts s to QuoteLimit characters, ending it with "…" when it was longer.
func Short(s string) string {
	n := 0
	for i := range s {
		if n == QuoteLimit {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Quote is s shortened and in double quotes, with control characters, escape sequences,
// direction overrides and invalid bytes written as Go escapes: the one way an error line
// quotes input.
func Quote(s string) string { return strconv.Quote(Short(s)) }

// Sprintf is fmt.Sprintf for error lines: each text given to a %q verb is quoted with
// at most QuoteLimit characters, so that quoting what was typed never floods the line.
// Every other verb prints as fmt does.
func Sprintf(format string, args ...any) string {
	verbs := quoteVerbs(format, len(args))
	var short []any
	for i, q := range verbs {
		if !q {
			continue
		}
		s, ok := quotedText(args[i])
		if !ok || utf8.RuneCountInString(s) <= QuoteLimit {
			continue
		}
		if short == nil {
			short = append([]any(nil), args...)
		}
		short[i] = Short(s)
	}
	if short == nil {
		return fmt.Sprintf(format, args...)
	}
	return fmt.Sprintf(format, short...)
}

// quotedText is the text %q prints for arg, when it prints text: an error's message, a
// Stringer's String, or the value of a string (of any string type). A String or Error
// method that panics (on a nil receiver) leaves the argument to fmt, which reports it.
func quotedText(arg any) (text string, ok bool) {
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	switch v := arg.(type) {
	case string:
		return v, true
	case error:
		return v.Error(), true
	case fmt.Stringer:
		return v.String(), true
	}
	if v := reflect.ValueOf(arg); v.Kind() == reflect.String {
		return v.String(), true
	}
	return "", false
}

// quoteVerbs reports, for each of n arguments, whether format prints it with %q. A format
// with explicit argument indexes ("%[2]q") or a '*' width is read as having none, and
// prints as it would have.
func quoteVerbs(format string, n int) []bool {
	out := make([]bool, n)
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && isVerbFlag(format[i]) {
			i++
		}
		if i >= len(format) {
			break
		}
		switch c := format[i]; {
		case c == '%':
			continue
		case c == '[' || c == '*':
			return make([]bool, n)
		default:
			if arg < n {
				out[arg] = c == 'q'
			}
			arg++
		}
	}
	return out
}

// isVerbFlag is a byte that may stand between '%' and its verb: a flag, a width or a
// precision.
func isVerbFlag(c byte) bool {
	return c == '+' || c == '-' || c == '#' || c == ' ' || c == '0' || c == '.' || c >= '1' && c <= '9'
}
