package cli

import "nimbusadmin/app/safetext"

// quotedf formats a message about the command line as app's refusals are formatted:
// what it quotes with %q is cut to safetext.QuoteLimit characters, so that a mistyped
// or pasted argument cannot flood the error line.
func quotedf(format string, args ...any) string { return safetext.Sprintf(format, args...) }
