package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"

	"nimbusadmin/app/safetext"
	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// The sizes of the demo tenant: the default, and the range the generator makes.
const (
	DefaultDemoUsers = demo.DefaultUsers
	MinDemoUsers     = demo.MinUsers
	MaxDemoUsers     = demo.MaxUsers
)

// SessionOptions says which cache to open, an explicit file or the demo tenant, and who
// acts on it.
type SessionOptions struct {
	DBPath    string    // --db / NIMBUSADMIN_DB; "" for the default of the tenant
	Demo      bool      // use the built-in demo tenant
	DemoUsers int       // Nimbus users in the demo tenant (DefaultDemoUsers when 0)
	Progress  io.Writer // where to say that a demo tenant is being generated; may be nil
	As        string    // demo only: act as this user of the demo (UPN or O365 ID)
	SignedIn  Account   // the account signed in on this computer, if any

	// ReadOnly opens the cache for a command that only reads: a missing cache is not
	// created ("no cache at PATH — run sync first") and nothing in it changes. The demo
	// is still generated when it is missing, as its note says.
	ReadOnly bool

	// Existing opens only a cache that exists, for changes: the window given --db of a
	// file that is not there says "no cache at PATH" instead of making an empty file
	// that holds no tenant. The demo is still generated when it is missing.
	Existing bool

	// DemoProgress, when set, is called now and then while a demo tenant is generated with
	// how many of its users are built, so that a window can show it; may be nil.
	DemoProgress func(built, total int)
}

// Account is a signed-in account: who acts on the cache of their tenant.
type Account struct {
	Username string // the UPN
	TenantID string
}

// ErrNoTenant is returned when no cache was named and no tenant is signed in.
var ErrNoTenant = errors.New("nobody is signed in: run 'nimbusadmin signin' and 'nimbusadmin sync', or use --demo for the demo tenant, or --db PATH for a cache file")

// CacheDir is the folder of the per-tenant cache files in the user's config directory.
func CacheDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the config folder: %w", err)
	}
	return filepath.Join(dir, "nimbusadmin"), nil
}

// DemoCachePath is the demo tenant's own cache file: one per demo size.
func DemoCachePath(users int) (string, error) {
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	if users == DefaultDemoUsers {
		return filepath.Join(dir, "demo.db"), nil
	}
	return filepath.Join(dir, fmt.Sprintf("demo-%d.db", users)), nil
}

// OpenSession opens the cache the options name, generating the demo tenant when it is
// asked for and not there yet, and returns the App over it.
func OpenSession(ctx context.Context, o SessionOptions) (*App, error) {
	if o.DemoUsers == 0 {
		o.DemoUsers = DefaultDemoUsers
	}
	if o.DemoUsers < MinDemoUsers || o.DemoUsers > MaxDemoUsers {
		return nil, fmt.Errorf("--demo-users must be between %d and %d", MinDemoUsers, MaxDemoUsers)
	}
	if o.As != "" && !o.Demo {
		return nil, ErrAsOutsideDemo
	}
	path := o.DBPath
	if path == "" {
		if !o.Demo {
			return nil, ErrNoTenant
		}
		var err error
		if path, err = DemoCachePath(o.DemoUsers); err != nil {
			return nil, err
		}
	}
	store, err := openCache(path, o.ReadOnly && !o.Demo, o.Existing && !o.Demo)
	if err != nil {
		return nil, err
	}
	settings, err := store.Read(ctx).TenantSettings()
	switch {
	case errors.Is(err, data.ErrNotFound) && o.Demo:
		err = generateDemo(ctx, store, o)
	case errors.Is(err, data.ErrNotFound):
		err = fmt.Errorf("the cache %s %w: sign in and sync first, or use --demo", path, ErrNoTenantYet)
	case err == nil && o.Demo && !settings.IsDemo:
		err = fmt.Errorf("the cache %s holds the tenant %q, not the demo tenant: use another --db for the demo", path, settings.TenantName)
	case err == nil && o.Demo && settings.DemoUsers != o.DemoUsers:
		store, err = regenerateDemo(ctx, store, o, settings.DemoUsers)
	}
	actor := ""
	if err == nil {
		actor, err = sessionActor(ctx, store, o, settings)
	}
	if err != nil {
		if store != nil {
			store.Close()
		}
		return nil, err
	}
	return New(store, actor), nil
}

// ErrNoTenantYet is a cache file that holds no tenant: made, but never synced.
var ErrNoTenantYet = errors.New("holds no tenant yet")

// ErrAsOutsideDemo refuses --as on a real tenant: there, who acts is who signed in.
var ErrAsOutsideDemo = errors.New("--as works only with the demo tenant (--demo): on a real tenant you act as the account you signed in with")

// sessionActor decides who acts on the cache: in the demo, its signed-in Tenant
// Administrator or the user --as names; on a real tenant, the account signed in to that
// tenant, or else the local user (who then holds no administrator role).
func sessionActor(ctx context.Context, store *data.Store, o SessionOptions, settings data.TenantSettings) (string, error) {
	if o.Demo {
		if o.As == "" {
			return DemoAdmin(ctx, store)
		}
		du, err := store.Read(ctx).FindDirectoryUser(o.As)
		if errors.Is(err, data.ErrNotFound) {
			return "", fmt.Errorf("--as %s: no such user in the demo tenant (give a UPN or O365 ID of its directory)", safetext.Quote(o.As))
		}
		return du.UPN, err
	}
	if o.SignedIn.Username != "" && o.SignedIn.TenantID == settings.TenantID {
		return o.SignedIn.Username, nil
	}
	return actorName(), nil
}

// DemoAdmin is the account the demo tenant signs in: the first of its Tenant
// Administrators by UPN.
func DemoAdmin(ctx context.Context, store *data.Store) (string, error) {
	upns, err := store.Read(ctx).RoleHolderUPNs(data.RoleTenantAdmin, 1)
	if err != nil {
		return "", err
	}
	if len(upns) == 0 {
		return "", errors.New("the demo tenant has no Tenant Administrator to sign in as")
	}
	return upns[0], nil
}

func generateDemo(ctx context.Context, store *data.Store, o SessionOptions) error {
	lock, err := lockDemoGeneration(ctx, store, o)
	if err != nil {
		return err
	}
	defer lock.Release()
	if _, err := store.Read(ctx).TenantSettings(); err == nil {
		return nil // another process generated it while this one waited
	}
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, "Generating the demo tenant with %d Nimbus users in %s…\n", o.DemoUsers, store.Path())
	}
	return demo.Generate(ctx, store, demo.Options{Users: o.DemoUsers, Progress: o.DemoProgress})
}

// regenerateDemo replaces a demo cache of another size: demo data is generated, so
// nothing of a real tenant is lost.
func regenerateDemo(ctx context.Context, store *data.Store, o SessionOptions, had int) (*data.Store, error) {
	path := store.Path()
	store.Close()
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, "The demo cache %s held %d users; making it again with %d.\n", path, had, o.DemoUsers)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	store, err := openCache(path, false, false)
	if err != nil {
		return nil, err
	}
	return store, generateDemo(ctx, store, o)
}

// actorName names the local user when no account of the tenant is signed in.
func actorName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "local user"
}

// CachePath is the file of the open tenant cache, for the status the admin reads.
func (a *App) CachePath() string { return a.store.Path() }

// CacheSummary says whose the open cache is, how much it holds and when it was last
// synced, counted without loading it, for the status the admin reads.
func (a *App) CacheSummary(ctx context.Context) (data.AuthCacheSummary, error) {
	return a.store.Read(ctx).AuthCacheSummary()
}
