package simtenant

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// teamsStream keeps the Teams' random draws apart from the directory's.
const teamsStream = 0x7465616d73212121 // "teams!!!"

// simTeam is a group; team says it is a Team (resourceProvisioningOptions has "Team").
// members are users; groups are the groups nested in it as members.
type simTeam struct {
	id, name        string
	team            bool
	members, owners []string
	groups          []string
}

// Team is a Team as tests see it.
type Team struct {
	ID, DisplayName string
	Members, Owners []string
}

var teamNames = []string{"Sales", "Support", "Operations", "Finance", "Helpdesk", "Onboarding", "Billing",
	"Escalations", "Partners", "Renewals", "Field Service", "Returns"}

// generateTeams draws count Teams (one per 1,000 users, at least 3, when 0) of 5 to 40
// members and 1 or 2 owners from the people who would be Nimbus users, plus two groups
// that are not Teams, so that the sync's Team filter is exercised.
func generateTeams(d *directory, count int, seed uint64) []*simTeam {
	if len(d.users) == 0 {
		return nil
	}
	if count <= 0 {
		count = max(3, len(d.users)/1000)
	}
	if seed == 0 {
		seed = 20260115
	}
	r := rand.New(rand.NewPCG(seed, teamsStream))
	pool := max(1, d.nimbus)
	var out []*simTeam
	for k := range count {
		t := &simTeam{id: newID(r), name: fmt.Sprintf("%s %d", teamNames[k%len(teamNames)], k/len(teamNames)+1), team: true}
		size := min(5+r.IntN(36), pool)
		for len(t.members) < size {
			if id := d.users[r.IntN(pool)].id; !slices.Contains(t.members, id) {
				t.members = append(t.members, id)
			}
		}
		for range 1 + r.IntN(2) {
			if id := t.members[r.IntN(len(t.members))]; !slices.Contains(t.owners, id) {
				t.owners = append(t.owners, id)
			}
		}
		out = append(out, t)
	}
	for _, name := range []string{"All Company (mail only)", "Building Access"} {
		g := &simTeam{id: newID(r), name: name}
		for range min(10, len(d.users)) {
			g.members = append(g.members, d.users[r.IntN(len(d.users))].id)
		}
		out = append(out, g)
	}
	return out
}

// Teams lists the tenant's Teams.
func (s *Server) Teams() []Team {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Team
	for _, t := range s.teams {
		if t.team {
			out = append(out, Team{ID: t.id, DisplayName: t.name, Members: slices.Clone(t.members), Owners: slices.Clone(t.owners)})
		}
	}
	return out
}

// AddTeam creates a Team and returns its id.
func (s *Server) AddTeam(name string, members, owners []string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &simTeam{id: newID(rand.New(rand.NewPCG(uint64(len(s.teams)), s.dir.version))), name: name, team: true,
		members: slices.Clone(members), owners: slices.Clone(owners)}
	s.teams = append(s.teams, t)
	return t.id
}

// SetTeamMembers replaces a Team's members and owners.
func (s *Server) SetTeamMembers(id string, members, owners []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.group(id)
	if t == nil {
		return fmt.Errorf("no group %s in the simulated tenant", id)
	}
	t.members, t.owners = slices.Clone(members), slices.Clone(owners)
	return nil
}

// DeleteTeam deletes a Team (its group).
func (s *Server) DeleteTeam(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, t := range s.teams {
		if t.id == id {
			s.teams = slices.Delete(s.teams, i, i+1)
			return nil
		}
	}
	return fmt.Errorf("no group %s in the simulated tenant", id)
}

func (s *Server) group(id string) *simTeam {
	for _, t := range s.teams {
		if t.id == id {
			return t
		}
	}
	return nil
}
