package data

import (
	"fmt"
	"strings"
)

// LicenceSet is the set of Nimbus licences a user holds, stored as a bit set.
type LicenceSet uint8

// The four Nimbus licences.
const (
	ContactCenter LicenceSet = 1 << iota
	AttendantConsole
	Interact
	Assistant
)

// AllLicences lists the licences in the order admins see them.
var AllLicences = []LicenceSet{ContactCenter, AttendantConsole, Interact, Assistant}

var licenceNames = map[LicenceSet][2]string{
	ContactCenter:    {"contact-center", "Contact Center"},
	AttendantConsole: {"attendant-console", "Attendant Console"},
	Interact:         {"interact", "Interact"},
	Assistant:        {"assistant", "Assistant"},
}

// Has reports whether every licence in l is in s.
func (s LicenceSet) Has(l LicenceSet) bool { return s&l == l }

// Key is the command-line name of a single licence ("contact-center").
func (s LicenceSet) Key() string { return licenceNames[s][0] }

// String is the admin-facing name of a single licence ("Contact Center"), or the names of
// a set joined with commas.
func (s LicenceSet) String() string {
	if n, ok := licenceNames[s]; ok {
		return n[1]
	}
	var names []string
	for _, l := range AllLicences {
		if s.Has(l) {
			names = append(names, licenceNames[l][1])
		}
	}
	return strings.Join(names, ", ")
}

// Keys lists the command-line names of the licences in s, in the standard order.
func (s LicenceSet) Keys() []string {
	keys := []string{}
	for _, l := range AllLicences {
		if s.Has(l) {
			keys = append(keys, l.Key())
		}
	}
	return keys
}

