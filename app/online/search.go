package online

import (
	"context"
	"errors"
	"net"
	"net/url"

	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
)

// searchTop is how many people one live directory search brings at most.
const searchTop = 100

// SearchDirectory searches Microsoft Graph itself by name, UPN, @domain or O365 ID, so
// that the Create dialog can offer people who joined the directory since the last sync.
// The demo has no live directory beyond its cache: it finds nobody and no error. A
// failure to reach the network marks the tenant offline, as a failed sync does; a
// search that answers marks it online again.
func (t *Tenant) SearchDirectory(ctx context.Context, text string) ([]data.DirectoryUser, error) {
	if t.Demo() {
		return nil, nil
	}
	client, err := graph.New(t.Endpoints.GraphURL, t.Session, t.Client)
	if err != nil {
		return nil, err
	}
	found, err := client.SearchUsers(ctx, text, searchTop)
	if ctx.Err() != nil {
		return nil, ctx.Err() // given up by the caller: says nothing about the network
	}
	err = networkError(t.Endpoints.GraphURL, err)
	t.noteNetwork(err)
	return found, err
}

// networkError makes a Graph request that never reached Graph an auth.NetworkError,
// the error that means "offline" to the window, like a sign-in that cannot reach Entra ID,
// and says why in the admin's words instead of the transport's.
func networkError(graphURL string, err error) error {
	var ne *auth.NetworkError
	var netErr net.Error
	if err == nil || errors.As(err, &ne) || !errors.As(err, &netErr) {
		return err
	}
	host := graphURL
	if u, perr := url.Parse(graphURL); perr == nil && u.Host != "" {
		host = u.Host
	}
	return &auth.NetworkError{Host: host, Err: err}
}
