package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app"
	"nimbusadmin/app/online"
	"nimbusadmin/auth"
)

// syncDemo is 'nimbusadmin --demo sync': the demo tenant's directory and Teams are
// served by an in-process simulated Microsoft tenant on loopback HTTPS, the real MSAL
// client signs in to it with an auto-approved device code, and the real Graph client
// syncs from it, so that the demo runs the code path of a real tenant.
func syncDemo(ctx context.Context, e env) error {
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Close()
	fmt.Fprintln(e.stderr, "Syncing the demo cache from a simulated Microsoft tenant that serves its directory…")
	prompt := func(dc auth.DeviceCode) {
		fmt.Fprintf(e.stderr, "%s\n(the demo tenant approves the code by itself)\n", dc.Message)
	}
	return syncAndReport(e, true, func(o app.SyncOptions) (app.SyncResult, error) {
		return online.SyncDemo(ctx, a, o, prompt)
	})
}
