package teamclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
)

// Sync asks the server to sync the directory now (or joins the sync it is running) and
// returns once the replica holds what the sync changed, so that the window and the
// command line show the directory as the sync left it.
func (c *Client) Sync(ctx context.Context) (app.SyncResult, error) {
	resp, err := c.do(ctx, http.MethodPost, "/v1/sync", nil)
	var off *Offline
	if errors.As(err, &off) {
		return app.SyncResult{}, &app.RuleError{Rule: "server.offline", Message: c.OfflineLine(ctx) + "; no sync was asked for"}
	}
	if err != nil {
		return app.SyncResult{}, err
	}
	defer resp.Body.Close()
	var ans server.SyncAnswer
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans); err != nil {
		return app.SyncResult{}, fmt.Errorf("the server's answer to the sync was cut short (%v); its changes arrive with the next catch-up", err)
	}
	return ans.Result, c.reach(ctx, ans.Xid)
}
