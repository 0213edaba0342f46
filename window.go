package main

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"nimbusadmin/app"
	"nimbusadmin/app/cli"
	"nimbusadmin/app/online"
	"nimbusadmin/auth"
	"nimbusadmin/ui"
)

// runWindow opens the window: on the signed-in tenant's cache when someone is signed in
// (no network needed), on --db when given, and on the demo tenant otherwise. The cache
// opens off the UI goroutine, so that generating a large demo tenant on a first start
// shows its progress in a window at once; the main window replaces it.
//
// A window that cannot start says why in a window of its own, and main writes the error
// returned to stderr once the admin closes it; where no display is named, no window can
// open, so the reason goes to stderr only, before Fyne would fail with a panic.
func runWindow(ctx context.Context, g cli.Globals) error {
	if err := ui.NoDisplay(os.Getenv); err != nil {
		return err
	}
	endpoints, endpointsErr := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL)
	signIn := auth.Config{Endpoints: endpoints, Tenant: g.Tenant, ClientID: g.ClientID, NoKeyring: g.NoKeyring}
	a := fyneapp.NewWithID("com.nimbusadmin.desktop")
	starting := ui.NewStartWindow(a)
	var tenant *online.Tenant
	var openErr error
	go func() {
		t, team, err := (*online.Tenant)(nil), (*windowTeam)(nil), endpointsErr
		if err == nil {
			if server := teamServerFor(ctx, g.Server, g.DB, g.Demo, signIn); server != "" {
				t, team, err = openTeam(ctx, server, g.DB, signIn)
			} else {
				t, err = openTenant(ctx, g, signIn, starting.DemoProgress)
			}
		}
		fyne.Do(func() {
			if err != nil {
				openErr = err
				ui.ShowStartupError(a, err)
				starting.Close() // after the error window shows: closing the last window quits
				return
			}
			tenant = t
			newWindow(a, t, team, signIn).Show()
			starting.Close() // after the main window shows: closing the last window quits
		})
	}()
	a.Run()
	if tenant != nil {
		tenant.App.Close()
	}
	return openErr
}

// reportListVariable, set to 1, makes the window write a line on stderr each time it
// shows its user list: the start-up benchmark times the window by it.
const reportListVariable = "NIMBUSADMIN_REPORT_LIST"

// openTenant picks the cache the window starts on.
// demoProgress hears how far the generation of a demo tenant got.
func openTenant(ctx context.Context, g cli.Globals, signIn auth.Config, demoProgress func(built, total int)) (*online.Tenant, error) {
	if g.DB == "" && !g.Demo {
		session, err := auth.NewSession(signIn)
		if err != nil {
			return nil, err
		}
		t, ok, err := online.OpenSignedIn(ctx, session, signIn.Endpoints)
		if err != nil {
			fmt.Fprintf(os.Stderr, "nimbusadmin: cannot read the sign-in (%v); opening the demo tenant\n", err)
		}
		if ok {
			return t, nil
		}
	}
	opts := g.Session(os.Stderr)
	opts.Demo = opts.Demo || opts.DBPath == "" // nobody is signed in: the demo tenant
	opts.DemoProgress = demoProgress
	opts.Existing = true // a mistyped --db makes no empty file
	nimbus, err := app.OpenSession(ctx, opts)
	if err != nil {
		return nil, err
	}
	if opts.Demo {
		return &online.Tenant{App: nimbus}, nil
	}
	// an explicit --db of a synced tenant: sync it with the usual sign-in
	session, err := auth.NewSession(signIn)
	if err != nil {
		return nil, err
	}
	return &online.Tenant{App: nimbus, Session: session, Endpoints: signIn.Endpoints}, nil
}

// newTenantWindow builds the main window over a tenant with sign-in and sync wired in.
func newTenantWindow(a fyne.App, tenant *online.Tenant, signIn auth.Config) fyne.Window {
	return newWindow(a, tenant, nil, signIn)
}

// newWindow builds the main window over a tenant's cache, or over the replica of its team
// server when team is not nil: then the window follows the server until it closes.
func newWindow(a fyne.App, tenant *online.Tenant, team *windowTeam, signIn auth.Config) fyne.Window {
	o := &windowOnline{tenant: tenant, signIn: signIn, fyneApp: a, team: team}
	if os.Getenv(reportListVariable) == "1" {
		o.listLog = os.Stderr
	}
	o.loadAccount()
	o.win = newWindowFor(a, o)
	return o.win
}

// newWindowFor builds the main window of o, which stops following the team server when
// the window closes.
func newWindowFor(a fyne.App, o *windowOnline) fyne.Window {
	w := ui.NewMainWindow(a, o.tenant.App, o)
	w.SetOnClosed(o.stopFollowing)
	return w
}
