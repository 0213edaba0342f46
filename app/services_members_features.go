package app

import "nimbusadmin/data"

// AssignmentTypeFixedReason says why a service's user assignment type cannot be changed
// after creation, shown wherever the type is displayed.
const AssignmentTypeFixedReason = "The user assignment type is fixed when the service is provisioned from MS Teams or created in Service Administration. " +
	"A switch between MS Teams-based and Skill-based is not possible because of how individual users are configured and how Nimbus features operate."

// ServiceFeature is one row of the feature matrix of the user assignment types: a Nimbus
// feature and the user assignment types that have it.
type ServiceFeature struct {
	Area    string // the part of Nimbus the feature lives in, e.g. "Service Settings"
	Feature string
	Teams   bool // MS Teams-based services have it
	Skill   bool // Skill-based services have it
	None    bool // services with no users have it
}

// Has reports whether services of the assignment type have the feature.
func (f ServiceFeature) Has(t data.AssignmentType) bool {
	switch t {
	case data.TeamsBased:
		return f.Teams
	case data.SkillBased:
		return f.Skill
	case data.NoUsers:
		return f.None
	}
	return false
}

// ServiceFeatures is the feature matrix per user assignment type, so that an admin
// choosing a type sees what it gives and what it takes away. Teams-based services follow
// their Team's channel (voice messages, Adaptive Cards, active toggle, the Team's name);
// Skill-based ones distribute by policy and let users switch duty states; None services
// have no users and keep only an editable name. Each call returns a fresh copy.
func ServiceFeatures() []ServiceFeature {
	return append([]ServiceFeature(nil), serviceFeatures...)
}

var serviceFeatures = []ServiceFeature{
	{"Workflow configuration", "Adaptive Cards", true, false, false},
	{"Workflow configuration", "Voice message", true, false, false},
	{"Service Settings", "Voice message channel", true, false, false},
	{"Service Settings", "Extensions tab", true, true, false},
	{"Conversations", "Distribution section", true, true, false},
	{"Conversations", "Setting of a Distribution Policy", false, true, false},
	{"Users", "New users immediately active", true, false, false},
	{"Reporting", "Reporting section", true, true, false},
	{"Service Settings", "Editable \"Name\" field", false, true, true},
	{"Frontend UI", "\"Active\" toggle for users", true, false, false},
	{"Frontend UI", "Users switching Duty States / Responsibility Profiles", false, true, false},
}
