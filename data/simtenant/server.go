// Package simtenant is a simulated Microsoft tenant on loopback HTTPS: the Graph endpoints
// the directory sync uses (users delta, Teams, their members and owners, security groups
// by name with their transitive members) with paging, delta tokens, partial updates,
// removals, throttling, latency and faults, and, mounted beside them, the Entra ID
// endpoints of the device-code flow. The real Graph and MSAL clients talk to it, so the
// demo, the tests and the benchmarks run the real code path.
package simtenant

import (
	"encoding/pem"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"

	"nimbusadmin/data"
)

// Options shape the simulated tenant.
type Options struct {
	Users       int           // directory users (deterministic, from demo.Directory); 0 means 200
	Seed        uint64        // 0 means the demo generator's default seed
	Teams       int           // Teams to generate; 0 means one per 1,000 users, at least 3
	Latency     time.Duration // added to every Graph request before it is answered
	MaxPageSize int           // the largest page Graph hands out (999 when 0)
	// People and TeamList, when set, are the directory and the Teams instead of the
	// generated ones (the demo mode serves the demo cache's own directory this way).
	People   []data.DirectoryUser
	TeamList []Team
	// Groups are security groups that are not Teams, such as the tenant administration
	// security group; a member naming another group of the tenant is a nested group.
	Groups []Group
	// Auth serves every path that is not Graph's (not under /v1.0/), e.g. the Authority.
	Auth http.Handler
	// CheckToken validates a Graph request's bearer token; nil accepts any non-empty one.
	CheckToken func(bearer string) error
}

// Server is one running simulated tenant.
type Server struct {
	URL string // https://127.0.0.1:port; Graph lives under URL + "/v1.0"

	ts   *httptest.Server
	opts Options

	mu      sync.Mutex
	dir     directory
	teams   []*simTeam
	faults  []Fault
	latency time.Duration
	expired uint64 // delta tokens from before this version are no longer known
	stats   Stats
}

// Stats count what the Graph side was asked, so that tests can prove a sync was
// incremental or that a fault was met.
type Stats struct {
	Requests          int // every Graph request, faults included
	DeltaPages        int // user delta pages served
	FullRounds        int // delta rounds started without a token
	IncrementalRounds int // delta rounds started from a delta link
	TeamListings      int // member and owner pages served
	Faults            int // faults injected
}

// Fault is one failure the next matching Graph request meets.
type Fault struct {
	Path       string // only requests whose path contains this; "" for any
	Status     int    // answer with this status (e.g. 429, 503)
	RetryAfter string // the Retry-After header sent with Status, if any
	Cut        bool   // send the headers and half the body, then drop the connection
	Drop       bool   // drop the connection before answering
}

// Start builds the tenant and serves it on a loopback port.
func Start(o Options) (*Server, error) {
	if o.People != nil {
		o.Users = len(o.People)
	}
	if o.Users == 0 {
		o.Users = 200
	}
	if o.Users < 0 || o.Users > 1_250_000 {
		return nil, errors.New("a simulated tenant has 1 to 1,250,000 users")
	}
	if o.MaxPageSize <= 0 || o.MaxPageSize > 999 {
		o.MaxPageSize = 999
	}
	s := &Server{opts: o, latency: o.Latency}
	if o.People != nil {
		s.dir.seed(o.People)
	} else {
		s.dir.generate(o.Users, o.Seed)
	}
	if o.TeamList != nil {
		for _, t := range o.TeamList {
			s.teams = append(s.teams, &simTeam{id: t.ID, name: t.DisplayName, team: true,
				members: slices.Clone(t.Members), owners: slices.Clone(t.Owners)})
		}
	} else {
		s.teams = generateTeams(&s.dir, o.Teams, o.Seed)
	}
	s.addGroups(o.Groups)
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	// Clients that hang up mid-handshake (a cancelled sync, a closed test) are normal here.
	s.ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.ts.StartTLS()
	s.URL = s.ts.URL
	return s, nil
}

// Close stops the server.
func (s *Server) Close() { s.ts.Close() }

