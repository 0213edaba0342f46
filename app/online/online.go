// Package online connects an open cache to its tenant: the signed-in session and the
// Graph client of a real tenant, or the in-process simulated tenant of the demo. It is
// the one way to sync: the window, 'nimbusadmin sync' and 'nimbusadmin --demo sync' all
// call Tenant.Sync, so none of them builds a Graph client itself and the window never
// compiles msgraph-sdk-go's callers.
package online

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/simtenant"
)

// Tenant is a cache with the means to sync it: a sign-in session for a real tenant, or
// nothing but the cache for the demo (its simulated tenant is started for each sync).
type Tenant struct {
	App       *app.App
	Session   *auth.Session // nil for the demo tenant
	Endpoints auth.Endpoints
	Client    *http.Client // custom trust for Graph; nil for the system's

	mu      sync.Mutex
	offline bool // the last sign-in or sync could not reach the network
}

// Demo reports whether the tenant is the generated demo tenant.
func (t *Tenant) Demo() bool { return t.Session == nil }

// Offline reports whether the last attempt to reach the tenant failed for want of a
// network; the cache is then shown as last synced.
func (t *Tenant) Offline() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.offline
}

func (t *Tenant) noteNetwork(err error) {
	var ne *auth.NetworkError
	t.mu.Lock()
	t.offline = errors.As(err, &ne)
	t.mu.Unlock()
}

// Probe learns whether Graph can be reached (any HTTP answer will do; no token is sent),
// so that the window says "Offline — last synced …" at once when it cannot.
func (t *Tenant) Probe(ctx context.Context) error {
	if t.Demo() {
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, t.Endpoints.GraphURL, nil)
	if err != nil {
		return err
	}
	client := t.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	t.mu.Lock()
	t.offline = err != nil
	t.mu.Unlock()
	return err
}

// Sync reads the directory into the cache (see app.App.Sync): from Graph with the
// signed-in session, or for the demo from a simulated tenant that serves the demo's own
// directory through the real MSAL and Graph clients, whose device code prompt is shown
// (nil: not shown; the simulated tenant approves it by itself). o.Progress reports the
// progress; cancelling ctx stops the sync, and the error then says what the cache keeps.
func (t *Tenant) Sync(ctx context.Context, o app.SyncOptions, prompt func(auth.DeviceCode)) (app.SyncResult, error) {
	if t.Demo() {
		res, err := syncDemo(ctx, t.App, o, prompt)
		return res, t.cancelled(ctx, err)
	}
	client, err := graph.New(t.Endpoints.GraphURL, t.Session, t.Client)
	if err != nil {
		return app.SyncResult{}, err
	}
	res, err := t.App.Sync(ctx, reachable{client, t.Endpoints.GraphURL}, o)
	if ctx.Err() == nil {
		t.noteNetwork(err)
	}
	return res, t.cancelled(ctx, err)
}

// cancelled words a sync cancelled before App.Sync began (while the demo's simulated
// tenant started or signed in) as App.Sync words one cancelled before it wrote: the
// cache is as it was at the last completed sync. Other errors pass unchanged.
func (t *Tenant) cancelled(ctx context.Context, err error) error {
	var said *app.SyncCancelled
	if err == nil || ctx.Err() == nil || errors.As(err, &said) {
		return err
	}
	last, _ := t.App.LastSync(context.WithoutCancel(ctx))
	return app.SyncCancelledBeforeWriting(last)
}

// syncDemo syncs the demo cache from an in-process simulated Microsoft tenant on
// loopback HTTPS that serves the cache's own directory, Teams and tenant administration
// security group; the device code is approved by the tenant itself. The round is always
// full: the tenant lives only for it.
func syncDemo(ctx context.Context, a *app.App, o app.SyncOptions, prompt func(auth.DeviceCode)) (app.SyncResult, error) {
	var people []data.DirectoryUser
	if err := a.Store().Read(ctx).EachDirectoryUser(func(d data.DirectoryEntry) bool {
		people = append(people, d.DirectoryUser)
		return true
	}); err != nil {
		return app.SyncResult{}, err
	}
	teams, err := a.DirectoryTeams(ctx)
	if err != nil {
		return app.SyncResult{}, err
	}
	list := make([]simtenant.Team, len(teams))
	for i, tm := range teams {
		list[i] = simtenant.Team(tm)
	}
	groups, err := demoAdminGroup(ctx, a)
	if err != nil {
		return app.SyncResult{}, err
	}
	if prompt == nil {
		prompt = func(auth.DeviceCode) {} // the simulated tenant approves the code itself
	}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true, UserName: "Demo Admin"})
	s, err := simtenant.Start(simtenant.Options{People: people, TeamList: list, Groups: groups, Auth: authority,
		CheckToken: authority.CheckToken})
	if err != nil {
		return app.SyncResult{}, err
	}
	defer s.Close()
	session, err := auth.NewSession(auth.Config{
		Endpoints:  auth.Endpoints{Cloud: "custom", AuthorityHost: s.URL, GraphURL: s.GraphURL()},
		Tenant:     authority.TenantID(),
		ClientID:   "nimbusadmin-demo",
		NoKeyring:  true,
		HTTPClient: s.Client(),
		Prompt:     prompt,
	})
	if err != nil {
		return app.SyncResult{}, err
	}
	if _, err := session.SignIn(ctx); err != nil {
		return app.SyncResult{}, fmt.Errorf("cannot sign in to the simulated demo tenant: %w", err)
	}
	client, err := graph.New(s.GraphURL(), session, s.Client())
	if err != nil {
		return app.SyncResult{}, err
	}
	o.Full = true
	return a.Sync(ctx, client, o)
}

