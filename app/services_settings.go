package app

import (
	"context"
	"fmt"

	"nimbusadmin/data"
)

// TeamsServiceSettings are the settings only an MS Teams-based service has: the Team
// Owner role that new owners of its Team get (full or limited rights to manage the
// service), and whether its members may change their own Active state.
type TeamsServiceSettings struct {
	DefaultOwnerRole       data.OwnerRole `json:"defaultOwnerRole"`
	MembersCanChangeActive bool           `json:"membersCanChangeActive"`
}

// SetTeamsServiceSettings changes an MS Teams-based service's settings. The default owner
// role applies to owners who join the Team from now on; those already there keep theirs.
type SetTeamsServiceSettings struct {
	Base
	Service int64 `json:"service"`
	TeamsServiceSettings
}

// Kind names the command.
func (SetTeamsServiceSettings) Kind() string { return "service.teams-settings" }

func (cmd SetTeamsServiceSettings) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	set := cmd.TeamsServiceSettings
	s, err := findService(q, cmd.Service)
	if err != nil {
		return nil, err
	}
	if err := may.ou(s.OUID, fmt.Sprintf("changing the settings of the service %q", s.Name)); err != nil {
		return nil, err
	}
	if err := teamsOnly(s, "Team settings (default Team Owner role, whether members can change their Active state)"); err != nil {
		return nil, err
	}
	if err := checkOwnerRole(set.DefaultOwnerRole); err != nil {
		return nil, err
	}
	var entries []data.JournalEntry
	if set.DefaultOwnerRole != s.DefaultOwnerRole {
		entries = append(entries, entry("service.default-owner-role", s.Name, s.DefaultOwnerRole.String(), set.DefaultOwnerRole.String()))
	}
	if set.MembersCanChangeActive != s.MembersCanChangeActive {
		entries = append(entries, entry("service.members-change-active", s.Name,
			membersMayText(s.MembersCanChangeActive), membersMayText(set.MembersCanChangeActive)))
	}
	if len(entries) == 0 {
		return nil, nil
	}
	return entries, q.SetTeamsServiceSettings(s.ID, set.DefaultOwnerRole, set.MembersCanChangeActive)
}

// SetTeamsServiceSettings is shorthand for Do with SetTeamsServiceSettings, for code that
// acts at once.
func (a *App) SetTeamsServiceSettings(ctx context.Context, serviceID int64, set TeamsServiceSettings) error {
	_, err := a.Do(ctx, SetTeamsServiceSettings{Service: serviceID, TeamsServiceSettings: set})
	return err
}

// membersMayText says in words whether Team members may change their Active state.
func membersMayText(on bool) string {
	if on {
		return "Team members can change their Active state"
	}
	return "Team members cannot change their Active state"
}

// SetServiceMemberActive switches call distribution to a user of an MS Teams-based
// service on or off (the Active toggle). It does not touch the Team in Microsoft Teams.
type SetServiceMemberActive struct {
	Base
	Service int64  `json:"service"`
	User    string `json:"user"` // O365 ID or UPN
	Active  bool   `json:"active"`
}

// Kind names the command.
func (SetServiceMemberActive) Kind() string { return "service.member.active" }

func (cmd SetServiceMemberActive) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	s, u, memberships, err := serviceUser(q, cmd.Service, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := may.ou(s.OUID, fmt.Sprintf("switching the users of the service %q active or inactive", s.Name)); err != nil {
		return nil, err
	}
	if err := teamsOnly(s, "Active toggle for its users"); err != nil {
		return nil, err
	}
	if len(memberships) == 0 {
		return nil, refuse("service.not-member", "%s is not a member or owner of %q", displayName(u), s.Name)
	}
	if memberships[0].Active == cmd.Active {
		return nil, nil
	}
	if err := q.SetServiceMemberActive(s.ID, u.ID, cmd.Active); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.member.active", s.Name, activeText(u.UPN, !cmd.Active), activeText(u.UPN, cmd.Active))}, nil
}

