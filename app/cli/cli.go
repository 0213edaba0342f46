// Package cli is the command line of Nimbus Admin: verbs that scripts call, thin over
// package app, so that the rules and their messages are the GUI's.
package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/cli/globals"
	"nimbusadmin/app/teamclient"
)

// Globals are the flags that come before the verb (package globals reads them).
type Globals = globals.Globals

// ParseGlobals reads the global flags (and their environment variables) from args and
// returns them with the rest of the command line: the verb and its arguments.
func ParseGlobals(args []string, getenv func(string) string) (Globals, []string, error) {
	return globals.Parse(args, getenv)
}

// Run executes one command line and returns the process exit code: 0 on success (or
// help), 1 when the command failed or was refused, 2 for a malformed command line (the
// rule in full is beside exitCode).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, stdout, stderr, outside{getenv: os.Getenv})
}

// runWith is Run with the environment, keyring and network the verbs reach given.
func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, o outside) int {
	return report(stderr, run(ctx, args, stdout, stderr, o))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, o outside) error {
	g, rest, err := ParseGlobals(args, o.getenv)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("no verb given")
	}
	verb, ok := findVerb(rest)
	if !ok {
		if wantsHelp(rest) && printVerbsUnder(rest, stdout) {
			return nil
		}
		return unknownVerb(rest)
	}
	verbArgs := rest[len(strings.Fields(verb.name)):]
	if verb.run == nil {
		return runHelp(ctx, verbArgs, stdout)
	}
	if wantsHelp(verbArgs) {
		return printVerbHelp(ctx, verb, verbArgs, stdout)
	}
	if g.Server != "" && g.Tenant == globals.DefaultTenant {
		g.Tenant = serverTenant(ctx, g.Server, o.httpClient, g.Tenant)
	}
	e := env{globals: g, outside: o, stdout: stdout, stderr: stderr}
	reads := onlyReads(verb, verbArgs)
	e.open = func() (*app.App, error) {
		a, err := openCache(ctx, e, reads)
		sayCacheNotes(e.stderr, a)
		return a, err
	}
	return verb.run(ctx, e, verbArgs)
}

// openCache opens the cache a verb works on: --db, the demo tenant, or the cache of the
// tenant the admin is signed in to (found from the token cache, without the network);
// for reading only when the command line only reads.
func openCache(ctx context.Context, e env, reads bool) (*app.App, error) {
	if e.globals.Server == "" && e.globals.DB == "" && !e.globals.Demo {
		server, err := rememberedServer(ctx, e) // 'server connect' named the tenant's team server
		if err != nil {
			return nil, err
		}
		e.globals.Server = server
	}
	if e.globals.Server != "" {
		return openReplica(ctx, e)
	}
	opts := e.globals.Session(e.stderr)
	opts.ReadOnly = reads
	if opts.Demo {
		return app.OpenSession(ctx, opts)
	}
	s, err := authSession(e)
	if err != nil {
		return nil, err
	}
	acc, signedIn, err := s.Account(ctx)
	switch {
	case err != nil && opts.DBPath == "":
		return nil, fmt.Errorf("cannot read the sign-in: %w", err)
	case signedIn:
		opts.SignedIn = app.Account{Username: acc.Username, TenantID: acc.TenantID}
	}
	if opts.DBPath == "" && signedIn {
		path, ok, err := app.SignInCachePath(ctx, s)
		switch {
		case err != nil:
			return nil, fmt.Errorf("cannot read the sign-in: %w", err)
		case ok:
			opts.DBPath = path
		case path != "":
			return nil, fmt.Errorf("the signed-in tenant has no cache on this computer yet: run 'nimbusadmin sync' first")
		}
	}
	return app.OpenSession(ctx, opts)
}

// verb is one command of the command line.
type verb struct {
	name  string // one or two words: "users", "user show"
	args  string // the synopsis after the name
	about string
	run   func(ctx context.Context, e env, args []string) error
}

// findVerb matches the longest verb name at the start of args ("user role add" before
// "user role", before "user").
func findVerb(args []string) (verb, bool) {
	var found verb
	longest := 0
	for _, v := range verbs {
		words := strings.Fields(v.name)
		if len(words) > longest && len(args) >= len(words) && slices.Equal(args[:len(words)], words) {
			found, longest = v, len(words)
		}
	}
	return found, longest > 0
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Nimbus Admin: administration of Nimbus users for Microsoft Teams tenants.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Usage: nimbusadmin [global flags] VERB [arguments]")
	fmt.Fprintln(w, "       nimbusadmin [global flags]            (no verb: open the window)")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Verbs (VERB --help or 'nimbusadmin help VERB' for one verb's flags):")
	for _, g := range verbGroups {
		fmt.Fprintf(w, "\n%s:\n", g.heading)
		for _, v := range g.verbs {
			fmt.Fprintf(w, "  %-13s %s\n      %s\n", v.name, v.args, v.about)
		}
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Global flags (each also read from NIMBUSADMIN_<FLAG>, e.g. NIMBUSADMIN_DB):")
	fmt.Fprintln(w, "  --db PATH         the cache file (default: one per tenant in the config folder)")
	fmt.Fprintln(w, "  --demo            use the built-in demo tenant (its own cache unless --db is given)")
	fmt.Fprintf(w, "  --demo-users N    Nimbus users in the demo tenant (default %d, %d to %d)\n", app.DefaultDemoUsers, app.MinDemoUsers, app.MaxDemoUsers)
	fmt.Fprintln(w, "  --tenant ID       tenant id or domain to sign in to (default organizations)")
	fmt.Fprintln(w, "  --client-id ID    app registration used for sign-in")
	fmt.Fprintln(w, "  --cloud NAME      global, usgov, usgovdod or china (sets the two below)")
	fmt.Fprintln(w, "  --authority URL   authority host, e.g. https://login.microsoftonline.us")
	fmt.Fprintln(w, "  --graph-url URL   Graph base URL, e.g. https://graph.microsoft.com/v1.0")
	fmt.Fprintln(w, "  --no-keyring      keep tokens in memory for this process only")
	fmt.Fprintln(w, "  --as UPN          demo only: act as another user of the demo tenant, to try their permissions")
}

// serverTenant is the tenant the team server at addr serves, which signing in with
// --server signs in to; fallback when the server does not answer (the replica then says
// it is offline).
func serverTenant(ctx context.Context, addr string, hc *http.Client, fallback string) string {
	if hc == nil {
		hc = http.DefaultClient
	}
	pub, err := teamclient.Discover(ctx, addr, hc)
	if err != nil {
		return fallback
	}
	return pub.TenantID
}
