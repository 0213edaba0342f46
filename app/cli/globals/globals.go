// Package globals reads the flags that come before a verb of the command line (and their
// NIMBUSADMIN_* environment variables). It stands apart from package cli so that what
// reads every command line first can be fuzzed without compiling the Graph client the
// verbs reach.
package globals

import (
	"errors"
	"flag"
	"io"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/safetext"
	"nimbusadmin/auth"
)

// DefaultTenant is --tenant when not given: any organisation's account may sign in.
const DefaultTenant = "organizations"

// Globals are the flags that come before the verb; each may also be set through the
// environment as NIMBUSADMIN_<FLAG> (dashes as underscores).
type Globals struct {
	DB        string
	Demo      bool
	DemoUsers int
	Tenant    string // tenant id or domain to sign in to ("organizations" by default)
	ClientID  string // the app registration used for sign-in
	Authority string // authority host, e.g. https://login.microsoftonline.us
	GraphURL  string // Graph base URL, e.g. https://graph.microsoft.com/v1.0
	Cloud     string // global, usgov, usgovdod or china
	NoKeyring bool   // keep tokens in memory for this process only
	As        string // demo only: act as this user of the demo tenant
	Server    string // team mode: the Nimbus Admin server whose data the cache replicates
}

// Session is what OpenSession needs from the global flags.
func (g Globals) Session(progress io.Writer) app.SessionOptions {
	return app.SessionOptions{DBPath: g.DB, Demo: g.Demo, DemoUsers: g.DemoUsers, Progress: progress, As: g.As}
}

// Parse reads the global flags (and their environment variables) from args and
// returns them with the rest of the command line: the verb and its arguments.
func Parse(args []string, getenv func(string) string) (Globals, []string, error) {
	var g Globals
	fs := flag.NewFlagSet("nimbusadmin", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&g.DB, "db", "", "cache file")
	fs.BoolVar(&g.Demo, "demo", false, "use the demo tenant")
	fs.IntVar(&g.DemoUsers, "demo-users", app.DefaultDemoUsers, "Nimbus users in the demo tenant")
	fs.StringVar(&g.Tenant, "tenant", DefaultTenant, "tenant id or domain")
	fs.StringVar(&g.ClientID, "client-id", "", "app registration (client) id")
	fs.StringVar(&g.Authority, "authority", "", "authority host")
	fs.StringVar(&g.GraphURL, "graph-url", "", "Graph base URL")
	fs.StringVar(&g.Cloud, "cloud", "global", "global, usgov, usgovdod or china")
	fs.BoolVar(&g.NoKeyring, "no-keyring", false, "keep tokens in memory only")
	fs.StringVar(&g.As, "as", "", "demo only: act as this user (UPN)")
	fs.StringVar(&g.Server, "server", "", "team mode: the Nimbus Admin server's address")
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		name := "NIMBUSADMIN_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := getenv(name); v != "" && envErr == nil {
			if strings.TrimSpace(v) == "" {
				envErr = usagef("%s is blank: give it a value or unset it", name)
			} else if err := fs.Set(f.Name, v); err != nil {
				envErr = usagef("%s=%q: %v", name, v, err)
			}
		}
	})
	// -h and --help before any verb ask for the help, as the verb does: the help is
	// printed whatever else the command line or the environment holds.
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return g, []string{"help"}, nil
	} else if err != nil {
		return g, nil, usagef("%v", err)
	}
	if envErr != nil {
		return g, nil, envErr
	}
	if err := check(fs, g); err != nil {
		return g, nil, err
	}
	return g, fs.Args(), nil
}

// UsageError is a mistake in the command line itself: the command line exits 2.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// usagef formats a UsageError; what it quotes with %q is cut short, so that a pasted
// argument cannot flood the error line.
func usagef(format string, args ...any) error {
	return UsageError{safetext.Sprintf(format, args...)}
}

// check refuses global flags that are malformed on their own, whatever the verb:
// a demo size out of the generator's range, an empty value given for a flag that needs
// one, an unknown cloud or an authority or Graph URL that is not https. These are
// mistakes in the command line (exit 2), found before any cache is opened.
func check(fs *flag.FlagSet, g Globals) error {
	var blank string
	fs.Visit(func(f *flag.Flag) {
		if blank == "" && !IsSwitch(f) && strings.TrimSpace(f.Value.String()) == "" {
			blank = f.Name
		}
	})
	if blank != "" {
		return usagef("--%s needs a value", blank)
	}
	if g.DemoUsers < app.MinDemoUsers || g.DemoUsers > app.MaxDemoUsers {
		return usagef("--demo-users must be between %d and %d, not %d", app.MinDemoUsers, app.MaxDemoUsers, g.DemoUsers)
	}
	if g.As != "" && !g.Demo {
		return usagef("%v", app.ErrAsOutsideDemo)
	}
	if g.Server != "" && g.Demo {
		return usagef("--server and --demo exclude each other: the demo tenant lives on this computer only")
	}
	if _, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL); err != nil {
		return usagef("%v", err)
	}
	return nil
}

// IsSwitch reports whether the flag is an on-or-off switch that takes no value.
func IsSwitch(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