// activeText says whether a user is active in a service.
func activeText(upn string, active bool) string {
	if active {
		return upn + " active"
	}
	return upn + " inactive"
}

// SetServiceOwnerRole switches an owner of an MS Teams-based service between Team Owner
// and Team Owner (limited). The role stays granted by the service and follows the Team:
// a later sync keeps the admin's choice, and leaving the Team takes it away.
type SetServiceOwnerRole struct {
	Base
	Service int64          `json:"service"`
	User    string         `json:"user"` // O365 ID or UPN
	Role    data.OwnerRole `json:"role"`
}

// Kind names the command.
func (SetServiceOwnerRole) Kind() string { return "service.owner-role" }

func (cmd SetServiceOwnerRole) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	s, u, memberships, err := serviceUser(q, cmd.Service, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := may.ou(s.OUID, fmt.Sprintf("changing the Team Owner roles of the service %q", s.Name)); err != nil {
		return nil, err
	}
	if err := teamsOnly(s, "Team Owner and Team Owner (limited) roles to switch between"); err != nil {
		return nil, err
	}
	if err := checkOwnerRole(cmd.Role); err != nil {
		return nil, err
	}
	var owner *data.ServiceMember
	for i := range memberships {
		if memberships[i].Membership == data.Owner {
			owner = &memberships[i]
		}
	}
	if owner == nil {
		return nil, refuse("service.not-owner", "%s is not an owner of %q: owners come from the Team's owners in Microsoft Teams", displayName(u), s.Name)
	}
	if owner.OwnerRole == cmd.Role {
		return nil, nil
	}
	if owner.OwnerRole == "" { // the role went missing: grant it again
		r, err := q.BuiltinRole(cmd.Role.RoleKey())
		if err != nil {
			return nil, err
		}
		_, err = q.AssignRole(u.ID, r.ID, s.OUID, true, s.ID)
		if err != nil {
			return nil, err
		}
	} else if err := q.SetServiceOwnerRole(s.ID, u.ID, cmd.Role); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.owner-role", s.Name, fmt.Sprintf("%s as %s", u.UPN, owner.OwnerRole), fmt.Sprintf("%s as %s", u.UPN, cmd.Role))}, nil
}

// SetServiceOwnerRole is shorthand for Do with SetServiceOwnerRole, for code that acts at
// once.
func (a *App) SetServiceOwnerRole(ctx context.Context, serviceID int64, idOrUPN string, role data.OwnerRole) error {
	_, err := a.Do(ctx, SetServiceOwnerRole{Service: serviceID, User: idOrUPN, Role: role})
	return err
}

// serviceUser reads a service, a Nimbus user and the user's memberships in it.
func serviceUser(q *data.Q, serviceID int64, idOrUPN string) (data.Service, data.NimbusUser, []data.ServiceMember, error) {
	s, err := findService(q, serviceID)
	if err != nil {
		return s, data.NimbusUser{}, nil, err
	}
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return s, u, nil, err
	}
	all, err := q.ServiceMembers(s.ID)
	if err != nil {
		return s, u, nil, err
	}
	var mine []data.ServiceMember
	for _, m := range all {
		if m.UserID == u.ID {
			mine = append(mine, m)
		}
	}
	return s, u, mine, nil
}

// teamsOnly refuses a setting that only MS Teams-based services have, saying why the
// service in hand has none.
func teamsOnly(s data.Service, setting string) error {
	if s.AssignmentType == data.TeamsBased {
		return nil
	}
	why := "it has the user assignment type None and no users"
	if s.AssignmentType == data.SkillBased {
		why = "it is Skill-based: its agents and owners are added by hand, and its agents control their availability through their responsibility profiles"
	}
	return refuse("service.teams-only", "%q has no %s, which only MS Teams-based services have: %s", s.Name, setting, why)
}

// checkOwnerRole refuses anything but the two Team Owner roles.
func checkOwnerRole(r data.OwnerRole) error {
	if r == data.FullOwner || r == data.LimitedOwner {
		return nil
	}
	return refuse("service.owner-role", "the Team Owner role of a service is full or limited, not %q", string(r))
}
