package app

import (
	"context"
	"fmt"

	"nimbusadmin/data"
)

// ServiceMember is one user of a service and how they belong to it, as the Services
// screen lists them (a user who is both member and owner is listed twice); for an MS
// Teams-based service it says whether the user is active and which Team Owner role an
// owner holds.
type ServiceMember = data.ServiceMember

// ServiceMembers lists a service's members, owners or agents by display name, so that the
// admin sees who a service reaches before adding or removing anyone.
func (a *App) ServiceMembers(ctx context.Context, serviceID int64) ([]ServiceMember, error) {
	q := a.store.Read(ctx)
	if _, err := findService(q, serviceID); err != nil {
		return nil, err
	}
	return q.ServiceMembers(serviceID)
}

// RemoveServiceMember takes an agent or owner off a Skill-based service by hand. The
// members and owners of an MS Teams-based service follow its Team, so they are changed in
// Microsoft Teams, never here; a None service has no users to remove.
type RemoveServiceMember struct {
	Base
	Service int64           `json:"service"`
	User    string          `json:"user"` // O365 ID or UPN
	As      data.Membership `json:"as"`   // agent or owner
}

// Kind names the command.
func (RemoveServiceMember) Kind() string { return "service.member.remove" }

func (cmd RemoveServiceMember) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, m := c.q, cmd.As
	u, s, err := memberChange(c, cmd.Service, cmd.User, func(s data.Service) string { return fmt.Sprintf("taking an %s off %q", m, s.Name) })
	if err != nil {
		return nil, err
	}
	switch s.AssignmentType {
	case data.TeamsBased:
		return nil, refuse("service.teams-members", "%q is MS Teams-based: its members and owners come from its Team; remove %s from the Team in Microsoft Teams and sync",
			s.Name, displayName(u))
	case data.NoUsers:
		return nil, refuse("service.no-users", "%q has the user assignment type None and takes no users", s.Name)
	}
	held, err := q.HasServiceMembership(s.ID, u.ID, m)
	if err != nil {
		return nil, err
	}
	if !held {
		return nil, refuse("service.not-member", "%s is not an %s of %q", displayName(u), m, s.Name)
	}
	if err := leaveSkillService(q, u.ID, s.ID, m); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.member.remove", s.Name, fmt.Sprintf("%s as %s", u.UPN, m), "")}, nil
}
