package simtenant

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// groupsStream keeps the security groups' random ids apart from the Teams'.
const groupsStream = 0x67726f7570732121 // "groups!!"

// Group is a security group that is not a Team: a member is a user's id or, for a nested
// group, the id of another group of the tenant.
type Group struct {
	ID, DisplayName string // a new id is drawn when ID is ""
	Members         []string
}

// addGroups creates the groups of Options.Groups: all of them first, so that a member
// may name a group listed after it.
func (s *Server) addGroups(list []Group) {
	made := make([]*simTeam, len(list))
	for i, g := range list {
		made[i] = &simTeam{id: g.ID, name: g.DisplayName}
		if made[i].id == "" {
			made[i].id = s.newGroupID()
		}
		s.teams = append(s.teams, made[i])
	}
	for i, g := range list {
		made[i].members, made[i].groups = s.splitMembers(g.Members)
	}
}

// AddGroup creates a security group that is not a Team and returns its id.
func (s *Server) AddGroup(name string, members []string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := &simTeam{id: s.newGroupID(), name: name}
	g.members, g.groups = s.splitMembers(members)
	s.teams = append(s.teams, g)
	return g.id
}

// SetGroupMembers replaces a group's members (users and nested groups); its owners stay.
func (s *Server) SetGroupMembers(id string, members []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.group(id)
	if g == nil {
		return fmt.Errorf("no group %s in the simulated tenant", id)
	}
	g.members, g.groups = s.splitMembers(members)
	return nil
}

// newGroupID draws an id no group of the tenant has.
func (s *Server) newGroupID() string {
	r := rand.New(rand.NewPCG(uint64(len(s.teams)), groupsStream^s.dir.version))
	for {
		if id := newID(r); s.group(id) == nil {
			return id
		}
	}
}

// splitMembers tells the users among members from the groups of the tenant.
func (s *Server) splitMembers(members []string) (users, groups []string) {
	for _, m := range members {
		if s.group(m) != nil {
			groups = append(groups, m)
		} else {
			users = append(users, m)
		}
	}
	return users, groups
}

// groupFilter reads the $filter of a groups listing: Teams only, or the groups of one
// display name (compared without regard to case, as Graph does). ok is false for a
// filter the simulated tenant does not understand.
func groupFilter(filter string) (match func(*simTeam) bool, ok bool) {
	switch {
	case filter == "":
		return func(*simTeam) bool { return true }, true
	case strings.Contains(filter, "resourceProvisioningOptions") && strings.Contains(filter, "'Team'"):
		return func(t *simTeam) bool { return t.team }, true
	}
	quoted, found := strings.CutPrefix(strings.TrimSpace(filter), "displayName eq '")
	if !found || !strings.HasSuffix(quoted, "'") {
		return nil, false
	}
	quoted = quoted[:len(quoted)-1]
	if strings.Contains(strings.ReplaceAll(quoted, "''", ""), "'") {
		return nil, false // a quote inside the name must be doubled
	}
	name := strings.ReplaceAll(quoted, "''", "'")
	return func(t *simTeam) bool { return strings.EqualFold(t.name, name) }, true
}

// transitiveMembers lists a group's members through every level of nesting: its users
// and nested groups, each once; with usersOnly (the OData cast to user, which Graph
// serves only as an advanced query) just the users.
func (s *Server) transitiveMembers(r *http.Request, self, id string, usersOnly bool, q url.Values, largest int) ([]byte, int) {
	if usersOnly && (r.Header.Get("ConsistencyLevel") != "eventual" || q.Get("$count") != "true") {
		return errorBody("Request_UnsupportedQuery", "An OData cast on a transitive members list needs the ConsistencyLevel: eventual header and $count=true."),
			http.StatusBadRequest
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.group(id)
	if g == nil {
		return errorBody("Request_ResourceNotFound", fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", id)), http.StatusNotFound
	}
	users, groups := s.expand(g)
	entries := users
	if !usersOnly {
		entries = append(slices.Clone(users), groups...)
	}
	b := []byte(`{"@odata.context":`)
	b = appendString(b, strings.SplitN(self, "/groups/", 2)[0]+"/$metadata#directoryObjects")
	b = append(b, `,"value":[`...)
	start, end, next := window(q, len(entries), largest)
	for i := start; i < end; i++ {
		if i > start {
			b = append(b, ',')
		}
		b = appendLink(b, entries[i], i >= len(users))
	}
	b = append(b, ']')
	if next != "" {
		b = append(b, `,"@odata.nextLink":`...)
		b = appendString(b, self+"?"+next)
	}
	return append(b, '}'), http.StatusOK
}

// expand collects the users and the nested groups of a group, through every level of
// nesting, each once (a cycle of groups ends).
func (s *Server) expand(g *simTeam) (users, groups []string) {
	seenUser := map[string]bool{}
	seenGroup := map[string]bool{g.id: true}
	for queue := []*simTeam{g}; len(queue) > 0; queue = queue[1:] {
		for _, u := range queue[0].members {
			if !seenUser[u] {
				seenUser[u] = true
				users = append(users, u)
			}
		}
		for _, id := range queue[0].groups {
			if seenGroup[id] {
				continue
			}
			seenGroup[id] = true
			groups = append(groups, id)
			if nested := s.group(id); nested != nil {
				queue = append(queue, nested)
			}
		}
	}
	return users, groups
}

// appendLink writes one directory object of a members listing: a user, or a group.
func appendLink(b []byte, id string, group bool) []byte {
	if group {
		b = append(b, `{"@odata.type":"#microsoft.graph.group","id":`...)
	} else {
		b = append(b, `{"@odata.type":"#microsoft.graph.user","id":`...)
	}
	b = appendString(b, id)
	return append(b, '}')
}
