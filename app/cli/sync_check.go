package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"nimbusadmin/app"
)

// sqliteHeader is how every SQLite database file begins.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkSyncCache looks at the cache --db names before a sync signs in, so that a sync
// that cannot write there is refused at once, without the network or the keyring: a
// folder, a file that is not a cache, or the demo tenant's cache (generated, never
// synced from Microsoft). A file that does not exist yet, or a cache that holds no
// tenant yet, is one the sync fills.
func checkSyncCache(ctx context.Context, path string) error {
	if path == "" {
		return nil
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot read the cache %s: %w", path, err)
	case info.IsDir():
		return fmt.Errorf("%s is a folder, not a cache file: give --db the path of a file", path)
	}
	if info.Size() > 0 {
		ok, err := startsLikeSQLite(path)
		if err != nil {
			return fmt.Errorf("cannot read the cache %s: %w", path, err)
		}
		if !ok {
			return fmt.Errorf("%s is not a Nimbus Admin cache: give another --db, or a file name that does not exist yet for a new cache", path)
		}
	}
	a, err := app.OpenSession(ctx, app.SessionOptions{DBPath: path})
	if err != nil {
		return nil // a cache without a tenant yet, which the sync makes the signed-in tenant's
	}
	defer a.Close()
	if s, err := a.ConfigTenantSettings(ctx); err == nil && s.IsDemo {
		return fmt.Errorf("the cache %s holds the demo tenant, which is generated, not synced from Microsoft: give another --db, or add --demo to sync the demo", path)
	}
	return nil
}

// startsLikeSQLite reports whether the file begins as an SQLite database does.
func startsLikeSQLite(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return bytes.Equal(head, sqliteHeader), nil
}
