package app

import (
	"context"
	"iter"
	"slices"

	"nimbusadmin/data"
)

// Sizes of the sync's write transactions: each one is short (a few milliseconds to a few
// tens of milliseconds), so that an admin's change waits for no more than one of them.
var (
	syncChunkUsers   = 2000 // directory users written or removed per transaction
	syncChunkMembers = 2000 // Team memberships cached per transaction
	syncChunkNimbus  = 500  // Nimbus users joining, leaving or kept per transaction

	// syncBulkUsers is the size of a first round from which the directory's indexes are
	// built once after its users instead of kept up to date chunk by chunk (a smaller
	// round writes too few chunks for it to matter).
	syncBulkUsers = 10_000
)

// write puts what the sync read into the cache in short transactions: the users chunk by
// chunk (a user gone from the directory leaves Nimbus in the same transaction), then for
// a full round those it did not bring, the Teams, the Nimbus side and the tenant
// administration security group, and last the sync state with the delta link. Every
// step is idempotent, so a sync stopped anywhere is caught up by the next one. The users
// added by hand before the sync began (handAdded, in id order) are adopted with the chunk
// of their ids, so that the first transaction is also the first change to the cache.
func (s *syncRun) write(ctx context.Context, r *syncRead, handAdded []string) error {
	round, cached, err := s.app.store.Read(ctx).NextSyncRound()
	if err != nil {
		return err
	}
	s.full, s.baseline = r.full, cached == 0
	s.res.Users = 0
	s.part, s.total = partUsers, r.users.count
	indexes, err := s.dropIndexes(ctx, r)
	if err != nil {
		return err
	}
	err = r.users.each(syncChunkUsers, func(chunk []data.DirectoryUserChange) error {
		n, _ := slices.BinarySearch(handAdded, chunk[len(chunk)-1].User.ID+"\x00")
		adopt := handAdded[:n]
		var written, removed int
		err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
			if err := q.AdoptDirectoryUsers(adopt); err != nil {
				return nil, err
			}
			var gone []string // removed, and not listed again after (a user's changes are next to each other)
			for i, c := range chunk {
				if c.Removed && (i+1 == len(chunk) || chunk[i+1].User.ID != c.User.ID) {
					gone = append(gone, c.User.ID)
				}
			}
			if err := s.noteDirectory(q, chunk, r.full); err != nil {
				return nil, err
			}
			entries, err := leaveDirectory(q, gone)
			if err != nil {
				return nil, err
			}
			w, rm, err := q.WriteDirectoryUsers(chunk, round, r.full)
			written, removed = w, len(rm)
			return entries, err
		})
		if err != nil {
			return err
		}
		handAdded = handAdded[n:]
		s.res.Users += written
		s.res.Removed += removed
		s.saved += len(chunk)
		s.report(SyncSaving)
		return nil
	})
	if err != nil {
		return err
	}
	for chunk := range slices.Chunk(handAdded, syncChunkUsers) { // beyond the last chunk's ids
		if err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) { return nil, q.AdoptDirectoryUsers(chunk) }); err != nil {
			return err
		}
	}
	if indexes {
		for i := range data.DirectoryIndexCount() { // one index a transaction
			if err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) { return nil, q.BuildDirectoryIndex(i) }); err != nil {
				return err
			}
		}
	}
	if r.full && cached > 0 {
		s.part = partSweep
		if err := s.sweep(ctx, round, r.users); err != nil {
			return err
		}
	}
	s.part = partTeams
	if err := s.writeTeams(ctx, r.teams); err != nil {
		return err
	}
	s.part = partServices
	if err := s.nimbus(ctx); err != nil {
		return err
	}
	s.part = partAdmins
	if err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) { return syncAdmins(q, r.admins) }); err != nil {
		return err
	}
	s.part = partFinish
	return s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
		now := data.Now()
		if err := q.SaveSyncState(data.ResourceUsers, r.link, now); err != nil {
			return nil, err
		}
		s.finish = r.users.count // the history records the sync completed with this step
		return nil, q.SaveSyncState(data.ResourceTeams, "", now)
	})
}

