package app

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// RenameService gives a Skill-based or None service a new name (trimmed, not empty,
// unique among the services whatever the case). An MS Teams-based service takes its
// name from its Team, so it is renamed in Microsoft Teams.
type RenameService struct {
	Base
	Service int64  `json:"service"`
	Name    string `json:"name"`
}

// Kind names the command.
func (RenameService) Kind() string { return "service.rename" }

func (cmd RenameService) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	s, err := findService(q, cmd.Service)
	if err != nil {
		return nil, err
	}
	if err := may.ou(s.OUID, fmt.Sprintf("renaming the service %q", s.Name)); err != nil {
		return nil, err
	}
	if s.AssignmentType == data.TeamsBased {
		return nil, refuse("service.teams-name", "%q is MS Teams-based and takes its name from its Team: rename the Team in Microsoft Teams and sync", s.Name)
	}
	name, err := checkServiceName(q, cmd.Name, s.ID)
	if err != nil {
		return nil, err
	}
	if name == s.Name {
		return nil, nil
	}
	if err := q.RenameService(s.ID, name); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.rename", s.Name, s.Name, name)}, nil
}

// ServiceDeleteImpact lists who deleting a service would affect: its agents and owners,
// who would lose the membership and the Agent or Service Owner role it granted. The
// window shows them before asking.
func (a *App) ServiceDeleteImpact(ctx context.Context, serviceID int64) ([]ServiceMember, error) {
	return a.ServiceMembers(ctx, serviceID)
}

// ServiceMemberNames names each user of a service once, with how they belong:
// "Carl Jensen (agent and owner)".
func ServiceMemberNames(members []ServiceMember) []string {
	var names []string
	how := map[string][]string{}
	for _, m := range members {
		if _, seen := how[m.UserID]; !seen {
			names = append(names, m.UserID)
		}
		how[m.UserID] = append(how[m.UserID], string(m.Membership))
	}
	display := map[string]string{}
	for _, m := range members {
		display[m.UserID] = m.DisplayName
		if m.DisplayName == "" {
			display[m.UserID] = m.UPN
		}
	}
	for i, id := range names {
		names[i] = fmt.Sprintf("%s (%s)", display[id], joinWords(how[id]))
	}
	return names
}

// DeleteService deletes a Skill-based or None service. Its agents and owners lose the
// membership and the Agent or Service Owner role it granted, and stay Nimbus users; a
// service with members is deleted only once the admin has confirmed, having been told
// who is affected. An MS Teams-based service follows its Team and is not deleted here.
type DeleteService struct {
	Base
	Service   int64 `json:"service"`
	Confirmed bool  `json:"confirmed,omitempty"` // the admin was told who is affected
}

// Kind names the command.
func (DeleteService) Kind() string { return "service.delete" }

func (cmd DeleteService) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	s, err := findService(q, cmd.Service)
	if err != nil {
		return nil, err
	}
	if err := may.ou(s.OUID, fmt.Sprintf("deleting the service %q", s.Name)); err != nil {
		return nil, err
	}
	if s.AssignmentType == data.TeamsBased {
		return nil, refuse("service.teams-delete", "%q is MS Teams-based and follows its Team: it cannot be deleted here", s.Name)
	}
	members, err := q.ServiceMembers(s.ID)
	if err != nil {
		return nil, err
	}
	names := ServiceMemberNames(members)
	if len(names) > 0 && !cmd.Confirmed {
		return nil, refuse("service.delete-members", "deleting %q takes it from %s, who lose the Agent and Service Owner roles it granted: %s; confirm to delete it",
			s.Name, plural(len(names), "user"), strings.Join(names, ", "))
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	var entries []data.JournalEntry
	for _, m := range members {
		entries = append(entries, entry("service.member.remove", s.Name, fmt.Sprintf("%s as %s", m.UPN, m.Membership),
			fmt.Sprintf("the service was deleted; the %s role went with it", serviceRoleName(m.Membership))))
	}
	if err := q.DeleteService(s.ID); err != nil {
		return nil, err
	}
	old := fmt.Sprintf("%s service with the %s licence in %s", s.AssignmentType, s.Licence, tree.Path(s.OUID))
	if len(names) > 0 {
		old += ", users: " + strings.Join(names, ", ")
	}
	return append(entries, entry("service.delete", s.Name, old, "")), nil
}

// serviceRoleName is the name of the role a Skill-based membership grants.
func serviceRoleName(m data.Membership) string {
	if m == data.Owner {
		return "Service Owner"
	}
	return "Agent"
}

// SetServiceLicence changes the licence a service carries. A Skill-based service with
// agents or owners keeps Contact Center, the only licence that lets a service have them:
// they are removed first.
type SetServiceLicence struct {
	Base
	Service int64               `json:"service"`
	Licence data.ServiceLicence `json:"licence"`
}

// Kind names the command.
func (SetServiceLicence) Kind() string { return "service.licence" }

func (cmd SetServiceLicence) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	l := cmd.Licence
	s, err := findService(q, cmd.Service)
	if err != nil {
		return nil, err
	}
	if err := may.ou(s.OUID, fmt.Sprintf("changing the licence of the service %q", s.Name)); err != nil {
		return nil, err
	}
	if err := checkServiceLicence(l); err != nil {
		return nil, err
	}
	if l == s.Licence {
		return nil, nil
	}
	if s.AssignmentType == data.SkillBased && l != data.ContactCenterService {
		members, err := q.ServiceMembers(s.ID)
		if err != nil {
			return nil, err
		}
		if names := ServiceMemberNames(members); len(names) > 0 {
			return nil, refuse("service.licence-has-agents", "only a Contact Center service can have agents and owners, and %q has %s: %s; remove them first",
				s.Name, plural(len(names), "user"), strings.Join(names, ", "))
		}
	}
	if err := q.SetServiceLicence(s.ID, l); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.licence", s.Name, s.Licence.String(), l.String())}, nil
}
