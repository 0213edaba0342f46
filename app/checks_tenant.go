package app

import (
	"nimbusadmin/data"
)

// checkTeamsGone: an MS Teams-based service's Team is in the directory; without it the
// sync can no longer bring its members and owners. Whether to delete the service or
// restore the Team is the admin's choice: no fix button.
func checkTeamsGone(q *data.Q) (*Finding, error) {
	services, err := q.TeamsServicesWithoutTeam()
	if err != nil || len(services) == 0 {
		return nil, err
	}
	return &Finding{Check: "teams-service-without-team",
		Rule: "An MS Teams-based service's Team is in the directory, so the sync keeps its members and owners.",
		Fix:  "Restore the Team in Microsoft Teams and sync, or delete the service in Configuration > Services.",
		Items: serviceItems(services, func(s data.CheckedService) string {
			return "Team " + s.TeamID + " is no longer in the directory"
		})}, nil
}

// checkSkillServiceOwners: a Skill-based service has at least one owner, who manages its
// agents; who that should be only the admin knows: no fix button.
func checkSkillServiceOwners(q *data.Q) (*Finding, error) {
	services, err := q.SkillServicesWithoutOwner()
	if err != nil || len(services) == 0 {
		return nil, err
	}
	return &Finding{Check: "skill-service-without-owner",
		Rule:  "A Skill-based service has at least one owner, who manages its agents.",
		Fix:   "Add an owner on the service's Permissions tab in Configuration > Services.",
		Items: serviceItems(services, func(data.CheckedService) string { return "no owner" })}, nil
}

// checkContingentsKept: no more users hold a licence than the tenant's contingent allows.
// Which licences to revoke, or whether the tenant bought more, only the admin knows: no
// fix button.
func checkContingentsKept(q *data.Q) (*Finding, error) {
	contingents, err := q.LicenceContingents()
	if err != nil || len(contingents) == 0 {
		return nil, err
	}
	held, err := q.LicenceHolders()
	if err != nil {
		return nil, err
	}
	f := &Finding{Check: "licences-over-contingent",
		Rule: "No more users hold a licence than the tenant's contingent allows.",
		Fix:  "Revoke the licences over the contingent, or raise the contingent in Configuration > Tenant settings if the tenant bought more."}
	for _, l := range data.AllLicences {
		n, limited := contingents[l]
		if !limited || held[l] <= n {
			continue
		}
		f.Items = append(f.Items, FindingItem{Kind: ItemLicence, ID: l.Key(), Name: l.String(),
			Detail: holdText(held[l]) + " it; the contingent is " + Thousands(n) + ", " + Thousands(held[l]-n) + " over"})
	}
	return f, nil
}
