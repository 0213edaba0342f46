package demo

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"nimbusadmin/data"
	"nimbusadmin/data/internal/rawsql"
)

// service is a planned service; members are the Team's members (Teams-based) or the
// agents (Skill-based), as indices into generator.people.
type service struct {
	id      int64
	name    string
	kind    data.AssignmentType
	ou      int
	team    string // the backing Team's id, Teams-based only
	members []int32
	owners  []int32
	licence data.ServiceLicence
	// Teams-based only: the owner role new owners get (and, in the demo, every owner
	// holds), and whether members may change their own Active state.
	ownerRole        data.OwnerRole
	membersSetActive bool
}

// team is a planned Microsoft Team, either backing a Teams-based service or not.
type team struct {
	id, name string
	members  []int32
	owners   []int32
}

var (
	serviceFunctions = [][]string{ // per division
		{"Sales Hotline", "Inside Sales", "Key Accounts", "Renewals", "Partner Desk", "Quotes"},
		{"Helpdesk", "Technical Support", "Returns", "Warranty", "VIP Support", "Onboarding"},
		{"Dispatch", "Logistics", "Facilities", "Fleet Desk", "Scheduling"},
		{"Billing", "Accounts Payable", "Collections", "Payroll Desk", "Expenses"},
	}
	rootFunctions = []string{"Reception", "Switchboard", "Customer Care", "Main Line"}
	ivrFunctions  = []string{"IVR", "Main Menu", "After Hours", "Overflow"}
	otherTeams    = []string{"Project Phoenix", "Project Atlas", "Marketing Crew", "All Hands Planning",
		"Book Club", "IT Announcements", "Wellbeing", "Innovation Lab", "Event Team", "Security Champions"}
)

// planServices creates about n/50 services (at least 12): 60% Teams-based, 30%
// Skill-based, 10% None, spread over the OU tree, and a Team for each Teams-based one.
func (g *generator) planServices() {
	r := g.r
	count := max(12, g.n/50)
	kinds := make([]data.AssignmentType, count)
	for i := range kinds {
		switch {
		case i < count*6/10:
			kinds[i] = data.TeamsBased
		case i < count*9/10:
			kinds[i] = data.SkillBased
		default:
			kinds[i] = data.NoUsers
		}
	}
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	names := map[string]int{}
	g.services = make([]service, count)
	for i, kind := range kinds {
		ou := g.placeService()
		s := service{kind: kind, ou: ou, name: unique(names, g.serviceName(ou, kind))}
		if kind == data.TeamsBased {
			s.team = uuid(r)
		}
		s.licence, s.ownerRole, s.membersSetActive = serviceSettings(i, kind)
		g.services[i] = s
	}
}

// placeService picks the OU of a new service: mostly a site, sometimes higher up.
func (g *generator) placeService() int {
	r := g.r
	switch x := r.IntN(100); {
	case x < 70:
		homes := g.ous[0].leaves
		return homes[r.IntN(len(homes))]
	case x < 88:
		return g.regionOU[r.IntN(divisions)][r.IntN(len(regions))]
	case x < 97:
		return g.divisionOU[r.IntN(divisions)]
	default:
		return 0
	}
}

// serviceName names a service after where it lives and what it does ("London Helpdesk").
func (g *generator) serviceName(ou int, kind data.AssignmentType) string {
	u := g.ous[ou]
	functions := rootFunctions
	if u.division >= 0 {
		functions = serviceFunctions[u.division]
	}
	if kind == data.NoUsers {
		functions = ivrFunctions
	}
	prefix := "Contoso"
	switch {
	case u.region >= 0 && g.ous[u.parent].region >= 0 && g.ous[g.ous[u.parent].parent].region >= 0:
		prefix = g.ous[u.parent].name + " " + u.name // a site's level: "Zürich 1st Level"
	case u.region >= 0 && g.ous[u.parent].region >= 0:
		prefix = u.name // a site
	case u.region >= 0:
		prefix = departments[u.division].name + " " + u.name // "Support EMEA"
	case u.division >= 0:
		prefix = u.name
	}
	return prefix + " " + functions[g.r.IntN(len(functions))]
}

// unique numbers repeated names: "London Helpdesk", "London Helpdesk 2", …
func unique(seen map[string]int, name string) string {
	seen[name]++
	if k := seen[name]; k > 1 {
		return name + " " + strconv.Itoa(k)
	}
	return name
}

