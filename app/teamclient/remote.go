package teamclient

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
	"nimbusadmin/data"
)

// Do sends a change to the server and returns once the replica holds it, so that what
// the admin reads next shows it.
func (c *Client) Do(ctx context.Context, cmd app.Command) (app.Outcome, error) {
	ans, err := c.send(ctx, cmd, false)
	if err != nil {
		return app.Outcome{}, err
	}
	return ans.Outcome, c.reach(ctx, ans.Xid)
}

// Check asks the server whether it would accept the change now.
func (c *Client) Check(ctx context.Context, cmd app.Command) error {
	_, err := c.send(ctx, cmd, true)
	return err
}

// Writable refuses changes while the server is unreachable: the replica is for review
// only then, and says how recent it is.
func (c *Client) Writable() error {
	c.mu.Lock()
	off := c.offline
	c.mu.Unlock()
	if off == nil {
		return nil
	}
	return &app.RuleError{Rule: "server.offline", Message: c.OfflineLine(context.Background())}
}

// OfflineLine is what the header and the command line say while the server is
// unreachable.
func (c *Client) OfflineLine(ctx context.Context) string {
	when := "never"
	if at, _ := c.app.ReplicaNote(ctx, "caught_up_at"); at != "" {
		if t, err := time.Parse(time.RFC3339, at); err == nil {
			when = t.Local().Format("15:04")
			if time.Since(t) > 20*time.Hour {
				when = t.Local().Format("2 Jan 15:04")
			}
		}
	}
	return fmt.Sprintf("Offline — server unreachable; read-only, caught up to %s", when)
}

// Online reports whether the server answered the last request.
func (c *Client) Online() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.offline == nil
}

func (c *Client) send(ctx context.Context, cmd app.Command, check bool) (server.CommandAnswer, error) {
	var ans server.CommandAnswer
	enc, err := app.EncodeCommand(cmd)
	if err != nil {
		return ans, err
	}
	body, _ := json.Marshal(server.CommandRequest{Command: enc, Check: check})
	resp, err := c.do(ctx, http.MethodPost, "/v1/commands", body)
	if err != nil {
		var off *Offline
		if errors.As(err, &off) {
			return ans, &app.RuleError{Rule: "server.offline", Message: c.OfflineLine(ctx) + "; the change was not sent"}
		}
		return ans, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans); err != nil {
		return ans, fmt.Errorf("the server's answer to the change was cut short (%v): look at the journal before you redo it", err)
	}
	return ans, nil
}

// reach catches the replica up until it holds the change committed at xid.
func (c *Client) reach(ctx context.Context, xid uint64) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		cur, err := c.app.ReplicaCursor(ctx)
		if err != nil || cur > xid {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server accepted the change, but this replica has not received it yet; it will arrive with the next catch-up")
		}
		if _, err := c.CatchUp(ctx, time.Second); err != nil {
			return err
		}
	}
}

// Follow keeps the replica caught up until ctx ends: a long poll that answers within a
// second of another admin's change, calling changed after each range applied. While the
// server is unreachable it tries again every few seconds.
func (c *Client) Follow(ctx context.Context, changed func()) {
	backoff := time.Second
	wait := 25 * time.Second
	for ctx.Err() == nil {
		before, _ := c.app.ReplicaCursor(ctx)
		n, err := c.CatchUp(ctx, wait)
		if after, _ := c.app.ReplicaCursor(ctx); after != before {
			n = max(n, 1) // a snapshot loaded, or a range without rows: the view reloads
		}
		if err != nil {
			// The next request does not wait: its answer says at once that the server is back.
			wait = 0
			if ctx.Err() != nil {
				return
			}
			if changed != nil {
				changed() // the header says offline
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 10*time.Second)
			continue
		}
		backoff = time.Second
		back := wait == 0 // the first answer after a failure: the server is back
		wait = 25 * time.Second
		if (n > 0 || back) && changed != nil {
			changed()
		}
	}
}

// MarkOffline records that the server did not answer (its discovery failed), so that
// changes are refused with the offline line.
func (c *Client) MarkOffline(err error) { c.setOffline(err) }

// Import sends every row of the single-admin cache src to a server that holds no tenant
// yet, then catches the replica up with it.
func (c *Client) Import(ctx context.Context, src *app.App) (int, error) {
	pr, pw := io.Pipe()
	go func() {
		zw := gzip.NewWriter(pw)
		enc := json.NewEncoder(zw)
		err := src.ExportRows(ctx, func(r data.Row) error { return enc.Encode(r) })
		if err == nil {
			err = zw.Close()
		}
		pw.CloseWithError(err)
	}()
	resp, err := c.doStream(ctx, http.MethodPost, "/v1/import", pr)
	if err != nil {
		pr.CloseWithError(err)
		return 0, err
	}
	defer resp.Body.Close()
	var ans struct {
		Rows int    `json:"rows"`
		Xid  uint64 `json:"xid"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans); err != nil {
		return 0, fmt.Errorf("the server's answer to the import was cut short (%v): run 'status' to see whether it holds the tenant", err)
	}
	return ans.Rows, c.reach(ctx, ans.Xid)
}
