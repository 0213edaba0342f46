package cli

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app"
	"nimbusadmin/app/teamclient"
)

// runServerImport loads a single admin's cache into a new team server.
func runServerImport(ctx context.Context, e env, args []string) error {
	fs := newFlags("server import")
	file := fs.String("db", "", "the single-admin cache to import (a tenant-….db file)")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	if *file == "" {
		return usagef("server import needs --db FILE: the cache to load into the server")
	}
	if e.globals.Server == "" {
		return usagef("server import needs --server URL before the verb: the server to load the cache into")
	}
	src, err := app.OpenSession(ctx, app.SessionOptions{DBPath: *file, ReadOnly: true, Existing: true})
	if err != nil {
		return err
	}
	defer src.Close()
	return withApp(e, func(a *app.App) error {
		c, ok := a.Remote().(*teamclient.Client)
		if !ok {
			return errors.New("internal error: the replica has no server")
		}
		n, err := c.Import(ctx, src)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Imported %d rows of %s into %s.\n", n, *file, e.globals.Server)
		return nil
	})
}
