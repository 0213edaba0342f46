package graph

import (
	"context"
	"errors"
	"net/http"
	"sync"

	abs "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/groups"

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
	ri, err := c.sdk.Groups().ToGetRequestInformation(ctx, &groups.GroupsRequestBuilderGetRequestConfiguration{
		QueryParameters: &groups.GroupsRequestBuilderGetQueryParameters{Filter: &filter, Top: &top,
			Select: []string{"id", "displayName", "resourceProvisioningOptions"}}})
	if err != nil {
		return nil, err
	}
	for ri != nil {
		body, err := c.get(ctx, ri, "")
		if err != nil {
			return nil, err
		}
		p, err := directory.DecodePage[directory.Team](body, "groups")
		if err != nil {
			return nil, err
		}
		for _, t := range p.Value {
			if t.ID != "" {
				teams = append(teams, t)
			}
		}
		ri = nil
		if p.NextLink != "" {
			if ri, err = groups.NewGroupsRequestBuilder(p.NextLink, c.adapter).ToGetRequestInformation(ctx, nil); err != nil {
				return nil, err
			}
		}
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

// links lists one Team's members or owners, following next links.
func (c *Client) links(ctx context.Context, teamID, rel string) ([]directory.Member, error) {
	top := int32(maxPageSize)
	var ri *abs.RequestInformation
	var err error
	sel := []string{"id"}
	if rel == "members" {
		ri, err = c.sdk.Groups().ByGroupId(teamID).Members().ToGetRequestInformation(ctx,
			&groups.ItemMembersRequestBuilderGetRequestConfiguration{QueryParameters: &groups.ItemMembersRequestBuilderGetQueryParameters{Top: &top, Select: sel}})
	} else {
		ri, err = c.sdk.Groups().ByGroupId(teamID).Owners().ToGetRequestInformation(ctx,
			&groups.ItemOwnersRequestBuilderGetRequestConfiguration{QueryParameters: &groups.ItemOwnersRequestBuilderGetQueryParameters{Top: &top, Select: sel}})
	}
	var out []directory.Member
	for err == nil && ri != nil {
		var body []byte
		if body, err = c.get(ctx, ri, ""); err != nil {
			break
		}
		var p directory.Page[directory.Member]
		if p, err = directory.DecodePage[directory.Member](body, rel); err != nil {
			break
		}
		for _, m := range p.Value {
			if m.ID != "" {
				out = append(out, m)
			}
		}
		ri = nil
		if p.NextLink != "" {
			ri, err = groups.NewItemMembersRequestBuilder(p.NextLink, c.adapter).ToGetRequestInformation(ctx, nil)
		}
	}
	return out, err
}
