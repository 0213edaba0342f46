// Package teamclient is a desktop's side of team mode: it keeps the local cache a replica
// of the team server (a snapshot, then the change feed) and sends the admin's changes to
// the server, where the rules of app run against the authoritative data.
package teamclient

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
	"nimbusadmin/data"
)

// TokenSource gives an access token for the server's API.
type TokenSource func(ctx context.Context) (string, error)

// Client talks to one team server for one replica.
type Client struct {
	base  string
	http  *http.Client
	token TokenSource
	app   *app.App

	mu      sync.Mutex
	offline error // why the server cannot be reached now; nil when it answered last
}

// Discover reads what the server publishes at its well-known address: the tenant, the
// scope to sign in for and the schema its replicas need.
func Discover(ctx context.Context, base string, hc *http.Client) (server.Published, error) {
	var p server.Published
	base, err := normalise(base)
	if err != nil {
		return p, err
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/.well-known/nimbusadmin", nil)
	resp, err := hc.Do(req)
	if err != nil {
		return p, unreachable(base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return p, fmt.Errorf("%s is not a Nimbus Admin server (HTTP %d at /.well-known/nimbusadmin)", base, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&p); err != nil || p.TenantID == "" {
		return p, fmt.Errorf("%s is not a Nimbus Admin server (its /.well-known/nimbusadmin is not what one publishes)", base)
	}
	if p.Schema != data.SchemaVersion() {
		return p, fmt.Errorf("the server %s keeps data of schema %d and this Nimbus Admin of schema %d: install the same version as the server", base, p.Schema, data.SchemaVersion())
	}
	return p, nil
}

// normalise checks a server address: https (or http on loopback, for tests and a
// server on the same machine), no path beyond "/".
func normalise(base string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("%q is not a server address: give one such as https://nimbus.contoso.com", base)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return "", fmt.Errorf("%s is not https: the server must be reached over TLS (plain http only to this machine)", u.Redacted())
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.Path, "/"), nil
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

// New makes the client of replica a for the server at base.
func New(base string, hc *http.Client, token TokenSource, a *app.App) (*Client, error) {
	base, err := normalise(base)
	if err != nil {
		return nil, err
	}
	return &Client{base: base, http: hc, token: token, app: a}, nil
}

// unreachable says the server did not answer, in one line.
func unreachable(base string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &Offline{Server: base, Cause: err}
}

// Offline is the error of a request the server did not answer.
type Offline struct {
	Server string
	Cause  error
}

func (e *Offline) Error() string {
	return fmt.Sprintf("the server %s is unreachable: %v", e.Server, e.Cause)
}

// do sends one authenticated request; a refusal comes back as the rule's error.
func (c *Client) do(ctx context.Context, method, path string, body []byte) (*http.Response, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	return c.doStream(ctx, method, path, r)
}

// doStream is do with a body read as it is sent.
func (c *Client) doStream(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	tok, err := c.token(ctx)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		err = unreachable(c.base, err)
		c.setOffline(err)
		return nil, err
	}
	c.setOffline(nil)
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		var r struct{ Rule, Message string }
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&r) != nil || r.Message == "" {
			return nil, &statusError{server: c.base, code: resp.StatusCode}
		}
		return nil, &app.RuleError{Rule: r.Rule, Message: r.Message}
	}
	return resp, nil
}

func (c *Client) setOffline(err error) {
	c.mu.Lock()
	c.offline = err
	c.mu.Unlock()
}

// CatchUp asks the feed once from the replica's cursor (waiting up to wait for something
// new) and applies what comes in one transaction. It reports how many rows it applied.
func (c *Client) CatchUp(ctx context.Context, wait time.Duration) (int, error) {
	from, err := c.app.ReplicaCursor(ctx)
	if err != nil {
		return 0, err
	}
	if from == 0 {
		if from, err = c.loadSnapshot(ctx); err != nil {
			return 0, err
		}
		wait = 0 // the replica has something new to show already: no long poll now
	}
	path := "/v1/feed?after=" + strconv.FormatUint(from, 10)
	if wait > 0 {
		path += "&wait=" + strconv.Itoa(int(wait/time.Second))
	}
	resp, err := c.do(ctx, http.MethodGet, path, nil)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	rows, next, err := readFeed(resp.Body)
	if err != nil {
		return 0, fmt.Errorf("the feed of %s broke off (%v); nothing of it was applied", c.base, err)
	}
	if len(rows) == 0 && next == from {
		return 0, c.app.SetReplicaNote(ctx, "caught_up_at", time.Now().UTC().Format(time.RFC3339))
	}
	if err := c.app.ApplyFeed(ctx, rows, from, next); errors.Is(err, data.ErrRangeMovedOn) {
		return 0, nil // another catch-up of this replica got there first
	} else if err != nil {
		return 0, err
	}
	return len(rows), c.app.SetReplicaNote(ctx, "caught_up_at", time.Now().UTC().Format(time.RFC3339))
}

// readFeed reads a feed answer: rows, then the line with the next cursor. An answer that
// ends before that line is broken and gives nothing.
func readFeed(r io.Reader) ([]data.Row, uint64, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var rows []data.Row
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"next":`)) {
			var end server.FeedEnd
			if err := json.Unmarshal(line, &end); err != nil {
				return nil, 0, err
			}
			return rows, end.Next, nil
		}
		var row data.Row
		if err := json.Unmarshal(line, &row); err != nil {
			return nil, 0, err
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, err
	}
	return nil, 0, io.ErrUnexpectedEOF
}

// With is a client of the same server and sign-in for another replica.
func (c *Client) With(a *app.App) *Client {
	return &Client{base: c.base, http: c.http, token: c.token, app: a}
}

// statusError is an answer of the server that is neither a success nor a refusal.
type statusError struct {
	server string
	code   int
}

func (e *statusError) Error() string {
	return fmt.Sprintf("the server %s answered HTTP %d", e.server, e.code)
}