// dropIndexes drops the directory's indexes before a large first round writes its users,
// and says whether the indexes are to be built once the users are written: when it
// dropped them, or when a sync stopped between the two left them missing.
func (s *syncRun) dropIndexes(ctx context.Context, r *syncRead) (build bool, err error) {
	if !s.baseline || !r.full || r.users.count < syncBulkUsers {
		return s.app.store.Read(ctx).DirectoryIndexesMissing()
	}
	err = s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) { return nil, q.DropDirectoryIndexes() })
	return err == nil, err
}

// sweep ends a full round: whoever the round did not bring has left the directory. The
// users cached before the round that it did not change are compared with the round's
// ids, both in id order.
func (s *syncRun) sweep(ctx context.Context, round int64, brought *syncStage) error {
	next, stop := iter.Pull2(brought.ids())
	defer stop()
	id, readErr, more := next()
	var stale []data.UserRef
	err := s.app.store.Read(ctx).EachDirectoryUserBeforeRound(round, func(u data.UserRef) error {
		for more && readErr == nil && id < u.ID {
			id, readErr, more = next()
		}
		if readErr != nil {
			return readErr
		}
		if !more || id != u.ID {
			stale = append(stale, u)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for chunk := range slices.Chunk(stale, syncChunkUsers) {
		ids := make([]string, len(chunk))
		for i, u := range chunk {
			ids[i] = u.ID
		}
		removed := 0
		err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
			if err := s.noteDirectory(q, leaving(ids), false); err != nil {
				return nil, err
			}
			entries, err := leaveDirectory(q, ids)
			if err != nil {
				return nil, err
			}
			removed, err = q.RemoveDirectoryUsersBeforeRound(ids, round)
			return entries, err
		})
		if err != nil {
			return err
		}
		s.res.Removed += removed
		s.saved += len(chunk)
		s.report(SyncSaving)
	}
	return nil
}

// leaveDirectory removes from Nimbus those of ids who are Nimbus users, before the sync
// removes them from the cached directory: a user gone from the directory leaves Nimbus
// with everything Nimbus holds on them, and the journal says so.
func leaveDirectory(q *data.Q, ids []string) ([]data.JournalEntry, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	gone, err := q.RemoveNimbusUsers(ids)
	var entries []data.JournalEntry
	for _, u := range gone {
		entries = append(entries, entry(syncLeave, u.UPN, "Nimbus user", "gone from the directory"))
	}
	return entries, err
}

// writeTeams makes the cached Teams those listed: a few Teams at a time, then the Teams
// gone from the directory.
func (s *syncRun) writeTeams(ctx context.Context, teams []data.Team) error {
	cached, err := s.app.store.Read(ctx).DirectoryTeamIDs()
	if err != nil {
		return err
	}
	listed := map[string]bool{}
	for len(teams) > 0 {
		n, rows := 0, 0
		for n < len(teams) && (n == 0 || rows+len(teams[n].Members)+len(teams[n].Owners) <= syncChunkMembers) {
			rows += len(teams[n].Members) + len(teams[n].Owners)
			listed[teams[n].ID] = true
			n++
		}
		batch := teams[:n]
		teams = teams[n:]
		if err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
			if err := s.noteTeams(q, batch, nil); err != nil {
				return nil, err
			}
			return nil, q.WriteDirectoryTeams(batch)
		}); err != nil {
			return err
		}
	}
	gone := slices.DeleteFunc(cached, func(id string) bool { return listed[id] })
	for chunk := range slices.Chunk(gone, syncChunkMembers) {
		if err := s.step(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
			if err := s.noteTeams(q, nil, chunk); err != nil {
				return nil, err
			}
			return nil, q.RemoveDirectoryTeams(chunk)
		}); err != nil {
			return err
		}
	}
	return nil
}
