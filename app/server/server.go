// Package server is the team server's HTTP API: desktops send the admin's Entra access
// token with every request; the server runs their commands with the rules of app on its
// working copy, which writes through to PostgreSQL, and feeds every replica the rows
// that changed.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"sync"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// Store is the authoritative store (PostgreSQL): the primary the working copy writes
// through, and the change feed replicas follow.
type Store interface {
	data.Primary
	// Feed gives the rows committed at or after the cursor `after` that no running
	// transaction can still precede, and the cursor to ask from next.
	Feed(ctx context.Context, after uint64, fn func(data.Row) error) (uint64, error)
	// Wait returns when a commit may have made rows after the cursor visible, or when
	// ctx ends.
	Wait(ctx context.Context, after uint64) error
	// Ping says whether PostgreSQL answers.
	Ping(ctx context.Context) error
}

// Caller is who sent a request, from their validated access token.
type Caller struct {
	ObjectID string // the directory user's id (the token's oid)
	UPN      string
	Name     string
}

// Verifier checks a bearer token and says who holds it; any error is a refusal (401).
type Verifier interface {
	Verify(ctx context.Context, bearer string) (Caller, error)
}

// Published is what the server tells anyone at /.well-known/nimbusadmin, so that a
// desktop needs only the server's address to sign in for it.
type Published struct {
	TenantID  string `json:"tenantId"`
	ClientID  string `json:"clientId"`  // the server's app registration
	Scope     string `json:"scope"`     // the scope desktops ask a token for, api://CLIENT/NAME
	Authority string `json:"authority"` // the Entra ID host, e.g. https://login.microsoftonline.com
	Schema    int    `json:"schema"`    // the cache schema version replicas must have
}

// Config is what a Server serves.
type Config struct {
	Store     Store
	Cache     *app.App // the working copy, writing through Store
	Verifier  Verifier
	Published Published
	Log       *slog.Logger
	Sync      *Syncer // the directory sync; nil when the server has no app credentials for it
}

// Server answers the team API.
type Server struct {
	cfg     Config
	writeMu sync.Mutex // commands are run one at a time on the working copy

	stopping context.Context // ends when the server stops: long polls answer at once
	stop     context.CancelFunc
}

// New makes a server from its configuration.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	cfg.Published.Schema = data.SchemaVersion()
	stopping, stop := context.WithCancel(context.Background())
	return &Server{cfg: cfg, stopping: stopping, stop: stop}
}

// Stopping ends the long polls, so that a graceful shutdown waits only for changes.
func (s *Server) Stopping() { s.stop() }

// Handler routes the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", s.ready)
	mux.HandleFunc("GET /.well-known/nimbusadmin", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.cfg.Published)
	})
	mux.Handle("POST /v1/commands", s.authed(s.command))
	mux.Handle("GET /v1/feed", s.authed(s.feed))
	mux.Handle("GET /v1/snapshot", s.authed(s.snapshot))
	mux.Handle("GET /v1/me", s.authed(s.me))
	mux.Handle("POST /v1/import", s.authed(s.importCache))
	mux.Handle("POST /v1/sync", s.authed(s.syncNow))
	return s.logged(mux)
}

// ready answers 200 when PostgreSQL does.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	if err := s.cfg.Store.Ping(r.Context()); err != nil {
		http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}
