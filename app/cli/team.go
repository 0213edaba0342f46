package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"nimbusadmin/app"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/auth"
)

// openReplica opens the replica of the team server --server names, brought up to date
// when the server answers; when it does not, the replica opens for review and says so.
func openReplica(ctx context.Context, e env) (*app.App, error) {
	hc := e.httpClient
	if hc == nil {
		hc = http.DefaultClient
	}
	u, err := url.Parse(e.globals.Server)
	if err != nil || u.Host == "" {
		return nil, usagef("--server %s is not a server address: give one such as https://nimbus.contoso.com", e.globals.Server)
	}
	path := e.globals.DB
	if path == "" {
		if path, err = app.ReplicaPath(u.Host); err != nil {
			return nil, err
		}
	}
	pub, discoverErr := teamclient.Discover(ctx, e.globals.Server, hc)
	var s *auth.Session
	actor := ""
	if discoverErr == nil {
		g := e.globals
		g.Tenant = pub.TenantID
		if s, err = authSession(env{globals: g, outside: e.outside, stdout: e.stdout, stderr: e.stderr}); err != nil {
			return nil, err
		}
		if acc, signedIn, err := s.Account(ctx); err == nil && signedIn {
			actor = acc.Username
		}
	}
	a, err := app.OpenReplica(path, actor)
	if err != nil {
		return nil, err
	}
	token := func(ctx context.Context) (string, error) {
		if s == nil {
			return "", discoverErr
		}
		tok, err := s.TokenFor(ctx, pub.Scope)
		if err == auth.ErrSignInRequired {
			return "", fmt.Errorf("nobody is signed in to the tenant of %s: run 'nimbusadmin --server %s signin' first", e.globals.Server, e.globals.Server)
		}
		return tok, err
	}
	c, err := teamclient.New(e.globals.Server, hc, token, a)
	if err != nil {
		a.Close()
		return nil, usagef("%v", err)
	}
	a.SetRemote(c)
	if discoverErr != nil {
		if _, ok := discoverErr.(*teamclient.Offline); !ok {
			a.Close()
			return nil, discoverErr
		}
		c.MarkOffline(discoverErr)
	} else if _, err := c.CatchUp(ctx, 0); err != nil {
		if _, ok := err.(*teamclient.Offline); !ok {
			a.Close()
			return nil, err
		}
	}
	if !c.Online() {
		if cur, _ := a.ReplicaCursor(ctx); cur == 0 {
			a.Close()
			return nil, fmt.Errorf("the server %s is unreachable and this computer holds no replica of it yet: try again when it answers", e.globals.Server)
		}
		fmt.Fprintln(e.stderr, c.OfflineLine(ctx))
	}
	return a, nil
}
