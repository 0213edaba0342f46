package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"nimbusadmin/app/cli/globals"
)

// The exit codes of the command line, one rule for every verb:
//
//   - 0: the command did what it was asked, or printed the help it was asked for (-h or
//     --help before or after the verb, 'help', 'help VERB').
//   - 2: the command line is malformed: it is not a complete instruction. An unknown
//     verb, action or flag; a value outside the flag's fixed choices (--format xml,
//     --licence gold, --interact maybe); a number that is not one or is out of its range
//     (--demo-users -1, --limit 0); a required flag or argument left out, including one
//     the named thing needs to say what is meant (--level for a skill whose category has
//     levels, --ou for a role held in several scopes); a flag given with an empty value
//     where it needs one; flags that contradict each other or do not apply.
//   - 1: the command line is a complete instruction, but the command failed or was
//     refused: a rule refused the change; a user, OU, service, role or item named on the
//     command line is not in the cache (a failed lookup, not a malformed line: the same
//     line succeeds once it exists, for example after a sync); the cache, the keyring or
//     Microsoft Graph could not be used; the command was cancelled.
const (
	exitOK        = 0
	exitFailed    = 1
	exitMalformed = 2
)

// usageError marks a mistake in the command line itself (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{quotedf(format, args...)} }

// exitCode is the one place where an error becomes an exit code: 2 for a malformed
// command line, 1 for every other failure.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, new(usageError)), errors.As(err, new(globals.UsageError)):
		return exitMalformed
	}
	return exitFailed
}

// report writes the one line that says why a command did not succeed, and returns the
// exit code.
func report(stderr io.Writer, err error) int {
	code := exitCode(err)
	switch code {
	case exitMalformed:
		fmt.Fprintf(stderr, "nimbusadmin: %s (see 'nimbusadmin help')\n", oneLine(err.Error()))
	case exitFailed:
		fmt.Fprintf(stderr, "nimbusadmin: %s\n", oneLine(err.Error()))
	}
	return code
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// blankAllowed names the flags whose empty value means something and is passed on as
// given: a description or welcome text may be empty, and the tenant settings' own rules
// refuse an empty snippet template or admin group with their message.
var blankAllowed = map[string]bool{"description": true, "welcome": true, "snippet-template": true, "admin-group": true}

// refuseBlank refuses a flag given with an empty (or only blank) value when the flag
// needs one: '--ou ""' must not quietly mean the tenant root, nor '--search ""' everyone.
func refuseBlank(fs *flag.FlagSet) error {
	var blank string
	fs.Visit(func(f *flag.Flag) {
		if blank == "" && !globals.IsSwitch(f) && !blankAllowed[f.Name] && strings.TrimSpace(f.Value.String()) == "" {
			blank = f.Name
		}
	})
	if blank != "" {
		return usagef("%s: --%s needs a value", fs.Name(), blank)
	}
	return nil
}

// required refuses a command line that leaves out a flag the verb cannot do without;
// what says what to give, as the help writes it ("OU", "skill|none").
func required(fs *flag.FlagSet, name, what string) error {
	if flagGiven(fs, name) {
		return nil
	}
	return usagef("%s needs --%s %s", fs.Name(), name, what)
}
