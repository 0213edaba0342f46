package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"nimbusadmin/app"
	"nimbusadmin/app/online"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/ui"
)

// windowOnline is the window's view of sign-in and sync: it hands the device code to the
// sign-in dialog and the sync's progress to the progress bar. The work itself is
// online.Tenant's and auth.Session's.
type windowOnline struct {
	tenant  *online.Tenant
	signIn  auth.Config
	fyneApp fyne.App
	win     fyne.Window
	team    *windowTeam // the team server the cache replicates; nil for a single admin's cache
	listLog io.Writer   // hears each time the list is shown (NIMBUSADMIN_REPORT_LIST=1); nil for none

	mu      sync.Mutex
	account string
}

// loadAccount reads who is signed in from the token cache (no network).
func (o *windowOnline) loadAccount() {
	session := o.tenant.Session
	if o.team != nil {
		session = o.team.replica.Session()
	}
	if session == nil {
		return
	}
	acc, ok, err := session.Account(context.Background())
	o.mu.Lock()
	defer o.mu.Unlock()
	o.account = ""
	if ok && err == nil {
		o.account = acc.Username
	}
}

// ListShown writes one line on listLog each time the window shows its user list, from
// where it sets the rows, so that the start-up benchmark times what the admin sees.
func (o *windowOnline) ListShown(shown, loaded, total int) {
	if o.listLog != nil {
		fmt.Fprintf(o.listLog, "nimbusadmin: list shown: %d rows, %d of %d users loaded\n", shown, loaded, total)
	}
}

// WatchStatus checks once, off the UI goroutine, whether the signed-in tenant can be
// reached, so that a window opened without a network says so at once.
func (o *windowOnline) WatchStatus(changed func()) {
	if o.tenant.Session == nil || o.Status().SignedInAs == "" {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		o.tenant.Probe(ctx)
		changed()
	}()
}

// Status is the account and cache state for the header.
func (o *windowOnline) Status() ui.OnlineStatus {
	o.mu.Lock()
	defer o.mu.Unlock()
	st := ui.OnlineStatus{SignedInAs: o.account, Demo: o.tenant.Demo() && o.team == nil, Offline: o.tenant.Offline()}
	if at, err := o.tenant.App.LastSync(context.Background()); err == nil {
		st.LastSync = at
	}
	if o.team != nil {
		return o.teamStatus(st)
	}
	return st
}

// Sync runs a sync; the demo's simulated tenant approves its own device code.
func (o *windowOnline) Sync(ctx context.Context, progress func(ui.SyncProgress)) error {
	if o.team != nil {
		// The server syncs for every admin: the window asks it for one now (or joins the
		// one running) and shows the directory once the replica holds what it changed.
		_, err := o.team.replica.Client.Sync(ctx)
		return err
	}
	_, err := o.tenant.Sync(ctx, app.SyncOptions{Progress: func(p app.SyncProgress) {
		left, _ := p.TimeLeft()
		progress(ui.SyncProgress{Pages: p.Pages, Users: p.Users, Elapsed: p.Elapsed, Remaining: left})
	}}, nil)
	return err
}

// SearchDirectory lets the Create dialog search Microsoft Graph itself. Nobody signed in
// (or the demo) means no live search: the dialog keeps to the cache, and no sign-in
// prompt is ever started from a search.
func (o *windowOnline) SearchDirectory(ctx context.Context, text string) ([]data.DirectoryUser, error) {
	o.mu.Lock()
	signedIn := o.account != ""
	o.mu.Unlock()
	if !signedIn || o.team != nil { // a replica: Graph is the team server's to read
		return nil, nil
	}
	return o.tenant.SearchDirectory(ctx, text)
}

// The Create dialog finds the live search only through this interface.
var _ ui.DirectorySearcher = (*windowOnline)(nil)

// SignIn shows the device-code dialog and waits for its end. Outside team mode the
// admin may name a team server first: the sign-in is then for its tenant, and its replica
// opens in a new window. Signing in from the demo tenant opens the signed-in tenant's
// cache in a new window.
func (o *windowOnline) SignIn(ctx context.Context) error {
	done := make(chan error, 1)
	var session *auth.Session
	var mu sync.Mutex
	server, tenant := "", "" // the team server named in the sign-in, and its tenant
	run := func(ctx context.Context, prompt func(auth.DeviceCode)) (auth.Account, error) {
		if o.team != nil {
			session = o.team.replica.Session()
			return o.teamSignIn(ctx, prompt)
		}
		cfg := o.signIn
		cfg.Prompt = prompt
		mu.Lock()
		if tenant != "" {
			cfg.Tenant = tenant
		}
		mu.Unlock()
		s, err := auth.NewSession(cfg)
		if err != nil {
			return auth.Account{}, err
		}
		session = s
		return s.SignIn(ctx)
	}
	connect := func(ctx context.Context, srv string) error {
		pub, err := teamclient.Discover(ctx, srv, o.httpClient())
		mu.Lock()
		tenant = pub.TenantID
		mu.Unlock()
		return err
	}
	fyne.Do(func() {
		if o.team != nil {
			ui.ShowSignInDialog(o.win, run, func(acc auth.Account, err error) {
				if err == nil {
					err = o.signedIn(session, acc)
				}
				done <- err
			})
			return
		}
		ui.ShowSignInWithServer(o.win, connect, run, func(srv string, acc auth.Account, err error) {
			mu.Lock()
			server = srv
			mu.Unlock()
			if err == nil && srv == "" {
				err = o.signedIn(session, acc)
			}
			done <- err
		})
	})
	select {
	case err := <-done:
		mu.Lock()
		srv, tn := server, tenant
		mu.Unlock()
		if err != nil || srv == "" {
			return err
		}
		return o.openTeamWindow(ctx, srv, tn)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// signedIn runs on the UI goroutine after a sign-in: the account shows at once, and from
// the demo tenant the tenant's own cache opens in place of the demo. When that cache
// cannot be opened the demo stays, and the error says why.
func (o *windowOnline) signedIn(session *auth.Session, acc auth.Account) error {
	if o.team != nil || !o.tenant.Demo() {
		o.mu.Lock()
		o.account = acc.Username
		o.mu.Unlock()
		if o.team == nil {
			o.tenant.Session = session
		}
		defer o.followAgain()
		o.tenant.App.ActAs(acc.Username)
		return nil
	}
	t, ok, err := online.OpenSignedIn(context.Background(), session, o.signIn.Endpoints)
	if err != nil {
		return fmt.Errorf("signed in as %s, but the cache of your tenant cannot be opened, so the demo stays: %w", acc.Username, err)
	}
	if !ok {
		return fmt.Errorf("signed in as %s, but the sign-in was not kept, so the demo stays: sign in again", acc.Username)
	}
	old := o.win
	newTenantWindow(o.fyneApp, t, o.signIn).Show()
	old.Close()
	return nil
}

// SignOut removes the account, its keyring entry and the encrypted token file.
func (o *windowOnline) SignOut(ctx context.Context) error {
	session := o.tenant.Session
	if o.team != nil {
		session = o.team.replica.Session()
	}
	if session == nil {
		return nil
	}
	if err := session.SignOut(ctx); err != nil {
		return err
	}
	o.mu.Lock()
	o.account = ""
	o.mu.Unlock()
	o.tenant.App.ActAs("") // signed out: nobody of the tenant acts, the cache stays for reading
	return nil
}
