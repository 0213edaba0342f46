package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/cli/globals"
)

// helpRequest is what parse returns when the command line asks for a verb's help: the
// verb's flag set, so that the help lists exactly the flags the verb reads.
type helpRequest struct{ flags *flag.FlagSet }

func (helpRequest) Error() string { return "help requested" }

// errHelpOnly stops a verb that was run only to learn its flags before it opens a cache.
var errHelpOnly = errors.New("help only")

// wantsHelp reports whether the verb's arguments ask for its help (-h, -help or --help
// before a "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help", "--h":
			return true
		}
	}
	return false
}

// runHelp is 'nimbusadmin help [VERB]': every verb, or one verb's help.
func runHelp(ctx context.Context, args []string, w io.Writer) error {
	if len(args) == 0 {
		printHelp(w)
		return nil
	}
	v, ok := findVerb(args)
	if !ok || v.run == nil {
		if printVerbsUnder(args, w) {
			return nil
		}
		return unknownVerb(args)
	}
	return printVerbHelp(ctx, v, append(args[len(strings.Fields(v.name)):], "--help"), w)
}

// printVerbHelp prints a verb's synopsis, what it does and its flags. The flags come from
// the verb's own flag set: the verb runs with the help flag and stops at parsing, and in
// case it reaches further it can neither open a cache nor print anything.
func printVerbHelp(ctx context.Context, v verb, args []string, w io.Writer) error {
	e := env{stdout: io.Discard, stderr: io.Discard}
	e.open = func() (*app.App, error) { return nil, errHelpOnly }
	var h helpRequest
	errors.As(v.run(ctx, e, args), &h)
	fmt.Fprintf(w, "Usage: nimbusadmin [global flags] %s %s\n\n", v.name, v.args)
	fmt.Fprintf(w, "%s.\n", capitalise(v.about))
	if h.flags == nil {
		return nil
	}
	var names, usages []string
	h.flags.VisitAll(func(f *flag.Flag) {
		names = append(names, "--"+f.Name+flagValueName(f))
		usage := f.Usage
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		usages = append(usages, usage)
	})
	if len(names) == 0 {
		return nil
	}
	width := len(slices.MaxFunc(names, func(a, b string) int { return len(a) - len(b) }))
	fmt.Fprintln(w, "\nFlags:")
	for i := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, names[i], usages[i])
	}
	return nil
}

// flagValueName is what a flag's value is called in the help: nothing for a switch,
// else the flag's name in capitals (--ou OU, --format FORMAT).
func flagValueName(f *flag.Flag) string {
	if globals.IsSwitch(f) {
		return ""
	}
	return " " + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// printVerbsUnder lists the verbs whose names go on from the words typed ("user",
// "services members"), for 'help user' and 'user --help'; false when the words typed
// (flags aside) start no verb's name.
func printVerbsUnder(args []string, w io.Writer) bool {
	var words []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			words = append(words, a)
		}
	}
	var under []verb
	for _, v := range verbs {
		name := strings.Fields(v.name)
		if len(words) > 0 && len(name) > len(words) && slices.Equal(name[:len(words)], words) {
			under = append(under, v)
		}
	}
	if len(under) == 0 {
		return false
	}
	fmt.Fprintf(w, "Verbs that start with %q (VERB --help for one verb's flags):\n", strings.Join(words, " "))
	for _, v := range under {
		fmt.Fprintf(w, "  %s %s\n      %s\n", v.name, v.args, v.about)
	}
	return true
}

// unknownVerb says that no verb has that name; when the words start some verbs' names
// ("user role"), it names the words that may follow.
func unknownVerb(args []string) error {
	for n := min(len(args), 3); n > 0; n-- {
		prefix := args[:n]
		var next []string
		for _, v := range verbs {
			words := strings.Fields(v.name)
			if len(words) > n && slices.Equal(words[:n], prefix) && !slices.Contains(next, words[n]) {
				next = append(next, words[n])
			}
		}
		if len(next) > 0 && (n == len(args) || strings.HasPrefix(args[n], "-") || n > 1) {
			return usagef("%q needs one of: %s", strings.Join(prefix, " "), strings.Join(next, ", "))
		}
	}
	n := 1
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") {
		n = 2
	}
	return usagef("unknown verb %q", strings.Join(args[:n], " "))
}
