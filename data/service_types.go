package data

import (
	"fmt"
	"strings"
)

// ServiceLicence is the licence a service carries: it decides which Nimbus features the
// service offers, independently of its user assignment type.
type ServiceLicence string

// The three service licences.
const (
	ContactCenterService     ServiceLicence = "contact-center"
	EnterpriseRoutingService ServiceLicence = "enterprise-routing"
	AdvancedRoutingService   ServiceLicence = "advanced-routing"
)

// ServiceLicences lists the service licences in the order admins see them.
var ServiceLicences = []ServiceLicence{ContactCenterService, EnterpriseRoutingService, AdvancedRoutingService}

// String is the admin-facing name of the licence ("Contact Center").
func (l ServiceLicence) String() string {
	switch l {
	case ContactCenterService:
		return "Contact Center"
	case EnterpriseRoutingService:
		return "Enterprise Routing"
	case AdvancedRoutingService:
		return "Advanced Routing"
	}
	return string(l)
}

// DefaultServiceLicence is the licence a new service gets when the admin names none: a
// Skill-based service exists to take agents by hand, which only Contact Center allows;
// the others start as Advanced Routing.
func DefaultServiceLicence(t AssignmentType) ServiceLicence {
	if t == SkillBased {
		return ContactCenterService
	}
	return AdvancedRoutingService
}

// ParseServiceLicence turns a command-line key ("contact-center") or an admin-facing name
// ("Contact Center") into a service licence.
func ParseServiceLicence(name string) (ServiceLicence, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, l := range ServiceLicences {
		if n == string(l) || n == strings.ToLower(l.String()) {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown service licence %q (use contact-center, enterprise-routing or advanced-routing)", name)
}

// OwnerRole is which of the two Team Owner roles an owner of an MS Teams-based service
// holds: full rights to manage the service, or limited ones.
type OwnerRole string

// The two owner roles of an MS Teams-based service.
const (
	FullOwner    OwnerRole = "full"
	LimitedOwner OwnerRole = "limited"
)

// String is the name of the role the owner holds ("Team Owner (limited)").
func (r OwnerRole) String() string {
	if r == LimitedOwner {
		return "Team Owner (limited)"
	}
	return "Team Owner"
}

// RoleKey is the built-in role key of the owner role.
func (r OwnerRole) RoleKey() string {
	if r == LimitedOwner {
		return RoleTeamOwnerLimited
	}
	return RoleTeamOwner
}

// OwnerRoleOf tells which owner role a built-in role key stands for; ok is false for any
// other role.
func OwnerRoleOf(roleKey string) (r OwnerRole, ok bool) {
	switch roleKey {
	case RoleTeamOwner:
		return FullOwner, true
	case RoleTeamOwnerLimited:
		return LimitedOwner, true
	}
	return "", false
}

// ParseOwnerRole reads "full" or "limited" (or the role's name).
func ParseOwnerRole(name string) (OwnerRole, error) {
	switch n := strings.ToLower(strings.TrimSpace(name)); n {
	case "full", strings.ToLower(FullOwner.String()):
		return FullOwner, nil
	case "limited", strings.ToLower(LimitedOwner.String()):
		return LimitedOwner, nil
	}
	return "", fmt.Errorf("unknown owner role %q (use full or limited)", name)
}
