package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"nimbusadmin/data"
)

// AddServiceMember adds a Nimbus user by hand to a Skill-based service as an agent or an
// owner. Only a service carrying the Contact Center licence takes agents and owners by
// hand, and both need a Contact Center licence of their own; Teams-based services take
// their members from the Team and None services have no users.
type AddServiceMember struct {
	Base
	Service int64           `json:"service"`
	User    string          `json:"user"` // O365 ID or UPN
	As      data.Membership `json:"as"`   // agent or owner
}

// Kind names the command.
func (AddServiceMember) Kind() string { return "service.member.add" }

func (cmd AddServiceMember) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, m := c.q, cmd.As
	u, s, err := memberChange(c, cmd.Service, cmd.User, func(s data.Service) string { return fmt.Sprintf("making an %s of %q", m, s.Name) })
	if err != nil {
		return nil, err
	}
	switch s.AssignmentType {
	case data.TeamsBased:
		return nil, refuse("service.teams-members", "%q is MS Teams-based: its members and owners come from its Team in Microsoft Teams", s.Name)
	case data.NoUsers:
		return nil, refuse("service.no-users", "%q has the user assignment type None and takes no users", s.Name)
	}
	if m != data.Agent && m != data.Owner {
		return nil, refuse("service.membership", "users join a Skill-based service as an agent or an owner")
	}
	if s.Licence != data.ContactCenterService {
		return nil, refuse("service.licence-agents", "only a Contact Center service can take agents and owners by hand; %q carries the %s licence: change its licence to Contact Center first",
			s.Name, s.Licence)
	}
	if !u.Licences.Has(data.ContactCenter) {
		return nil, refuse("service.cc-required", "%s needs a Contact Center licence to be an %s of the Skill-based service %q; grant it on the General tab first",
			displayName(u), m, s.Name)
	}
	services, err := q.UserServices(u.ID)
	if err != nil {
		return nil, err
	}
	for _, us := range services {
		if us.ID == s.ID && slices.Contains(us.Memberships, m) {
			return nil, refuse("service.already-member", "%s is already an %s of %q", displayName(u), m, s.Name)
		}
	}
	if err := q.AddServiceMember(s.ID, u.ID, m); err != nil {
		return nil, err
	}
	role, err := q.BuiltinRole(serviceRoleKey(m))
	if err != nil {
		return nil, err
	}
	if _, err := q.AssignRole(u.ID, role.ID, s.OUID, true, s.ID); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.member.add", s.Name, "", fmt.Sprintf("%s as %s (%s role granted)", u.UPN, m, role.Name))}, nil
}

// AddServiceMember is shorthand for Do with AddServiceMember, for code that acts at once.
func (a *App) AddServiceMember(ctx context.Context, serviceID int64, idOrUPN string, m data.Membership) error {
	_, err := a.Do(ctx, AddServiceMember{Service: serviceID, User: idOrUPN, As: m})
	return err
}

// serviceRoleKey is the built-in role that membership of a Skill-based service grants:
// Agent for agents, Service Owner for owners.
func serviceRoleKey(m data.Membership) string {
	if m == data.Owner {
		return data.RoleServiceOwner
	}
	return data.RoleAgent
}

// findService reads a service by id, or says that the tenant has none with that id.
func findService(q *data.Q, id int64) (data.Service, error) {
	s, err := q.Service(id)
	if errors.Is(err, data.ErrNotFound) {
		return s, &NotFoundError{What: "service", Key: fmt.Sprint(id)}
	}
	return s, err
}

// memberChange finds the user and the service of a change to the service's agents or
// owners and asks the acting admin's permission for both: the service's OU, and the user
// (what names the change to them).
func memberChange(c *changeCtx, serviceID int64, idOrUPN string, what func(data.Service) string) (data.NimbusUser, data.Service, error) {
	u, err := findUser(c.q, idOrUPN)
	if err != nil {
		return u, data.Service{}, err
	}
	s, err := findService(c.q, serviceID)
	if err != nil {
		return u, s, err
	}
	if err := c.may.ou(s.OUID, fmt.Sprintf("changing the agents and owners of the service %q", s.Name)); err != nil {
		return u, s, err
	}
	return u, s, c.may.user(u, what(s))
}