// ParseLicence turns a command-line licence name into its licence.
func ParseLicence(name string) (LicenceSet, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, l := range AllLicences {
		if n == l.Key() || n == strings.ToLower(l.String()) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown licence %q (use contact-center, attendant-console, interact or assistant)", name)
}

// DirectoryUser is a user of the tenant's directory as Graph reports it (in JSON with
// Graph's field names). Empty strings stand for values the directory does not have.
type DirectoryUser struct {
	ID             string `json:"id"`
	DisplayName    string `json:"displayName,omitempty"`
	GivenName      string `json:"givenName,omitempty"`
	Surname        string `json:"surname,omitempty"`
	UPN            string `json:"userPrincipalName"`
	Mail           string `json:"mail,omitempty"`
	Department     string `json:"department,omitempty"`
	JobTitle       string `json:"jobTitle,omitempty"`
	AccountEnabled *bool  `json:"accountEnabled,omitempty"`
}

// Team is a Microsoft Team of the directory with its members and owners.
type Team struct {
	ID          string
	DisplayName string
	Members     []string
	Owners      []string
}

// OrganizationUnit is one node of the OU tree; ParentID is 0 for the root (the tenant).
type OrganizationUnit struct {
	ID       int64
	ParentID int64
	Name     string
}

// Origin says how a user came into Nimbus.
type Origin string

// The two origins of a Nimbus user.
const (
	OriginTeams  Origin = "teams"
	OriginManual Origin = "manual"
)

// NimbusUser is a directory user that Nimbus knows, with the Nimbus-side facts.
type NimbusUser struct {
	DirectoryUser
	OUID             int64
	Origin           Origin
	Licences         LicenceSet
	NAReasonsEnabled bool
}

// UserListRow is one row of the Nimbus user list (its columns, the default eight and
// those the admin may add, and what search and the filters need).
type UserListRow struct {
	ID              string
	DisplayName     string
	UPN             string
	Mail            string
	Department      string
	JobTitle        string
	OUID            int64
	Origin          Origin
	Licences        LicenceSet
	ActiveProfile   string
	RoutingServices int
}

// AssignmentType is a service's user assignment type, fixed at creation.
type AssignmentType string

// The three user assignment types.
const (
	TeamsBased AssignmentType = "teams"
	SkillBased AssignmentType = "skill"
	NoUsers    AssignmentType = "none"
)

// String is the admin-facing name of the assignment type.
func (t AssignmentType) String() string {
	switch t {
	case TeamsBased:
		return "MS Teams-based"
	case SkillBased:
		return "Skill-based"
	case NoUsers:
		return "None"
	}
	return string(t)
}

// Service is a Nimbus service with its licence, its settings and its user count.
type Service struct {
	ID             int64
	Name           string
	AssignmentType AssignmentType
	TeamID         string
	OUID           int64
	Users          int
	Licence        ServiceLicence
	// The settings of an MS Teams-based service: the owner role new Team owners get, and
	// whether Team members may change their own Active state.
	DefaultOwnerRole       OwnerRole
	MembersCanChangeActive bool
}

// Membership says how a user belongs to a service.
type Membership string

// Memberships: member/owner for Teams-based services, agent/owner for Skill-based ones.
const (
	Member Membership = "member"
	Owner  Membership = "owner"
	Agent  Membership = "agent"
)

// UserService is a service a user belongs to, with how.
type UserService struct {
	Service
	Memberships []Membership
}

// RoleKind separates the built-in admin and portal roles from custom roles.
type RoleKind string

// The kinds of role.
const (
	AdminRole  RoleKind = "admin"
	PortalRole RoleKind = "portal"
	CustomRole RoleKind = "custom"
)

// Keys of the built-in roles, as the migrations seed them.
const (
	RoleTenantAdmin       = "tenant_admin"
	RoleOUAdmin           = "ou_admin"
	RoleWorkflowAdmin     = "workflow_admin"
	RoleTeamOwner         = "team_owner"
	RoleTeamOwnerLimited  = "team_owner_limited"
	RoleTeamMember        = "team_member"
	RoleAgent             = "agent"
	RoleServiceOwner      = "service_owner"
	RoleSupervisorUser    = "supervisor_user"
	RoleSupervisorService = "supervisor_service"
	RoleSkillBasedUser    = "skill_based_user"
)

// Role is a built-in or custom role.
type Role struct {
	ID          int64
	BuiltinKey  string
	Kind        RoleKind
	Name        string
	OUID        int64 // custom roles only
	Description string
}

// RoleAssignment is a role a user holds in an OU scope.
type RoleAssignment struct {
	ID              int64
	UserID          string
	Role            Role
	ScopeOUID       int64
	AutoGranted     bool
	SourceServiceID int64
}

// SkillCategory groups skills and defines their levels (none is allowed).
type SkillCategory struct {
	ID     int64
	Name   string
	OUID   int64
	Levels []SkillLevel
}

// SkillLevel is one level of a skill category.
type SkillLevel struct {
	ID    int64
	Name  string
	Value int
}

// Skill belongs to one category.
type Skill struct {
	ID         int64
	Name       string
	CategoryID int64
	OUID       int64
}

// UserSkill is a skill a user holds, with its level (LevelID 0 when the category has none).
type UserSkill struct {
	Skill     Skill
	Category  string
	LevelID   int64
	LevelName string
}

// Profile is a responsibility profile; Builtin is "on_duty" or "off_duty" for the two
// built-ins.
type Profile struct {
	ID      int64
	Name    string
	OUID    int64
	Builtin string
}

// UserProfile is a profile assigned to a user, one of them active.
type UserProfile struct {
	Profile
	Active bool
}

// AssignableItem is a configuration item that users are assigned one by one and that
// lives in an OU: an N/A reason, a domain template, a direct system message or a direct
// call template.
type AssignableItem struct {
	ID   int64
	Name string
	OUID int64
}

// InteractSettings are a user's Interact settings.
type InteractSettings struct {
	ContactID             string
	Active                bool
	AudioVideo            bool
	InstantMessaging      bool
	DirectSystemMessageID int64
	RestrictAccess        bool
	DomainTemplateID      int64
}

// TenantSettings are the tenant-wide settings.
type TenantSettings struct {
	TenantID           string
	TenantName         string
	IsDemo             bool
	DemoUsers          int
	InteractEnabled    bool
	WidgetKey          string
	SnippetTemplate    string
	DefaultTeamsOUID   int64
	AdminSecurityGroup string
}
