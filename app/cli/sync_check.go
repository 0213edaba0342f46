package cli

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// checkSyncCache looks at the cache --db names before a sync signs in, so that a sync
// that cannot write there is refused at once, without the network or the keyring: a
// folder, a link, a file that is not a cache (the read-only open refuses each with its
// message), or the demo tenant's cache (generated, never synced from Microsoft). A file
// that does not exist yet, or a cache that holds no tenant yet, is one the sync fills.
func checkSyncCache(ctx context.Context, path string) error {
	if path == "" {
		return nil
	}
	a, err := app.OpenSession(ctx, app.SessionOptions{DBPath: path, ReadOnly: true})
	switch {
	case errors.Is(err, data.ErrNoCache), errors.Is(err, app.ErrNoTenantYet):
		return nil
	case err != nil:
		return err
	}
	defer a.Close()
	if s, err := a.ConfigTenantSettings(ctx); err == nil && s.IsDemo {
		return fmt.Errorf("the cache %s holds the demo tenant, which is generated, not synced from Microsoft: give another --db, or add --demo to sync the demo", path)
	}
	return nil
}
