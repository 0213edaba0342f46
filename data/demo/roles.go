package demo

import (
	"nimbusadmin/data"
)

// maxCustomRoles is the limit of custom roles per user.
const maxCustomRoles = 5

// grant is a built-in role given by hand (or, for tenant administrators, through the
// tenant administration security group) in an OU scope.
type grant struct {
	role  string
	scope int // OU index
}

// userMembership is one membership of a Nimbus user: in which service, and whether as
// an owner (else as a member or agent, by the service's type).
type userMembership struct {
	service int32
	owner   bool
}

// planAdmins picks three tenant administrators (placed in the root OU) and some OU and
// workflow administrators scoped to the division or region they work in.
func (g *generator) planAdmins() {
	r := g.r
	g.adminGrants = map[int32][]grant{}
	give := func(u int32, k grant) { g.adminGrants[u] = addGrant(g.adminGrants[u], k) }
	for tries := 0; len(g.adminGrants) < 3; tries++ {
		if u := int32(r.IntN(g.n)); !g.teamsOrigin[u] || tries > 500 {
			g.ou[u] = 0
			give(u, grant{data.RoleTenantAdmin, 0})
		}
	}
	for range max(4, g.n/1000) {
		u := int32(r.IntN(g.n))
		home := g.ous[g.home[u]]
		scope := g.divisionOU[home.division]
		if r.IntN(2) == 0 {
			scope = g.regionOU[home.division][home.region]
		}
		give(u, grant{data.RoleOUAdmin, scope})
	}
	for range max(2, g.n/2000) {
		u := int32(r.IntN(g.n))
		give(u, grant{data.RoleWorkflowAdmin, g.divisionOU[g.ous[g.home[u]].division]})
	}
}

// addGrant adds k unless the user already has it.
func addGrant(list []grant, k grant) []grant {
	for _, have := range list {
		if have == k {
			return list
		}
	}
	return append(list, k)
}

// indexMemberships lists every Nimbus user's service memberships (compactly, as one
// slice with offsets), so that role assignments can be written in user order.
func (g *generator) indexMemberships() {
	start := make([]int32, g.n+1)
	for _, s := range g.services {
		for _, u := range s.members {
			start[u+1]++
		}
		for _, u := range s.owners {
			start[u+1]++
		}
	}
	for i := range g.n {
		start[i+1] += start[i]
	}
	all := make([]userMembership, start[g.n])
	next := append([]int32(nil), start[:g.n]...)
	for si, s := range g.services {
		for _, u := range s.members {
			all[next[u]] = userMembership{int32(si), false}
			next[u]++
		}
		for _, u := range s.owners {
			all[next[u]] = userMembership{int32(si), true}
			next[u]++
		}
	}
	g.membershipStart, g.memberships = start, all
}

// writeRoles writes user i's role assignments: the portal roles that follow from
// service membership (auto-granted: from the Team or from the Skill-based service),
// Supervisor (Service) for some Contact Center owners (it adds to an owner role),
// Supervisor (User) and Skill-Based user for some other Contact Center users, the admin
// grants, and for Contact Center users custom roles from their OU or above. Every role
// that needs a Contact Center licence goes to holders of one.
func (g *generator) writeRoles(i int32, id string, ou int, cc bool, scratch *[]int) {
	r := g.r
	grants := g.adminGrants[i]
	for _, m := range g.memberships[g.membershipStart[i]:g.membershipStart[i+1]] {
		s := &g.services[m.service]
		role := data.RoleTeamMember
		switch {
		case s.kind == data.TeamsBased && m.owner:
			role = s.ownerRole.RoleKey()
		case m.owner:
			role = data.RoleServiceOwner
		case s.kind == data.SkillBased:
			role = data.RoleAgent
		}
		g.roleAssignments.add(id, g.roleIDs[role], g.ous[s.ou].id, 1, s.id)
		if m.owner && cc && r.IntN(4) == 0 {
			grants = addGrant(grants, grant{data.RoleSupervisorService, s.ou})
		}
	}
	if cc {
		switch x := r.IntN(100); {
		case x < 3:
			grants = addGrant(grants, grant{data.RoleSupervisorUser, ou})
		case x < 8:
			grants = addGrant(grants, grant{data.RoleSkillBasedUser, ou})
		}
	}
	for _, k := range grants {
		g.roleAssignments.add(id, g.roleIDs[k.role], g.ous[k.scope].id, boolInt(k.role == data.RoleTenantAdmin), nil)
	}

	custom := 0
	switch x := r.IntN(1000); {
	case !cc:
	case x < 5:
		custom = maxCustomRoles
	case x < 45:
		custom = 1 + r.IntN(2)
	}
	if custom > 0 {
		for _, k := range g.choose(g.customRolesFor[ou], custom, scratch) {
			role := g.customRoles[k]
			g.roleAssignments.add(id, role.id, g.ous[role.ou].id, 0, nil)
		}
	}
}
