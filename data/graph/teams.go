package graph

import (
	"context"
	"errors"
	"net/http"
	"sync"

	"nimbusadmin/data/graph/directory"
)

// TeamListingConcurrency bounds how many member and owner listings run at once: enough
// to hide Graph's latency, few enough to stay clear of its throttling.
const TeamListingConcurrency = 8

// teamFilter finds the groups that are Teams.
const teamFilter = "resourceProvisioningOptions/Any(x:x eq 'Team')"

// Teams lists every Team with its members and owners. The listings of different Teams
// run concurrently (TeamListingConcurrency at a time); a Team deleted while it is being
// listed is left out, as it would be a moment later.
func (c *Client) Teams(ctx context.Context) ([]directory.Team, error) {
	var teams []directory.Team
	filter, top := teamFilter, int32(maxPageSize)
	err := listAll(ctx, c, groupsURL, "", query{Filter: &filter, Top: &top,
		Select: []string{"id", "displayName", "resourceProvisioningOptions"}}, "groups",
		func(t directory.Team) {
			if t.ID != "" {
				teams = append(teams, t)
			}
		})
	if err != nil {
		return nil, err
	}
	return c.listMembers(ctx, teams)
}

// listMembers fills in the members and owners of every Team, a few Teams at a time.
func (c *Client) listMembers(parent context.Context, teams []directory.Team) ([]directory.Team, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	gone := make([]bool, len(teams))
	errs := make([]error, len(teams))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(TeamListingConcurrency, len(teams)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				t := &teams[i]
				var err error
				if t.Members, err = c.links(ctx, t.ID, "members"); err == nil {
					t.Owners, err = c.links(ctx, t.ID, "owners")
				}
				var ge *Error
				if errors.As(err, &ge) && ge.Status == http.StatusNotFound {
					gone[i], err = true, nil
				}
				if err != nil {
					errs[i] = err
					cancel()
				}
			}
		}()
	}
feed:
	for i := range teams {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err := parent.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	out := teams[:0]
	for i, t := range teams {
		if !gone[i] {
			out = append(out, t)
		}
	}
	return out, nil
}

// links lists one Team's members or owners (rel), following next links.
func (c *Client) links(ctx context.Context, teamID, rel string) ([]directory.Member, error) {
	template := groupMembersURL
	if rel == "owners" {
		template = groupOwnersURL
	}
	top := int32(maxPageSize)
	var out []directory.Member
	err := listAll(ctx, c, template, teamID, query{Top: &top, Select: []string{"id"}}, rel,
		func(m directory.Member) {
			if m.ID != "" {
				out = append(out, m)
			}
		})
	return out, err
}
