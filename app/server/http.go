package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

type callerKey struct{}

// callerOf is the caller authed put in the request's context.
func callerOf(ctx context.Context) Caller {
	c, _ := ctx.Value(callerKey{}).(Caller)
	return c
}

// authed runs h only for a request with a valid bearer token: anything else is answered
// 401 with the reason, and nothing runs.
func (s *Server) authed(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || strings.TrimSpace(bearer) == "" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_request"`)
			writeRefusal(w, http.StatusUnauthorized, "auth.missing", "this server needs an Entra access token (Authorization: Bearer …); sign in first")
			return
		}
		c, err := s.cfg.Verifier.Verify(r.Context(), strings.TrimSpace(bearer))
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			s.cfg.Log.Warn("token refused", "path", r.URL.Path, "remote", r.RemoteAddr, "reason", err.Error())
			writeRefusal(w, http.StatusUnauthorized, "auth.refused", err.Error())
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)))
	})
}

// statusWriter remembers the status a handler answered.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// logged writes one structured line per request: never a header, so never a token.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		level := slog.LevelInfo
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/v1/feed" {
			level = slog.LevelDebug
		}
		s.cfg.Log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path,
			"status", sw.status, "ms", time.Since(start).Milliseconds(), "caller", callerOf(r.Context()).UPN)
	})
}

// refusal is the body of every answer that is not a success.
type refusal struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

func writeRefusal(w http.ResponseWriter, status int, rule, message string) {
	writeJSON(w, status, refusal{Rule: rule, Message: message})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
