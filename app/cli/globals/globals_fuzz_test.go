package globals

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/auth"
)

// globalEnvNames are the environment variables Parse reads, one per global flag.
var globalEnvNames = []string{"NIMBUSADMIN_DB", "NIMBUSADMIN_DEMO", "NIMBUSADMIN_DEMO_USERS", "NIMBUSADMIN_TENANT",
	"NIMBUSADMIN_CLIENT_ID", "NIMBUSADMIN_AUTHORITY", "NIMBUSADMIN_GRAPH_URL", "NIMBUSADMIN_CLOUD",
	"NIMBUSADMIN_NO_KEYRING", "NIMBUSADMIN_AS"}

// isHelpToken reports whether a word asks the flag parser for help: -h, --help, -help=x…
func isHelpToken(a string) bool {
	name, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
	return strings.HasPrefix(a, "-") && (name == "h" || name == "help")
}

// FuzzParseGlobals reads a command line (words separated by NUL) and one environment
// variable. It checks that Parse never panics; that every error is a malformed
// command line (exit 2) and names the variable when the variable is at fault; that what
// it accepts is in range (demo size, cloud and URLs, --as only with --demo, no value
// given empty); that the rest is the end of the command line as typed, unless help was
// asked for; and that -h before a verb, and only there, asks for the help.
func FuzzParseGlobals(f *testing.F) {
	for _, seed := range []struct {
		line  string
		env   uint8
		value string
	}{
		{"users", 255, ""},
		{"--demo\x00--demo-users\x0050\x00users\x00--format\x00json", 255, ""},
		{"--db\x00/tmp/c#d?.db\x00ous", 0, "/tmp/other.db"},
		{"--demo-users\x00-1\x00users", 255, ""},
		{"--demo-users\x00abc", 2, "many"},
		{"--demo-users=2000000", 255, ""},
		{"-h", 255, ""},
		{"--help\x00users", 255, ""},
		{"--db\x00-h\x00users", 255, ""},
		{"--demo\x00-help=1", 255, ""},
		{"--as\x00anna@contoso.example\x00users", 1, "true"},
		{"--as\x00anna@contoso.example\x00users", 255, ""},
		{"--cloud\x00mars\x00status", 7, "usgov"},
		{"--graph-url\x00http://graph.example\x00sync", 255, ""},
		{"--authority\x00https://login.microsoftonline.us\x00signin", 6, "https://graph.microsoft.us/v1.0"},
		{"--db\x00\x00ous", 255, ""},
		{"--tenant\x00 \x00signin", 3, "  "},
		{"--\x00-h", 255, ""},
		{"--no-keyring=maybe\x00sync", 8, "yes"},
		{"--demo\x00--db\x00\u202etxt.exe\x00users", 255, ""},
		{"\x00\x00", 255, "\x00"},
	} {
		f.Add(seed.line, seed.env, seed.value)
	}
	f.Fuzz(func(t *testing.T, line string, env uint8, value string) {
		var args []string
		if line != "" {
			args = strings.Split(line, "\x00")
		}
		name := ""
		if int(env) < len(globalEnvNames) {
			name = globalEnvNames[env]
		}
		getenv := func(k string) string {
			if k == name {
				return value
			}
			return ""
		}
		g, rest, err := Parse(args, getenv)
		if err != nil {
			if !errors.As(err, new(UsageError)) {
				t.Fatalf("%q: the error %v is not a malformed command line", args, err)
			}
			_, _, argsErr := Parse(args, func(string) string { return "" })
			if argsErr == nil && !strings.Contains(err.Error(), name) && !globalsFromEnvAreAtFault(err) {
				t.Fatalf("%q with %s=%q: the error %q does not name the variable", args, name, value, err)
			}
			return
		}
		checkAcceptedGlobals(t, args, g, rest)
	})
}

// globalsFromEnvAreAtFault reports whether the error is a check of the values as a whole
// (range, cloud, --as), which may come from the environment and the command line alike.
func globalsFromEnvAreAtFault(err error) bool {
	for _, s := range []string{"--demo-users must be", "--as works only", "cloud", "must be an https:// URL"} {
		if strings.Contains(err.Error(), s) {
			return true
		}
	}
	return false
}

// checkAcceptedGlobals checks what Parse accepted: values in range, and the rest
// of the command line as typed, or the help when a help flag came before the verb.
func checkAcceptedGlobals(t *testing.T, args []string, g Globals, rest []string) {
	t.Helper()
	n := len(args) - len(rest)
	typed := n >= 0 && slices.Equal(args[n:], rest)
	asked := slices.Equal(rest, []string{"help"}) && slices.ContainsFunc(args, isHelpToken)
	if !typed && !asked {
		t.Fatalf("%q: the rest %q is neither the end of the command line nor the help", args, rest)
	}
	if asked {
		return // the help is printed whatever the other flags hold, and they are not used
	}
	if g.DemoUsers < app.MinDemoUsers || g.DemoUsers > app.MaxDemoUsers {
		t.Fatalf("%q: accepted --demo-users %d", args, g.DemoUsers)
	}
	if _, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL); err != nil {
		t.Fatalf("%q: accepted endpoints that do not resolve: %v", args, err)
	}
	if g.As != "" && !g.Demo {
		t.Fatalf("%q: accepted --as without --demo", args)
	}
	if strings.TrimSpace(g.Tenant) == "" || strings.TrimSpace(g.Cloud) == "" {
		t.Fatalf("%q: accepted an empty tenant or cloud: %+v", args, g)
	}
	if len(rest) > 0 && strings.HasPrefix(rest[0], "-") && rest[0] != "-" && args[n-1] != "--" {
		t.Fatalf("%q: the verb %q is a flag", args, rest[0])
	}
	if n > 0 && slices.ContainsFunc(args[:n], isHelpToken) && !helpTokenIsAValue(args[:n]) {
		t.Fatalf("%q: a help flag before the verb did not ask for the help", args)
	}
}

// helpTokenIsAValue reports whether every help-like word among the global flags is the
// value of the flag before it (--db -h) or comes after "--", rather than a flag itself.
func helpTokenIsAValue(globals []string) bool {
	for i, a := range globals {
		if a == "--" {
			return true
		}
		if isHelpToken(a) && (i == 0 || !takesValue(globals[i-1])) {
			return false
		}
	}
	return true
}

// takesValue reports whether a word is a global flag that takes the next word as its
// value (--db PATH), rather than a switch or a flag written with '='.
func takesValue(a string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if !strings.HasPrefix(a, "-") || strings.Contains(name, "=") {
		return false
	}
	return slices.Contains([]string{"db", "demo-users", "tenant", "client-id", "authority", "graph-url", "cloud", "as"}, name)
}
