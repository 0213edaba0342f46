package demo

import "nimbusadmin/data"

// serviceSettings gives the i-th service its licence and, when it is Teams-based, its
// settings, from its position alone (so that the random plan of everything else stays
// as it was): Skill-based services are Contact Center services (they take agents by
// hand), every fourth Teams-based one Enterprise Routing and the rest Advanced Routing;
// every third Teams-based service gives its owners Team Owner (limited), and every fifth
// keeps its members from changing their own Active state.
func serviceSettings(i int, kind data.AssignmentType) (data.ServiceLicence, data.OwnerRole, bool) {
	licence, owner := data.DefaultServiceLicence(kind), data.FullOwner
	if kind != data.TeamsBased {
		return licence, owner, true
	}
	if i%4 == 0 {
		licence = data.EnterpriseRoutingService
	}
	if i%3 == 1 {
		owner = data.LimitedOwner
	}
	return licence, owner, i%5 != 2
}

// inactive says whether a user of a Teams-based service has been switched inactive
// there: about one in twelve, from the service and the user alone, so that a user who is
// both member and owner has one state.
func inactive(service int, user int32) bool {
	return (uint32(service)*2654435761+uint32(user)*40503)%12 == 5
}
