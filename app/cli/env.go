package cli

import (
	"flag"
	"io"
	"net/http"

	"nimbusadmin/app"
	"nimbusadmin/auth"
)

// outside is what the verbs reach beyond the process: the environment, the OS keyring
// and the network. Run gives the real ones; tests give a keyring in memory and the trust
// of a simulated tenant.
type outside struct {
	getenv     func(string) string
	keyring    auth.Keyring // nil: the OS keyring
	httpClient *http.Client // nil: the system's TLS trust
}

// env is what a verb gets: the global flags, a way to open the session, what it reaches
// outside the process and the output streams.
type env struct {
	open    func() (*app.App, error)
	globals Globals
	outside
	stdout io.Writer
	stderr io.Writer
}

// withApp opens the session a verb works on, runs fn on it and closes it: the preamble
// of every verb that reads or changes the cache, once.
func withApp(e env, fn func(a *app.App) error) error {
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Close()
	return fn(a)
}

// formatFlag adds the --format flag (table by default) to a verb's flags; usage names
// the formats the verb writes.
func formatFlag(fs *flag.FlagSet, usage string) *format {
	f := format("table")
	fs.Var(&f, "format", usage)
	return &f
}
