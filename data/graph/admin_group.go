package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"nimbusadmin/data/graph/directory"
)

// AdminGroup reads the tenant administration security group: the groups whose display
// name is name and, when exactly one has it, the ids of its users, those of nested groups
// included. No group of that name (or one deleted between the two reads) is a result
// with Matches 0, not an error; what to do about several is the caller's rule.
func (c *Client) AdminGroup(ctx context.Context, name string) (directory.AdminGroup, error) {
	g := directory.AdminGroup{Name: name}
	ids, err := c.groupsNamed(ctx, name)
	if err != nil {
		return g, err
	}
	if g.Matches = len(ids); g.Matches != 1 {
		return g, nil
	}
	members, err := c.transitiveUsers(ctx, ids[0])
	var ge *Error
	if errors.As(err, &ge) && ge.Status == http.StatusNotFound {
		g.Matches = 0
		return g, nil
	}
	if err != nil {
		return g, err
	}
	g.ID, g.Members = ids[0], members
	return g, nil
}

// groupsNamed lists the ids of the groups whose display name is name (Graph compares it
// without regard to case).
func (c *Client) groupsNamed(ctx context.Context, name string) ([]string, error) {
	filter := "displayName eq '" + strings.ReplaceAll(name, "'", "''") + "'"
	var ids []string
	err := listAll(ctx, c, groupsURL, "", query{Filter: &filter, Select: []string{"id", "displayName"}}, "groups",
		func(g directory.Group) {
			if g.ID != "" {
				ids = append(ids, g.ID)
			}
		})
	return ids, err
}

// transitiveUsers lists the ids of a group's users through every level of nesting. It
// lists all transitive members and keeps the users (an entry without a type may be one):
// the cast to users would need Graph's advanced query (ConsistencyLevel: eventual and
// $count).
func (c *Client) transitiveUsers(ctx context.Context, groupID string) ([]string, error) {
	top := int32(maxPageSize)
	seen := map[string]bool{}
	var ids []string
	err := listAll(ctx, c, groupTransitiveMembersURL, groupID, query{Top: &top, Select: []string{"id"}}, "transitive members",
		func(m directory.Member) {
			if m.ID != "" && m.IsUser() && !seen[m.ID] {
				seen[m.ID] = true
				ids = append(ids, m.ID)
			}
		})
	return ids, err
}
