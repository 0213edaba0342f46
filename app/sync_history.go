package app

import (
	"strings"

	"nimbusadmin/data"
)

// syncKeepsHistory says whether syncs record what they change; only the benchmark that
// measures what the history costs turns it off.
var syncKeepsHistory = true

// nimbusKinds are the sync's journal actions that are Nimbus consequences in its history.
var nimbusKinds = map[string]string{
	syncJoin:        data.ChangeJoinedNimbus,
	syncLeave:       data.ChangeLeftNimbus,
	syncKept:        data.ChangeKept,
	syncAdminGrant:  data.ChangeRoleGranted,
	syncAdminRemove: data.ChangeRoleRemoved,
}

// note keeps directory changes found by the step under way, for its history.
func (s *syncRun) note(changes []data.SyncChange) {
	if syncKeepsHistory && !s.baseline {
		s.pending = append(s.pending, changes...)
	}
}

// record writes, in the step's transaction, what the step changed: the directory changes
// it noted and the Nimbus consequences its journal entries tell. The first step that
// records anything numbers the sync; it returns that number.
func (s *syncRun) record(q *data.Q, entries []data.JournalEntry) (int64, error) {
	run := s.run
	if !syncKeepsHistory {
		return run, nil
	}
	if run == 0 {
		var err error
		if run, err = q.StartSyncRun(s.full, s.baseline, s.app.Actor()); err != nil {
			return 0, err
		}
	}
	changes := s.pending
	byUPN := map[string]string{}
	for _, c := range changes {
		byUPN[strings.ToLower(c.UPN)] = c.UserID
	}
	var unknown []string
	for _, e := range entries {
		if _, ok := nimbusKinds[e.Action]; ok && byUPN[strings.ToLower(e.Target)] == "" {
			unknown = append(unknown, e.Target)
		}
	}
	if len(unknown) > 0 {
		ids, err := q.UserIDsByUPN(unknown)
		if err != nil {
			return 0, err
		}
		for upn, id := range ids {
			byUPN[upn] = id
		}
	}
	for _, e := range entries {
		kind, ok := nimbusKinds[e.Action]
		if !ok {
			continue
		}
		c := data.SyncChange{UserID: byUPN[strings.ToLower(e.Target)], UPN: e.Target, Kind: kind, Detail: e.New}
		switch kind {
		case data.ChangeRoleGranted:
			c.New, c.Detail = e.New, ""
		case data.ChangeRoleRemoved:
			c.Old, c.Detail = e.Old, e.New
		}
		changes = append(changes, c)
	}
	if err := q.AddSyncChanges(run, changes); err != nil {
		return 0, err
	}
	if s.finish >= 0 {
		return run, q.FinishSyncRun(run, s.finish)
	}
	return run, nil
}

// noteDirectory notes what a chunk of the round changes in the cached directory.
func (s *syncRun) noteDirectory(q *data.Q, chunk []data.DirectoryUserChange, full bool) error {
	if !syncKeepsHistory || s.baseline {
		return nil
	}
	changes, err := q.DirectoryDiff(chunk, full)
	s.note(changes)
	return err
}

// noteTeams notes who joins or leaves the Teams written or removed.
func (s *syncRun) noteTeams(q *data.Q, teams []data.Team, gone []string) error {
	if !syncKeepsHistory || s.baseline {
		return nil
	}
	changes, err := q.TeamsDiff(teams, gone)
	s.note(changes)
	return err
}

// leaving is the removal of each of ids from the directory, as a round gives it.
func leaving(ids []string) []data.DirectoryUserChange {
	out := make([]data.DirectoryUserChange, len(ids))
	for i, id := range ids {
		out[i] = data.DirectoryUserChange{User: data.DirectoryUser{ID: id}, Removed: true}
	}
	return out
}
