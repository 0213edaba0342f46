package demo

import (
	"time"

	"nimbusadmin/data"
)

// planUsers decides for every Nimbus user where they work (from their department and UPN
// domain), their licences and whether they came from Teams.
func (g *generator) planUsers() {
	r, n := g.r, g.n
	g.home = make([]int16, n)
	g.ou = make([]int16, n)
	g.lic = make([]uint8, n)
	g.teamsOrigin = make([]bool, n)
	for i := range n {
		p := &g.people[i]
		reg := max(regionOf(p.UPN), 0)
		div := divisionOf(p.Department)
		if div < 0 {
			div = r.IntN(divisions)
		}
		homes := g.homesIn[div][reg]
		g.home[i] = int16(homes[r.IntN(len(homes))])
		var lic data.LicenceSet
		for _, l := range []struct {
			licence data.LicenceSet
			percent int
		}{{data.ContactCenter, 45}, {data.AttendantConsole, 30}, {data.Interact, 22}, {data.Assistant, 25}} {
			if r.IntN(100) < l.percent {
				lic |= l.licence
			}
		}
		g.lic[i] = uint8(lic)
		g.teamsOrigin[i] = r.IntN(100) < 75
	}
	for c := range 16 { // every licence combination occurs, spread over the users
		g.lic[c*n/16] = uint8(c)
	}
}

// planTeamsMembers makes every Teams-origin user a member of one Teams-based service
// (mostly one covering their home OU, sometimes a second), some manual users members too,
// places each user in an OU, and gives every Team one to three owners.
func (g *generator) planTeamsMembers() {
	r := g.r
	cover := make([][]int32, len(g.ous)) // Teams-based services whose OU is above the home OU
	var all []int32
	for si, s := range g.services {
		if s.kind != data.TeamsBased {
			continue
		}
		all = append(all, int32(si))
		for _, leaf := range g.ous[s.ou].leaves {
			cover[leaf] = append(cover[leaf], int32(si))
		}
	}
	pick := func(home int) int32 {
		if c := cover[home]; len(c) > 0 && r.IntN(10) != 0 {
			return c[r.IntN(len(c))]
		}
		return all[r.IntN(len(all))]
	}
	join := func(si int32, u int) { g.services[si].members = append(g.services[si].members, int32(u)) }
	var fromTeams []int32
	for i := range g.n {
		home := int(g.home[i])
		div, reg := g.ous[home].division, g.ous[home].region
		g.ou[i] = int16(home)
		if g.teamsOrigin[i] {
			fromTeams = append(fromTeams, int32(i))
			first := pick(home)
			join(first, i)
			if r.IntN(100) < 12 {
				if second := pick(home); second != first {
					join(second, i)
				}
			}
			switch x := r.IntN(100); {
			case x < 12:
				g.ou[i] = int16(g.services[first].ou)
			case x < 25:
				g.ou[i] = int16(g.teamsOU)
			}
			continue
		}
		if r.IntN(100) < 30 {
			join(pick(home), i)
		}
		switch x := r.IntN(100); {
		case x < 10:
			g.ou[i] = int16(g.regionOU[div][reg])
		case x < 15:
			g.ou[i] = int16(g.divisionOU[div])
		}
	}
	if len(fromTeams) == 0 { // only with a handful of users
		fromTeams = []int32{0}
		g.teamsOrigin[0] = true
	}
	for _, si := range all {
		s := &g.services[si]
		if len(s.members) == 0 {
			s.members = append(s.members, fromTeams[r.IntN(len(fromTeams))])
		}
		owners := min(1+r.IntN(3), len(s.members))
		for len(s.owners) < owners {
			s.owners = appendNew(s.owners, s.members[r.IntN(len(s.members))])
		}
		if r.IntN(10) == 0 { // an owner who is not a member, e.g. the department head
			u := fromTeams[r.IntN(len(fromTeams))]
			if !contains(s.members, u) {
				s.owners = appendNew(s.owners, u)
			}
		}
	}
}

func contains(list []int32, u int32) bool {
	for _, v := range list {
		if v == u {
			return true
		}
	}
	return false
}

// addedAt dates, counted back in days from the demo's fixed reference day.
func addedAtDays() []string {
	base := time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC)
	days := make([]string, 730)
	for d := range days {
		days[d] = data.Timestamp(base.AddDate(0, 0, -d))
	}
	return days
}