// demoAdminGroup is the demo's tenant administration security group as its simulated
// tenant serves it: the demo's Tenant Administrators and the members the last sync read,
// so that a demo sync keeps who administers the demo.
func demoAdminGroup(ctx context.Context, a *app.App) ([]simtenant.Group, error) {
	q := a.Store().Read(ctx)
	settings, err := q.TenantSettings()
	if err != nil {
		return nil, err
	}
	name := strings.TrimSpace(settings.AdminSecurityGroup)
	if name == "" {
		return nil, nil
	}
	holders, err := q.BuiltinRoleHolderIDs(data.RoleTenantAdmin)
	if err != nil {
		return nil, err
	}
	read, err := q.AdminGroupMembers()
	if err != nil {
		return nil, err
	}
	members := slices.Compact(slices.Sorted(slices.Values(append(holders, read...))))
	return []simtenant.Group{{DisplayName: name, Members: members}}, nil
}

// SignIn signs the admin in (silently when the token cache allows, with a device code
// otherwise), so that a sync never waits for one, and opens the cache of the account's
// tenant: the file at path, or the tenant's own cache in the config folder when path is
// "". A new cache's tenant is named tenantName, or its id when tenantName is "" or names
// no single tenant ("organizations", "common"). client supplies custom trust for Graph
// (nil for the system's).
func SignIn(ctx context.Context, session *auth.Session, endpoints auth.Endpoints, client *http.Client, path, tenantName string) (*Tenant, error) {
	acc, err := session.SignIn(ctx)
	if err != nil {
		return nil, err
	}
	if path == "" {
		if path, err = app.SyncCachePath(acc.TenantID); err != nil {
			return nil, err
		}
	}
	if tenantName == "" || tenantName == auth.DefaultTenant || tenantName == "common" {
		tenantName = acc.TenantID
	}
	a, err := app.OpenSyncCache(ctx, path, acc.TenantID, tenantName, acc.Username)
	if err != nil {
		return nil, err
	}
	return &Tenant{App: a, Session: session, Endpoints: endpoints, Client: client}, nil
}

// OpenSignedIn opens the cache of the tenant the admin is signed in to, from the token
// cache alone (no network). ok is false when nobody is signed in or the tenant was never
// synced on this computer.
func OpenSignedIn(ctx context.Context, session *auth.Session, endpoints auth.Endpoints) (t *Tenant, ok bool, err error) {
	acc, signedIn, err := session.Account(ctx)
	if err != nil || !signedIn {
		return nil, false, err
	}
	path, err := app.SyncCachePath(acc.TenantID)
	if err != nil {
		return nil, false, err
	}
	a, err := app.OpenSyncCache(ctx, path, acc.TenantID, acc.TenantID, acc.Username)
	if err != nil {
		return nil, false, err
	}
	return &Tenant{App: a, Session: session, Endpoints: endpoints}, true, nil
}

// reachable is Graph as a sync reads it, where a request that never reached Graph fails
// as an auth.NetworkError: the window then shows the tenant as offline, and the message
// says why in words, not in the transport's.
type reachable struct {
	src      app.DirectorySource
	graphURL string
}

// UserDelta reads one users delta round.
func (r reachable) UserDelta(ctx context.Context, link string, each func(directory.UserPage) error) (string, error) {
	next, err := r.src.UserDelta(ctx, link, each)
	return next, networkError(r.graphURL, err)
}

// Teams lists the Teams with their members and owners.
func (r reachable) Teams(ctx context.Context) ([]directory.Team, error) {
	teams, err := r.src.Teams(ctx)
	return teams, networkError(r.graphURL, err)
}

// AdminGroup reads the tenant administration security group.
func (r reachable) AdminGroup(ctx context.Context, name string) (directory.AdminGroup, error) {
	g, err := r.src.AdminGroup(ctx, name)
	return g, networkError(r.graphURL, err)
}
