package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/online"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/auth"
)

// runSync is 'nimbusadmin sync': through the same entry point as the window's Sync, from
// Microsoft Graph for a real tenant, or for the demo ('--demo sync') from an in-process
// simulated Microsoft tenant on loopback HTTPS that serves the demo's directory and
// Teams, signed in to by the real MSAL client with an auto-approved device code and read
// by the real Graph client.
func runSync(ctx context.Context, e env, args []string) error {
	fs := newFlags("sync")
	full := fs.Bool("full", false, "read the whole directory even when a delta link is saved")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	if e.globals.Server != "" {
		return syncOnServer(ctx, e)
	}
	t, prompt, err := openSyncTenant(ctx, e)
	if err != nil {
		return err
	}
	defer t.App.Close()
	return syncAndReport(e, *full || t.Demo(), func(o app.SyncOptions) (app.SyncResult, error) { return t.Sync(ctx, o, prompt) })
}

// openSyncTenant opens the tenant a sync writes into: the demo cache, or the cache of the
// tenant the admin signs in to (signing in first, silently when the token cache allows,
// so that the cache is chosen by the account's tenant and the sync never waits for a
// device code). prompt shows the demo's self-approving device code.
func openSyncTenant(ctx context.Context, e env) (*online.Tenant, func(auth.DeviceCode), error) {
	g := e.globals
	if g.Demo {
		a, err := e.open()
		if err != nil {
			return nil, nil, err
		}
		fmt.Fprintln(e.stderr, "Syncing the demo cache from a simulated Microsoft tenant that serves its directory…")
		prompt := func(dc auth.DeviceCode) {
			fmt.Fprintf(e.stderr, "%s\n(the demo tenant approves the code by itself)\n", dc.Message)
		}
		return &online.Tenant{App: a}, prompt, nil
	}
	if err := checkSyncCache(ctx, g.DB); err != nil {
		return nil, nil, err
	}
	endpoints, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL)
	if err != nil {
		return nil, nil, usagef("%v", err)
	}
	session, err := authSession(e)
	if err != nil {
		return nil, nil, err
	}
	t, err := online.SignIn(ctx, session, endpoints, e.httpClient, g.DB, g.Tenant)
	if err != nil {
		return nil, nil, err
	}
	sayCacheNotes(e.stderr, t.App)
	settings, err := t.App.ConfigTenantSettings(ctx)
	if err != nil {
		t.App.Close()
		return nil, nil, err
	}
	fmt.Fprintf(e.stderr, "Syncing %s from %s into %s…\n", settings.TenantID, endpoints.GraphURL, t.App.CachePath())
	return t, nil, nil
}

// syncAndReport runs a sync with progress lines on stderr and a summary at the end.
func syncAndReport(e env, full bool, sync func(app.SyncOptions) (app.SyncResult, error)) error {
	lastLine := time.Time{}
	res, err := sync(app.SyncOptions{Full: full, Progress: func(p app.SyncProgress) {
		if p.Phase != app.SyncTeams && time.Since(lastLine) < 500*time.Millisecond {
			return
		}
		lastLine = time.Now()
		left := ""
		if d, ok := p.TimeLeft(); ok {
			left = fmt.Sprintf(", about %s left", d.Round(time.Second))
		}
		fmt.Fprintf(e.stderr, "  %s: %d pages, %d users, %s%s\n", p.Phase, p.Pages, p.Users, p.Elapsed.Round(100*time.Millisecond), left)
	}})
	var running *app.SyncRunning
	if errors.Is(err, context.Canceled) || errors.As(err, &running) {
		return err // says all: a sync did not fail, it did not start
	}
	if err != nil {
		return fmt.Errorf("sync failed: %w", err)
	}
	kind := "incremental"
	if res.Full {
		kind = "full"
	}
	fmt.Fprintf(e.stderr, "Synced (%s): %d pages, %d users written, %d removed, %d Teams; %d joined Nimbus, %d left; %s.\n",
		kind, res.Pages, res.Users, res.Removed, res.Teams, res.Joined, res.Left, res.Elapsed.Round(10*time.Millisecond))
	return nil
}

// syncOnServer asks the team server for a sync of the directory (it syncs for every admin
// with its own credentials) and reports it once the replica holds what it changed.
func syncOnServer(ctx context.Context, e env) error {
	return withApp(e, func(a *app.App) error {
		c, ok := a.Remote().(*teamclient.Client)
		if !ok {
			return errors.New("internal error: the replica has no server")
		}
		fmt.Fprintf(e.stderr, "Asking %s for a sync of the directory…\n", e.globals.Server)
		return syncAndReport(e, false, func(app.SyncOptions) (app.SyncResult, error) { return c.Sync(ctx) })
	})
}
