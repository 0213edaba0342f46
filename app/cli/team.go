package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"nimbusadmin/app"
	"nimbusadmin/app/teamclient"
	"nimbusadmin/auth"
)

// openReplica opens the replica of the team server --server names, brought up to date
// when the server answers; when it does not, the replica opens for review and says so.
func openReplica(ctx context.Context, e env) (*app.App, error) {
	u, err := url.Parse(e.globals.Server)
	if err != nil || u.Host == "" {
		return nil, usagef("--server %s is not a server address: give one such as https://nimbus.contoso.com", e.globals.Server)
	}
	r, err := teamclient.Open(ctx, teamclient.Options{
		Server:     e.globals.Server,
		DBPath:     e.globals.DB,
		HTTPClient: e.httpClient,
		Session: func(tenantID string) (*auth.Session, error) {
			g := e.globals
			g.Tenant = tenantID
			return authSession(env{globals: g, outside: e.outside, stdout: e.stdout, stderr: e.stderr})
		},
	})
	var bad *teamclient.AddressError
	if errors.As(err, &bad) {
		return nil, usagef("%v", err)
	}
	if err != nil {
		return nil, err
	}
	if !r.Client.Online() {
		fmt.Fprintln(e.stderr, r.Client.OfflineLine(ctx))
	}
	return r.App, nil
}
