package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"

	"nimbusadmin/data"
)

// SyncCachePath is the default cache file of a real tenant in the config folder: one
// file per tenant id, so that two tenants never mix.
func SyncCachePath(tenantID string) (string, error) {
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "tenant-"+syncUnsafe.ReplaceAllString(tenantID, "_")+".db"), nil
}

var syncUnsafe = regexp.MustCompile(`[^A-Za-z0-9._-]`)

// OpenSyncCache opens the cache a sync of tenantID writes into, making an empty cache
// that tenant's (named tenantName) on first use. It refuses the demo tenant's cache and
// another tenant's, so that a sync never mixes two directories. actor names the admin
// in the journal.
func OpenSyncCache(ctx context.Context, path, tenantID, tenantName, actor string) (*App, error) {
	store, err := openCache(path, false, false)
	if err != nil {
		return nil, err
	}
	if store.ReadOnly() != "" {
		store.Close()
		return nil, (&App{store: store}).refuseReadOnly()
	}
	settings, err := store.Read(ctx).TenantSettings()
	switch {
	case errors.Is(err, data.ErrNotFound):
		err = store.Tx(ctx, func(q *data.Q) error {
			_, err := q.InitTenant(data.TenantSettings{TenantID: tenantID, TenantName: tenantName})
			return err
		})
	case err != nil:
	case settings.IsDemo:
		err = fmt.Errorf("the cache %s holds the demo tenant, which is generated, not synced: give another --db", path)
	case settings.TenantID != tenantID:
		err = fmt.Errorf("the cache %s holds the tenant %s (%s), not %s: give another --db", path, settings.TenantName, settings.TenantID, tenantID)
	}
	if err != nil {
		store.Close()
		return nil, err
	}
	return New(store, actor), nil
}
