package app

import (
	"context"
	"errors"
	"sync"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
)

// syncRead is everything a sync read from the directory, before it writes anything.
type syncRead struct {
	users  *syncStage // the users round, in the order Graph listed it
	full   bool       // the round read the whole directory
	link   string     // the delta link the next round starts from
	teams  []data.Team
	admins directory.AdminGroup
}

// read reads the users delta round (from the saved delta link, or from scratch when
// there is none, a full sync was asked for or Graph forgot the link), the Teams and the
// tenant administration security group named groupName, the last two while the users
// pages stream in. Nothing is written to the cache.
func (s *syncRun) read(ctx context.Context, src DirectorySource, groupName string) (*syncRead, error) {
	ctx, cancel := context.WithCancel(ctx)
	var fetching sync.WaitGroup
	defer fetching.Wait() // runs after cancel: a failed read does not wait for the Teams
	defer cancel()
	var teams []directory.Team
	var teamsErr error
	fetching.Add(1)
	go func() {
		defer fetching.Done()
		teams, teamsErr = src.Teams(ctx)
	}()
	admins := readAdminGroup(ctx, src, groupName, &fetching)

	link := ""
	if !s.opts.Full {
		var err error
		if link, err = s.app.store.Read(ctx).SavedDeltaLink(); err != nil {
			return nil, err
		}
	}
	r, err := s.readUsers(ctx, src, link)
	if errors.Is(err, directory.ErrDeltaExpired) {
		r, err = s.readUsers(ctx, src, "")
	}
	if err != nil {
		return nil, err
	}
	s.report(SyncTeams)
	fetching.Wait()
	switch {
	case teamsErr != nil:
		err = teamsErr
	case admins.err != nil:
		err = admins.err
	default:
		err = adminGroupAmbiguous(admins.group)
	}
	if err != nil {
		r.users.close()
		return nil, err
	}
	r.admins = admins.group
	r.teams = make([]data.Team, len(teams))
	for i, t := range teams {
		r.teams[i] = data.Team{ID: t.ID, DisplayName: t.DisplayName, Members: memberIDs(t.Members), Owners: memberIDs(t.Owners)}
	}
	s.res.Teams = len(teams)
	return r, nil
}

// readUsers reads one users delta round into a stage.
func (s *syncRun) readUsers(ctx context.Context, src DirectorySource, link string) (*syncRead, error) {
	r := &syncRead{users: newSyncStage(), full: link == ""}
	s.res.Full, s.res.Pages, s.res.Users = r.full, 0, 0
	changes := make([]data.DirectoryUserChange, 0, 999)
	next, err := src.UserDelta(ctx, link, func(p directory.UserPage) error {
		changes = changes[:0]
		for _, u := range p.Users {
			changes = append(changes, u.Change())
		}
		if err := r.users.add(changes); err != nil {
			return err
		}
		s.res.Pages++
		s.res.Users += len(p.Users)
		s.report(SyncReading)
		return nil
	})
	if err != nil {
		r.users.close()
		return nil, err
	}
	r.link = next
	return r, nil
}

// memberIDs lists the ids of a Team's members or owners: users and the other directory
// objects alike (the cache keeps them all; Nimbus ignores those that are not users).
func memberIDs(members []directory.Member) []string {
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	return ids
}
