package cli

import (
	"context"
	"fmt"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data/graph"
)

func runSync(ctx context.Context, e env, args []string) error {
	fs := newFlags("sync")
	full := fs.Bool("full", false, "read the whole directory even when a delta link is saved")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	g := e.globals
	if g.Demo {
		return syncDemo(ctx, e)
	}
	endpoints, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL)
	if err != nil {
		return usagef("%v", err)
	}
	session, err := authSession(e)
	if err != nil {
		return err
	}
	// Sign in first (silently when the token cache allows), so that the cache is chosen
	// by the account's tenant and the sync itself never waits for a device code.
	acc, err := session.SignIn(ctx)
	if err != nil {
		return err
	}
	client, err := graph.New(endpoints.GraphURL, session, e.httpClient)
	if err != nil {
		return err
	}
	path := g.DB
	if path == "" {
		if path, err = app.SyncCachePath(acc.TenantID); err != nil {
			return err
		}
	}
	a, err := app.OpenSyncCache(ctx, path, acc.TenantID, syncTenantName(g.Tenant, acc.TenantID), acc.Username)
	if err != nil {
		return err
	}
	defer a.Close()
	fmt.Fprintf(e.stderr, "Syncing %s from %s into %s…\n", acc.TenantID, endpoints.GraphURL, path)
	return syncAndReport(e, *full, func(o app.SyncOptions) (app.SyncResult, error) { return a.Sync(ctx, client, o) })
}

// syncAndReport runs a sync with progress lines on stderr and a summary at the end.
func syncAndReport(e env, full bool, sync func(app.SyncOptions) (app.SyncResult, error)) error {
	lastLine := time.Time{}
	res, err := sync(app.SyncOptions{Full: full, Progress: func(p app.SyncProgress) {
		if p.Phase == "users" && time.Since(lastLine) < 500*time.Millisecond {
			return
		}
		lastLine = time.Now()
		left := ""
		if d, ok := p.TimeLeft(); ok {
			left = fmt.Sprintf(", about %s left", d.Round(time.Second))
		}
		fmt.Fprintf(e.stderr, "  %s: %d pages, %d users, %s%s\n", p.Phase, p.Pages, p.Users, p.Elapsed.Round(100*time.Millisecond), left)
	}})
	if err != nil {
		return fmt.Errorf("sync failed, the cache keeps its previous state: %w", err)
	}
	kind := "incremental"
	if res.Full {
		kind = "full"
	}
	fmt.Fprintf(e.stderr, "Synced (%s): %d pages, %d users written, %d removed, %d Teams; %d joined Nimbus, %d left; %s.\n",
		kind, res.Pages, res.Users, res.Removed, res.Teams, res.Joined, res.Left, res.Elapsed.Round(10*time.Millisecond))
	return nil
}

// syncTenantName names a new cache's tenant: the domain the admin gave, else the id.
func syncTenantName(flag, tenantID string) string {
	if flag != "" && flag != auth.DefaultTenant && flag != "common" {
		return flag
	}
	return tenantID
}
