package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/auth/apitoken"
	"nimbusadmin/data"
	"nimbusadmin/data/pg"
)

// Options are the server's settings, from `nimbusadmin serve`'s flags.
type Options struct {
	Postgres    string // libpq URL or key=value string; PG* variables and ~/.pgpass apply
	Listen      string // host:port
	TLSCert     string
	TLSKey      string
	BehindProxy bool // plain HTTP, a reverse proxy terminating TLS in front
	TenantID    string
	ClientID    string // the server's app registration (the tokens' audience)
	Scope       string // the scope it exposes, e.g. Nimbus.Admin
	Authority   string // e.g. https://login.microsoftonline.com
	DataDir     string // where the working copy lives
	HTTPClient  *http.Client
	Log         *slog.Logger
	// Listening is called with the address once the server accepts connections.
	Listening func(url string)

	// The directory sync (sync.go): the server reads the directory as its own app, on a
	// schedule and when an admin asks; off when no secret or certificate is given.
	GraphURL       string        // Microsoft Graph, https://graph.microsoft.com/v1.0 unless a national cloud
	SyncEvery      time.Duration // how often the server syncs; 0: only when an admin asks
	SyncClientID   string        // the app registration the sync signs in as; ClientID when empty
	SyncSecretFile string        // a file holding its client secret
	SyncSecret     string        // its client secret from the environment (never a flag: ps shows those); never logged
	SyncCert       string        // or its certificate (PEM; may hold the key)
	SyncKey        string        // and the certificate's private key (PEM)
}

// shutdownGrace is how long a stopping server lets running requests (and their
// transactions) finish.
const shutdownGrace = 30 * time.Second

// check refuses options that cannot make a server, in one line.
func (o Options) check() error {
	switch {
	case o.TenantID == "":
		return errors.New("--tenant-id is needed: the tenant whose admins use this server")
	case o.ClientID == "":
		return errors.New("--client-id is needed: the app registration that exposes the server's scope")
	case (o.TLSCert == "") != (o.TLSKey == ""):
		return errors.New("--tls-cert and --tls-key go together")
	case o.TLSCert == "" && !o.BehindProxy:
		return errors.New("give --tls-cert and --tls-key, or say --behind-proxy when a reverse proxy terminates TLS in front of the server")
	case o.TLSCert != "" && o.BehindProxy:
		return errors.New("--behind-proxy serves plain HTTP: leave out --tls-cert and --tls-key, or --behind-proxy")
	case o.SyncEvery < 0:
		return errors.New("--sync-every is a duration such as 15m, or 0 to sync only when an admin asks")
	case o.SyncClientID != "" && !o.syncs():
		return errors.New("--sync-client-id needs the app's credential: --sync-secret-file, NIMBUSADMIN_SYNC_SECRET, or --sync-cert and --sync-key")
	}
	return nil
}

// Run serves until ctx ends, then lets running requests finish and closes everything.
func Run(ctx context.Context, o Options) error {
	if err := o.check(); err != nil {
		return err
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.Scope == "" {
		o.Scope = "Nimbus.Admin"
	}
	if o.Authority == "" {
		o.Authority = "https://login.microsoftonline.com"
	}
	db, err := pg.Open(ctx, o.Postgres)
	if err != nil {
		return err
	}
	defer db.Close()
	cache, err := openWorkingCopy(ctx, o.DataDir, db)
	if err != nil {
		return err
	}
	defer cache.Close()
	verifier, err := apitoken.New(ctx, apitoken.Config{Authority: o.Authority, TenantID: o.TenantID,
		ClientID: o.ClientID, Scope: o.Scope, HTTPClient: o.HTTPClient})
	if err != nil {
		return err
	}
	syncer, err := o.syncer(ctx, cache)
	if err != nil {
		return err
	}
	if syncer != nil {
		defer syncer.Wait() // before the working copy closes
		if o.SyncEvery > 0 {
			go syncer.Every(ctx, o.SyncEvery)
		}
	}
	srv := New(Config{Store: db, Cache: cache, Verifier: tokenVerifier{verifier}, Log: o.Log, Sync: syncer,
		Published: Published{TenantID: o.TenantID, ClientID: o.ClientID, Authority: o.Authority,
			Scope: "api://" + o.ClientID + "/" + o.Scope}})
	return serve(ctx, o, srv)
}

// openWorkingCopy opens the server's SQLite copy of the data, writing through PostgreSQL,
// and brings it up to date.
func openWorkingCopy(ctx context.Context, dir string, db *pg.DB) (*app.App, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the data folder %s: %w", dir, err)
	}
	store, err := data.Open(filepath.Join(dir, "working-copy.db"))
	if err != nil {
		return nil, err
	}
	if err := store.WriteThrough(ctx, db); err != nil {
		store.Close()
		return nil, err
	}
	cache := app.New(store, "Nimbus Admin server")
	if err := cache.CatchUp(ctx); err != nil {
		cache.Close()
		return nil, err
	}
	return cache, nil
}

// serve listens and answers until ctx ends.
func serve(ctx context.Context, o Options, srv *Server) error {
	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", o.Listen, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(o.Log.Handler(), slog.LevelWarn)}
	scheme := "https"
	if o.BehindProxy {
		scheme = "http"
	}
	url := scheme + "://" + ln.Addr().String()
	o.Log.Info("listening", "url", url)
	if o.Listening != nil {
		o.Listening(url)
	}
	done := make(chan error, 1)
	go func() {
		if o.BehindProxy {
			done <- hs.Serve(ln)
		} else {
			done <- hs.ServeTLS(ln, o.TLSCert, o.TLSKey)
		}
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	o.Log.Info("stopping: letting running requests finish")
	srv.Stopping()
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err = hs.Shutdown(sctx)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	o.Log.Info("stopped")
	return err
}

// tokenVerifier checks tokens with apitoken.
type tokenVerifier struct{ v *apitoken.Validator }

func (t tokenVerifier) Verify(ctx context.Context, bearer string) (Caller, error) {
	c, err := t.v.Check(ctx, bearer)
	if err != nil {
		return Caller{}, err
	}
	return Caller{ObjectID: c.ObjectID, UPN: strings.TrimSpace(c.UPN), Name: c.Name}, nil
}