// planSkillMembers picks agents and owners of the Skill-based services among the
// Contact Center users, preferring users homed below the service's OU.
func (g *generator) planSkillMembers() {
	r := g.r
	ccIn := make([][]int32, len(g.ous))
	var ccAll []int32
	for i := range g.n {
		if g.lic[i]&uint8(data.ContactCenter) != 0 {
			ccIn[g.home[i]] = append(ccIn[g.home[i]], int32(i))
			ccAll = append(ccAll, int32(i))
		}
	}
	pick := func(ou int) int32 {
		leaves := g.ous[ou].leaves
		for range 4 {
			if l := ccIn[leaves[r.IntN(len(leaves))]]; len(l) > 0 {
				return l[r.IntN(len(l))]
			}
		}
		return ccAll[r.IntN(len(ccAll))]
	}
	for si := range g.services {
		s := &g.services[si]
		if s.kind != data.SkillBased {
			continue
		}
		agents, owners := 3+r.IntN(18), 1+r.IntN(2)
		for try := 0; try < 3*agents && len(s.members) < agents; try++ {
			s.members = appendNew(s.members, pick(s.ou))
		}
		for try := 0; try < 3*owners && len(s.owners) < owners; try++ {
			s.owners = appendNew(s.owners, pick(s.ou))
		}
	}
}

// planTeams lists every Team: one per Teams-based service with the service's members and
// owners, plus Teams that back no service, whose members are anyone in the directory.
func (g *generator) planTeams() {
	r := g.r
	for _, s := range g.services {
		if s.kind == data.TeamsBased {
			g.teams = append(g.teams, team{id: s.team, name: s.name, members: s.members, owners: s.owners})
		}
	}
	names := map[string]int{}
	order := r.Perm(len(otherTeams))
	for k := range max(5, len(g.services)/10) {
		t := team{id: uuid(r), name: unique(names, otherTeams[order[k%len(order)]])}
		size := 5 + r.IntN(36)
		for len(t.members) < size {
			t.members = appendNew(t.members, int32(r.IntN(len(g.people))))
		}
		for range 1 + r.IntN(2) {
			t.owners = appendNew(t.owners, t.members[r.IntN(len(t.members))])
		}
		g.teams = append(g.teams, t)
	}
}

// appendNew appends u unless list already holds it.
func appendNew(list []int32, u int32) []int32 {
	for _, v := range list {
		if v == u {
			return list
		}
	}
	return append(list, u)
}

// writeTeams writes the Teams and their members and owners, in primary-key order.
func (g *generator) writeTeams() {
	teams := g.w.batch(nil, "teams", "id", "display_name")
	members := g.w.batch(teams, "team_members", "team_id", "user_id", "role")
	byID := make([]*team, len(g.teams))
	for i := range g.teams {
		byID[i] = &g.teams[i]
	}
	slices.SortFunc(byID, func(a, b *team) int { return strings.Compare(a.id, b.id) })
	for k, t := range byID {
		g.progress.within(shareTeams, k, len(byID))
		teams.add(t.id, t.name)
		for _, m := range g.memberRows(t.members, data.Member, t.owners) {
			members.add(t.id, g.people[m.user].ID, string(m.role))
		}
	}
	teams.flush()
	members.flush()
}

// writeServices writes the services and learns their ids.
func (g *generator) writeServices() error {
	stmt, err := rawsql.Prepare(g.q, `INSERT INTO services (name, assignment_type, team_id, ou_id, licence, default_owner_role, members_can_change_active)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range g.services {
		s := &g.services[i]
		var teamID any
		if s.team != "" {
			teamID = s.team
		}
		res, err := stmt.Exec(s.name, string(s.kind), teamID, g.ous[s.ou].id, string(s.licence), string(s.ownerRole), boolInt(s.membersSetActive))
		if err != nil {
			return err
		}
		s.id, _ = res.LastInsertId()
	}
	return nil
}

// writeServiceMembers writes who belongs to each service, once the Nimbus users exist.
func (g *generator) writeServiceMembers() {
	members := g.w.batch(g.nimbusUsers, "service_members", "service_id", "user_id", "membership", "active")
	for si, s := range g.services {
		g.progress.within(shareMembers, si, len(g.services))
		kind := data.Member
		if s.kind == data.SkillBased {
			kind = data.Agent
		}
		for _, m := range g.memberRows(s.members, kind, s.owners) {
			active := s.kind != data.TeamsBased || !inactive(si, m.user)
			members.add(s.id, g.people[m.user].ID, string(m.role), boolInt(active))
		}
	}
	members.flush()
}

// memberRow is one membership of a user, for writing in primary-key order.
type memberRow struct {
	user int32
	role data.Membership
}

// memberRows merges members (with role kind) and owners, sorted by user id then role, the
// primary-key order of team_members and service_members.
func (g *generator) memberRows(members []int32, kind data.Membership, owners []int32) []memberRow {
	rows := make([]memberRow, 0, len(members)+len(owners))
	for _, u := range members {
		rows = append(rows, memberRow{u, kind})
	}
	for _, u := range owners {
		rows = append(rows, memberRow{u, data.Owner})
	}
	slices.SortFunc(rows, func(a, b memberRow) int {
		if d := cmp.Compare(g.rank[a.user], g.rank[b.user]); d != 0 {
			return d
		}
		return strings.Compare(string(a.role), string(b.role))
	})
	return rows
}
