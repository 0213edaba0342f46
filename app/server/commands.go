package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"nimbusadmin/app"
)

// CommandRequest is what a desktop sends to run a change: the command in the form
// app.EncodeCommand gives it, and whether only to check it.
type CommandRequest struct {
	Command json.RawMessage `json:"command"`
	Check   bool            `json:"check,omitempty"`
}

// CommandAnswer is the result of an accepted change, with the feed position a replica
// must pass to hold it.
type CommandAnswer struct {
	Outcome app.Outcome `json:"outcome"`
	Xid     uint64      `json:"xid"`
}

// maxCommand bounds a command's body: the largest an admin can make (a role's whole
// permission tree) is a few kilobytes.
const maxCommand = 1 << 20

// commandTimeout bounds one change; it is not tied to the caller's connection, so that a
// desktop that goes away mid-change leaves it committed or not, never half done.
const commandTimeout = 30 * time.Second

// command runs one change as the caller, with the rules of app, in one transaction of
// PostgreSQL: the answer is the outcome or the rule's refusal.
func (s *Server) command(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxCommand+1))
	if err != nil || len(body) > maxCommand {
		writeRefusal(w, http.StatusRequestEntityTooLarge, "request.too_large", "the command is larger than 1 MiB")
		return
	}
	var req CommandRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeRefusal(w, http.StatusBadRequest, "request.malformed", "the request is not a command: "+err.Error())
		return
	}
	cmd, err := app.DecodeCommand(req.Command)
	if err != nil {
		writeRefusal(w, http.StatusBadRequest, "request.malformed", err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), commandTimeout)
	defer cancel()
	a, unlock, ok := s.writing(ctx, w, r)
	if !ok {
		return
	}
	defer unlock()
	var out app.Outcome
	if req.Check {
		err = a.Check(ctx, cmd)
	} else {
		out, err = a.Do(ctx, cmd)
	}
	if err != nil {
		s.refusedOrFailed(w, cmd.Kind(), err)
		return
	}
	writeJSON(w, http.StatusOK, CommandAnswer{Outcome: out, Xid: s.cfg.Cache.LastCommit()})
}

// refusedOrFailed answers a rule's refusal with its key and message (409 for a change
// made on a stale view, 404 for something unknown, 422 for the other rules), anything
// else as a failure.
func (s *Server) refusedOrFailed(w http.ResponseWriter, what string, err error) {
	rule, msg, ok := app.ErrorRule(err)
	if !ok {
		s.failed(w, what, err)
		return
	}
	status := http.StatusUnprocessableEntity
	switch rule {
	case "change.stale":
		status = http.StatusConflict
	case "not_found":
		status = http.StatusNotFound
	}
	writeRefusal(w, status, rule, msg)
}

// failed answers 500 with one line and logs it.
func (s *Server) failed(w http.ResponseWriter, what string, err error) {
	s.cfg.Log.Error("failed", "what", what, "err", err.Error())
	writeRefusal(w, http.StatusInternalServerError, "server.failed", "the server could not do it: "+err.Error())
}

// me says who the caller is to the server and what they may change.
func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	rights, ok := s.callerRights(w, r)
	if !ok {
		return
	}
	level := map[app.AdminLevel]string{app.ReadOnly: "read-only", app.OUAdministrator: "organization-unit-administrator",
		app.TenantAdministrator: "tenant-administrator"}[rights.Level]
	writeJSON(w, http.StatusOK, map[string]any{"actor": rights.Actor, "name": rights.Name, "level": level})
}

// callerRights reads what the caller may change; on a failure it has answered.
func (s *Server) callerRights(w http.ResponseWriter, r *http.Request) (app.AdminRights, bool) {
	caller := callerOf(r.Context())
	a, err := s.cfg.Cache.ActingFor(r.Context(), caller.ObjectID, caller.UPN)
	if err == nil {
		var rights app.AdminRights
		if rights, err = a.Rights(r.Context()); err == nil {
			return rights, true
		}
	}
	s.failed(w, "the rights of "+caller.UPN, err)
	return app.AdminRights{}, false
}

// writing is the App acting as the caller, with the server's one writer's turn taken
// (unlock gives it back); on a failure it has answered.
func (s *Server) writing(ctx context.Context, w http.ResponseWriter, r *http.Request) (a *app.App, unlock func(), ok bool) {
	caller := callerOf(r.Context())
	a, err := s.cfg.Cache.ActingFor(ctx, caller.ObjectID, caller.UPN)
	if err != nil {
		s.failed(w, "acting for "+caller.UPN, err)
		return nil, nil, false
	}
	s.writeMu.Lock()
	return a, s.writeMu.Unlock, true
}
