package cli

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"nimbusadmin/app/teamclient"
)

// runServerConnect checks a team server and remembers it for its tenant, so that later
// command lines and the window open the tenant's replica without --server; --forget
// undoes that.
func runServerConnect(ctx context.Context, e env, args []string) error {
	fs := newFlags("server connect")
	forget := fs.Bool("forget", false, "forget the server (every remembered server when none is named)")
	n, what := 1, "the server's address, e.g. https://nimbus.contoso.com"
	if givesFlag(args, "forget") {
		n = 0
		for _, a := range args {
			if !strings.HasPrefix(a, "-") {
				n = 1
			}
		}
	}
	pos, err := parse(fs, args, n, what)
	if err != nil {
		return err
	}
	if *forget {
		return forgetServer(e, pos)
	}
	hc := e.httpClient
	if hc == nil {
		hc = http.DefaultClient
	}
	pub, err := teamclient.Discover(ctx, pos[0], hc)
	if err != nil {
		return err
	}
	if err := teamclient.Remember(pub.TenantID, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Connected: the tenant %s now uses the team server %s, from the command line and the window; 'server connect --forget' undoes it.\n", pub.TenantID, pos[0])
	return nil
}

// forgetServer forgets the server named, or every remembered one.
func forgetServer(e env, pos []string) error {
	server := ""
	if len(pos) == 1 {
		server = pos[0]
	}
	gone, err := teamclient.Forget(server)
	if err != nil {
		return err
	}
	if len(gone) == 0 {
		fmt.Fprintln(e.stdout, "No team server was remembered: nothing to forget.")
		return nil
	}
	fmt.Fprintf(e.stdout, "Forgotten: %s; the tenant's own cache is used again unless --server is given.\n", strings.Join(gone, ", "))
	return nil
}

// rememberedServer is the team server 'server connect' remembered for the tenant the
// admin is signed in to; "" when there is none.
func rememberedServer(ctx context.Context, e env) (string, error) {
	s, err := authSession(e)
	if err != nil {
		return "", err
	}
	return teamclient.ServerFor(ctx, s)
}