// CACertPEM is the certificate the server presents, for clients that trust it through a
// file (SSL_CERT_FILE) rather than Client.
func (s *Server) CACertPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.ts.Certificate().Raw})
}

// Client is an HTTP client that trusts the server.
func (s *Server) Client() *http.Client { return s.ts.Client() }

// GraphURL is the Graph base URL of the tenant.
func (s *Server) GraphURL() string { return s.URL + "/v1.0" }

// SetLatency changes the delay added to every Graph request.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	s.latency = d
	s.mu.Unlock()
}

// Inject queues faults; each is used up by the first Graph request it matches.
func (s *Server) Inject(faults ...Fault) {
	s.mu.Lock()
	s.faults = append(s.faults, faults...)
	s.mu.Unlock()
}

// ExpireDeltaTokens forgets every delta token handed out so far, as Graph does after a
// while: the next round from one of them answers 410 Gone (syncStateNotFound).
func (s *Server) ExpireDeltaTokens() {
	s.mu.Lock()
	s.dir.version++
	s.expired = s.dir.version
	s.mu.Unlock()
}

// Stats reports what was served so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// serve routes Graph requests to the Graph handlers and everything else to Options.Auth.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/v1.0/") {
		if s.opts.Auth == nil {
			http.NotFound(w, r)
			return
		}
		s.opts.Auth.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	s.mu.Lock()
	s.stats.Requests++
	latency := s.latency
	fault, faulty := s.takeFault(r.URL.Path)
	s.mu.Unlock()
	// The latency is the time to the first byte: the answer is built while it runs.
	var body []byte
	status := 0
	authorized := s.authorized(r)
	if authorized && !faulty {
		body, status = s.graph(r)
	}
	if wait := latency - time.Since(start); wait > 0 {
		select {
		case <-time.After(wait):
		case <-r.Context().Done():
			return
		}
	}
	if !authorized {
		s.unauthorized(w, r)
		return
	}
	if faulty {
		if fault.Drop {
			panic(http.ErrAbortHandler)
		}
		if fault.Status != 0 {
			if fault.RetryAfter != "" {
				w.Header().Set("Retry-After", fault.RetryAfter)
			}
			graphError(w, fault.Status, faultCode(fault.Status), "injected fault")
			return
		}
		body, status = s.graph(r)
	}
	w.Header().Set("Content-Type", "application/json; odata.metadata=minimal")
	if faulty && fault.Cut {
		w.Header().Set("Content-Length", itoa(len(body)))
		w.WriteHeader(status)
		w.Write(body[:len(body)/2])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	}
	w.WriteHeader(status)
	w.Write(body)
}

// takeFault removes and returns the first queued fault that matches path.
func (s *Server) takeFault(path string) (Fault, bool) {
	for i, f := range s.faults {
		if f.Path == "" || strings.Contains(path, f.Path) {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			s.stats.Faults++
			return f, true
		}
	}
	return Fault{}, false
}

func faultCode(status int) string {
	switch status {
	case http.StatusTooManyRequests:
		return "TooManyRequests"
	case http.StatusServiceUnavailable:
		return "serviceNotAvailable"
	case http.StatusGatewayTimeout:
		return "gatewayTimeout"
	}
	return "generalException"
}

// authorized checks the bearer token as Graph does.
func (s *Server) authorized(r *http.Request) bool {
	bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(bearer) == "" {
		return false
	}
	return s.opts.CheckToken == nil || s.opts.CheckToken(bearer) == nil
}

// unauthorized answers 401 with Graph's error body, saying why.
func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request) {
	bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(bearer) == "" {
		graphError(w, http.StatusUnauthorized, "InvalidAuthenticationToken", "Access token is empty.")
		return
	}
	err := s.opts.CheckToken(bearer)
	graphError(w, http.StatusUnauthorized, "InvalidAuthenticationToken", err.Error())
}

// graphError writes Graph's error body.
func graphError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(errorBody(code, message))
}

// CertificatePEM is the tenant's TLS certificate, for a process of its own to trust
// (SSL_CERT_FILE).
func (s *Server) CertificatePEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.ts.Certificate().Raw})
}
