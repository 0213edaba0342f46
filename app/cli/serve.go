package cli

import (
	"context"
	"log/slog"
	"os/signal"
	"path/filepath"
	"syscall"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
)

// runServe runs the team server until SIGINT or SIGTERM, then lets running changes finish.
func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags("serve")
	var o server.Options
	fs.StringVar(&o.Postgres, "postgres", "", "PostgreSQL: a URL (postgres://user@host/db?sslmode=verify-full) or key=value string; PGPASSWORD, ~/.pgpass and the other PG* variables apply")
	fs.StringVar(&o.Listen, "listen", ":8443", "address to listen on")
	fs.StringVar(&o.TLSCert, "tls-cert", "", "TLS certificate (PEM, with its chain)")
	fs.StringVar(&o.TLSKey, "tls-key", "", "TLS private key (PEM)")
	fs.BoolVar(&o.BehindProxy, "behind-proxy", false, "serve plain HTTP: a reverse proxy in front terminates TLS")
	fs.StringVar(&o.TenantID, "tenant-id", "", "the tenant whose admins use the server (directory id)")
	fs.StringVar(&o.ClientID, "client-id", "", "the server's app registration (application id): the audience of the tokens")
	fs.StringVar(&o.Scope, "scope", "Nimbus.Admin", "the scope the app registration exposes")
	fs.StringVar(&o.Authority, "authority", "", "Entra ID host (https://login.microsoftonline.com unless a national cloud)")
	fs.StringVar(&o.DataDir, "data-dir", "", "folder of the server's working copy (default: the cache folder's server/)")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	if o.DataDir == "" {
		dir, err := app.CacheDir()
		if err != nil {
			return err
		}
		o.DataDir = filepath.Join(dir, "server")
	}
	o.HTTPClient = e.httpClient
	o.Log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return server.Run(ctx, o)
}
