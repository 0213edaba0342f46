package cli

import (
	"context"
	"log/slog"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
	"nimbusadmin/auth"
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
	fs.StringVar(&o.GraphURL, "graph-url", "", "Microsoft Graph for the directory sync (default: the --cloud's, https://graph.microsoft.com/v1.0)")
	fs.DurationVar(&o.SyncEvery, "sync-every", 15*time.Minute, "how often the server syncs the directory (0: only when an admin asks)")
	fs.StringVar(&o.SyncClientID, "sync-client-id", "", "the app registration the directory sync signs in as, with User.Read.All and GroupMember.Read.All application permissions (default: --client-id)")
	fs.StringVar(&o.SyncSecretFile, "sync-secret-file", "", "file holding that app's client secret (or set NIMBUSADMIN_SYNC_SECRET)")
	fs.StringVar(&o.SyncCert, "sync-cert", "", "that app's certificate (PEM), instead of a secret")
	fs.StringVar(&o.SyncKey, "sync-key", "", "the certificate's private key (PEM, unencrypted)")
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
	if o.GraphURL == "" {
		endpoints, err := auth.ResolveEndpoints(e.globals.Cloud, "", e.globals.GraphURL)
		if err != nil {
			return err
		}
		o.GraphURL = endpoints.GraphURL
	}
	if e.getenv != nil {
		o.SyncSecret = e.getenv("NIMBUSADMIN_SYNC_SECRET") // a secret is never a flag: every user of the machine sees those
	}
	o.HTTPClient = e.httpClient
	o.Log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return server.Run(ctx, o)
}
