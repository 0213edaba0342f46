package teamclient

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// loadSnapshot gives a new replica the server's snapshot (one compressed SQLite file) and
// returns the feed cursor it is at; the feed then brings what came after it. A snapshot
// cut short loads nothing.
func (c *Client) loadSnapshot(ctx context.Context) (uint64, error) {
	resp, err := c.do(ctx, http.MethodGet, "/v1/snapshot", nil)
	var se *statusError
	if errors.As(err, &se) && se.code == http.StatusNotFound {
		return 0, nil // a server without snapshots: the feed from 0 brings everything
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	f, err := os.CreateTemp(filepath.Dir(c.app.CachePath()), ".snapshot-*.db")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	_, err = io.Copy(f, resp.Body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("the snapshot of %s broke off (%v); nothing of it was loaded", c.base, err)
	}
	if err := c.app.RestoreReplica(ctx, f.Name()); err != nil {
		return 0, err
	}
	return c.app.ReplicaCursor(ctx)
}
