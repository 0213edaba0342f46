package cli

import (
	"flag"

	"nimbusadmin/app"
	"nimbusadmin/auth"
)

// checkGlobals refuses global flags that are malformed on their own, whatever the verb:
// a demo size out of the generator's range, an empty value given for a flag that needs
// one, an unknown cloud or an authority or Graph URL that is not https. These are
// mistakes in the command line (exit 2), found before any cache is opened.
func checkGlobals(fs *flag.FlagSet, g Globals) error {
	if err := refuseBlank(fs); err != nil {
		return err
	}
	if g.DemoUsers < app.MinDemoUsers || g.DemoUsers > app.MaxDemoUsers {
		return usagef("--demo-users must be between %d and %d, not %d", app.MinDemoUsers, app.MaxDemoUsers, g.DemoUsers)
	}
	if g.As != "" && !g.Demo {
		return usagef("%v", app.ErrAsOutsideDemo)
	}
	if _, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL); err != nil {
		return usagef("%v", err)
	}
	return nil
}
