package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"nimbusadmin/app/online"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/auth"
	"nimbusadmin/ui"
)

// windowTeam is the window's side of team mode: the replica of the team server, followed
// while the window is open, and the sign-in for the server's tenant.
type windowTeam struct {
	replica *teamclient.Replica
	server  string
	http    *http.Client
	host    string
	prompt  *windowPrompt
	stop    context.CancelFunc // ends the following when the window closes
	changed func()             // what the window hears changes with, for a restart
}

// windowPrompt hands the device code of a sign-in for the server's tenant to the dialog
// that asked for it: the session is made when the replica opens, before any dialog.
type windowPrompt struct {
	mu   sync.Mutex
	show func(auth.DeviceCode)
}

func (p *windowPrompt) set(show func(auth.DeviceCode)) {
	p.mu.Lock()
	p.show = show
	p.mu.Unlock()
}

func (p *windowPrompt) prompt(dc auth.DeviceCode) {
	p.mu.Lock()
	show := p.show
	p.mu.Unlock()
	if show != nil {
		show(dc)
	}
}

// openTeam opens the replica of the team server for the window, signing in to the
// server's tenant with the window's sign-in settings.
func openTeam(ctx context.Context, server, db string, signIn auth.Config) (*online.Tenant, *windowTeam, error) {
	p := &windowPrompt{}
	r, err := teamclient.Open(ctx, teamclient.Options{
		Server:     server,
		DBPath:     db,
		HTTPClient: signIn.HTTPClient,
		Session: func(tenantID string) (*auth.Session, error) {
			cfg := signIn
			cfg.Tenant, cfg.Prompt = tenantID, p.prompt
			return auth.NewSession(cfg)
		},
		NotSignedIn:   "nobody is signed in to the team server's tenant: sign in (Sign in… in the header) to see and change its data",
		OpenSignedOut: true,
	})
	if err != nil {
		return nil, nil, err
	}
	u, _ := url.Parse(server)
	hc := signIn.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	return &online.Tenant{App: r.App}, &windowTeam{replica: r, server: server, http: hc, host: u.Hostname(), prompt: p}, nil
}

// teamServerFor is the team server the window opens: --server, else the one remembered
// for the signed-in tenant ('server connect'); "" for none.
func teamServerFor(ctx context.Context, server, db string, demo bool, signIn auth.Config) string {
	if server != "" || db != "" || demo {
		return server
	}
	s, err := auth.NewSession(signIn)
	if err != nil {
		return ""
	}
	server, _ = teamclient.ServerFor(ctx, s)
	return server
}

// FollowTeam keeps the replica caught up while the window is open; changed hears of each
// range of other admins' changes applied, and of the server going away or coming back.
func (o *windowOnline) FollowTeam(changed func()) {
	if o.team == nil {
		return // a single admin's cache: nothing to follow
	}
	ctx, stop := context.WithCancel(context.Background())
	o.team.stop, o.team.changed = stop, changed
	c, a := o.team.replica.Client, o.team.replica.App
	var mu sync.Mutex
	online := c.Online()
	cursor, _ := a.ReplicaCursor(ctx)
	// tell calls changed only when there is something new to show: Follow also reports
	// every failed attempt while the server stays unreachable.
	tell := func() {
		mu.Lock()
		cur, _ := a.ReplicaCursor(ctx)
		news := cur != cursor || c.Online() != online
		cursor, online = cur, c.Online()
		mu.Unlock()
		if news {
			changed()
		}
	}
	go c.Follow(ctx, tell)
	go o.watchServerBack(ctx, tell)
}

// watchServerBack asks an unreachable server every two seconds whether it answers again
// (at its well-known address, which needs no token and changes nothing), so that the
// window is writable again at once: the follower's next request may wait on the server
// for a long poll before it says so.
func (o *windowOnline) watchServerBack(ctx context.Context, tell func()) {
	c := o.team.replica.Client
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if c.Online() {
			continue
		}
		probe, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := teamclient.Discover(probe, o.team.server, o.team.http)
		cancel()
		if err == nil {
			c.MarkOffline(nil)
			tell()
		}
	}
}

// The window follows the server only through this interface.
var _ ui.TeamFollower = (*windowOnline)(nil)

// followAgain restarts the following after a sign-in, so that a replica opened signed
// out catches up at once rather than after the follower's next retry.
func (o *windowOnline) followAgain() {
	if o.team == nil || o.team.changed == nil {
		return
	}
	o.stopFollowing()
	o.FollowTeam(o.team.changed)
}

// stopFollowing ends the following of the team server when the window closes.
func (o *windowOnline) stopFollowing() {
	if o.team != nil && o.team.stop != nil {
		o.team.stop()
	}
}

// teamStatus is the header's state in team mode.
func (o *windowOnline) teamStatus(st ui.OnlineStatus) ui.OnlineStatus {
	st.TeamServer = o.team.host
	st.TeamSyncs = true
	if !o.team.replica.Client.Online() {
		st.TeamOffline = o.team.replica.Client.OfflineLine(context.Background())
	}
	return st
}

// teamSignIn signs in to the server's tenant with the device-code dialog.
func (o *windowOnline) teamSignIn(ctx context.Context, prompt func(auth.DeviceCode)) (auth.Account, error) {
	s := o.team.replica.Session()
	if s == nil {
		return auth.Account{}, errors.New("the team server cannot be reached to say which tenant to sign in to: try again when it answers")
	}
	o.team.prompt.set(prompt)
	defer o.team.prompt.set(nil)
	return s.SignIn(ctx)
}

// httpClient is what the window reaches a team server with: the sign-in's trust.
func (o *windowOnline) httpClient() *http.Client {
	if o.signIn.HTTPClient != nil {
		return o.signIn.HTTPClient
	}
	return http.DefaultClient
}

// openTeamWindow runs after a sign-in that named a team server: the server is remembered
// for its tenant, and its replica opens in a new window in place of this one. When the
// replica cannot be opened this window stays, and the error says why.
func (o *windowOnline) openTeamWindow(ctx context.Context, server, tenantID string) error {
	if err := teamclient.Remember(tenantID, server); err != nil {
		return fmt.Errorf("signed in, but the team server cannot be remembered, so this window stays: %w", err)
	}
	t, team, err := openTeam(ctx, server, "", o.signIn)
	if err != nil {
		return fmt.Errorf("signed in, but the replica of %s cannot be opened, so this window stays: %w", server, err)
	}
	fyne.Do(func() {
		old := o.win
		newWindow(o.fyneApp, t, team, o.signIn).Show()
		old.Close()
	})
	return nil
}
