package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app/buildinfo"
)

// runVersion prints which build is running: one line for a person, or the version,
// commit and date as JSON for a script. It opens no cache.
func runVersion(_ context.Context, e env, args []string) error {
	fs := newFlags("version")
	f := formatFlag(fs, "table or json")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	info := buildinfo.Current()
	if *f == "json" {
		return writeJSON(e.stdout, info)
	}
	_, err := fmt.Fprintln(e.stdout, info)
	return err
}
