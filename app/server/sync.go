package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/online"
	"nimbusadmin/auth"
)

// SyncAnswer is what a sync gives every admin who asked for it: what it did, and the
// feed position a replica must pass to hold it.
type SyncAnswer struct {
	Result app.SyncResult `json:"result"`
	Xid    uint64         `json:"xid"`
}

// Syncer runs the tenant's one directory sync on the working copy, whose every
// transaction commits in PostgreSQL first, so the result reaches every replica by the
// change feed. One sync runs at a time: whoever asks while one runs, the schedule or an
// admin, gets that sync's answer rather than a second sync.
type Syncer struct {
	cache *app.App
	src   app.DirectorySource
	log   *slog.Logger
	life  context.Context // ends when the server stops: a running sync stops between steps

	mu      sync.Mutex
	running *syncCall // nil when no sync runs
	stopped bool      // Wait was called: no sync starts any more
	wg      sync.WaitGroup
}

// syncCall is one sync under way, and its answer once done is closed.
type syncCall struct {
	waiters int // who asked for it
	done    chan struct{}
	ans     SyncAnswer
	err     error
}

// NewSyncer makes the sync of the working copy cache from src; life bounds every sync.
func NewSyncer(life context.Context, cache *app.App, src app.DirectorySource, log *slog.Logger) *Syncer {
	if log == nil {
		log = slog.Default()
	}
	return &Syncer{cache: cache, src: src, log: log, life: life}
}

// Sync runs a sync, or joins the one running, and returns its answer. Giving up
// waiting (ctx ends) leaves the sync running for the others.
func (s *Syncer) Sync(ctx context.Context, who string) (SyncAnswer, error) {
	s.mu.Lock()
	call := s.running
	if call == nil && (s.stopped || s.life.Err() != nil) {
		s.mu.Unlock()
		return SyncAnswer{}, errors.New("the server is stopping: no directory sync starts now")
	}
	if call == nil {
		call = &syncCall{done: make(chan struct{})}
		s.running = call
		s.wg.Add(1)
		go s.run(call, who)
	}
	call.waiters++
	s.mu.Unlock()
	select {
	case <-call.done:
		return call.ans, call.err
	case <-ctx.Done():
		return SyncAnswer{}, ctx.Err()
	}
}

// run is the one sync of a call; it logs what the sync did in one line.
func (s *Syncer) run(call *syncCall, who string) {
	defer s.wg.Done()
	res, err := s.cache.Sync(s.life, s.src, app.SyncOptions{})
	call.ans, call.err = SyncAnswer{Result: res, Xid: s.cache.LastCommit()}, err
	s.mu.Lock()
	s.running = nil
	s.mu.Unlock()
	close(call.done)
	if err != nil {
		s.log.Error("directory sync failed", "by", who, "err", err.Error(), "ms", res.Elapsed.Milliseconds())
		return
	}
	s.log.Info("directory sync", "by", who, "full", res.Full, "pages", res.Pages, "users", res.Users,
		"removed", res.Removed, "teams", res.Teams, "joined", res.Joined, "left", res.Left,
		"ms", res.Elapsed.Milliseconds(), "xid", call.ans.Xid)
}

// waiting is how many asked for the sync that runs now (0 when none runs).
func (s *Syncer) waiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running == nil {
		return 0
	}
	return s.running.waiters
}

// Wait returns once no sync runs, and none starts after: a stopping server closes its
// working copy after.
func (s *Syncer) Wait() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.wg.Wait()
}

// Every syncs now, then again each time the interval has passed since the last sync
// ended, until ctx ends; a sync longer than the interval is never followed at once by
// another. A sync that fails is logged and tried again at the next turn.
func (s *Syncer) Every(ctx context.Context, every time.Duration) {
	t := time.NewTimer(every)
	defer t.Stop()
	for {
		s.Sync(ctx, "schedule") // its outcome is logged by run
		t.Reset(every)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// syncNow runs the directory sync for an admin who may change something (an Organization
// Unit Administrator or a Tenant Administrator) and answers what it did; two admins who
// ask at once get the one sync's answer.
func (s *Server) syncNow(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Sync == nil {
		writeRefusal(w, http.StatusNotImplemented, "sync.off", "this server does not sync the directory: whoever runs it must give it the sync app's client secret or certificate")
		return
	}
	rights, ok := s.callerRights(w, r)
	if !ok {
		return
	}
	if rights.Level == app.ReadOnly {
		writeRefusal(w, http.StatusForbidden, "sync.read_only", "only a Tenant Administrator or an Organization Unit Administrator may ask for a directory sync; the server also syncs on its own schedule")
		return
	}
	ans, err := s.cfg.Sync.Sync(r.Context(), callerOf(r.Context()).UPN)
	if err != nil {
		if errors.Is(err, r.Context().Err()) {
			return // the caller went away; the sync goes on for the others
		}
		s.refusedOrFailed(w, "directory sync", err)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

// syncs reports whether the options give the directory sync a credential.
func (o Options) syncs() bool {
	return o.SyncSecretFile != "" || o.SyncSecret != "" || o.SyncCert != "" || o.SyncKey != ""
}

// syncer makes the directory sync the options describe, or nil when they give it no
// credential (the server then only serves what admins change and import).
func (o Options) syncer(life context.Context, cache *app.App) (*Syncer, error) {
	if !o.syncs() {
		o.Log.Info("directory sync off: no --sync-secret-file, NIMBUSADMIN_SYNC_SECRET or --sync-cert given")
		return nil, nil
	}
	clientID := o.SyncClientID
	if clientID == "" {
		clientID = o.ClientID
	}
	graphURL := o.GraphURL
	if graphURL == "" {
		graphURL = "https://graph.microsoft.com/v1.0"
	}
	src, err := online.AppOnly(online.AppOnlyConfig{
		Endpoints: auth.Endpoints{Cloud: "custom", AuthorityHost: o.Authority, GraphURL: graphURL},
		TenantID:  o.TenantID, ClientID: clientID, SecretFile: o.SyncSecretFile, Secret: o.SyncSecret,
		CertFile: o.SyncCert, KeyFile: o.SyncKey, HTTPClient: o.HTTPClient})
	if err != nil {
		return nil, err
	}
	o.Log.Info("directory sync on", "app", clientID, "graph", graphURL, "every", o.SyncEvery.String())
	return NewSyncer(life, cache, src, o.Log), nil
}
