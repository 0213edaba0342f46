package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"nimbusadmin/data"
)

// CreateService creates a service in an OU carrying a licence. An MS Teams-based service
// is provisioned from a Team of the cached directory (TeamID): it takes the Team's name,
// and the Team's members and owners become Nimbus users (origin Teams, in the default OU)
// with Team Member / Team Owner granted automatically. A Skill-based or None service is
// created with a Name. Without a Licence the service gets the default licence of its type
// (Contact Center for Skill-based, Advanced Routing otherwise). The user assignment type
// is fixed from now on; the licence can change later. The outcome's ID is the service's.
type CreateService struct {
	Base
	Type    data.AssignmentType `json:"type"`
	Name    string              `json:"name,omitempty"`   // Skill-based and None services
	TeamID  string              `json:"teamId,omitempty"` // MS Teams-based services
	Licence data.ServiceLicence `json:"licence,omitempty"`
	OU      int64               `json:"ou"`
}

// Kind names the command.
func (CreateService) Kind() string { return "service.create" }

func (cmd CreateService) apply(c *changeCtx) ([]data.JournalEntry, error) {
	if cmd.Licence == "" {
		cmd.Licence = data.DefaultServiceLicence(cmd.Type)
	}
	switch cmd.Type {
	case data.TeamsBased:
		if cmd.TeamID == "" {
			return nil, refuse("service.teams-needs-team", "an MS Teams-based service is made from a Team: provision it with its Team id")
		}
		return cmd.fromTeam(c)
	case data.SkillBased, data.NoUsers:
		if cmd.TeamID != "" {
			return nil, refuse("service.team-not-teams-based", "only an MS Teams-based service is made from a Team; a %s service is created with a name", cmd.Type)
		}
		return cmd.named(c)
	}
	return nil, refuse("service.type", "the user assignment type is skill or none, not %q", cmd.Type)
}

// fromTeam provisions an MS Teams-based service from its Team.
func (cmd CreateService) fromTeam(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	path, err := serviceOU(q, cmd.OU)
	if err != nil {
		return nil, err
	}
	if err := c.may.ou(cmd.OU, "creating a service in "+path); err != nil {
		return nil, err
	}
	if err := checkServiceLicence(cmd.Licence); err != nil {
		return nil, err
	}
	name, err := q.TeamName(cmd.TeamID)
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return nil, err
	}
	if name == "" {
		return nil, refuse("service.team-unknown", "there is no Team %q in the cached directory: sync first, or check the id with 'directory teams'", cmd.TeamID)
	}
	taken, err := q.ServiceOfTeam(cmd.TeamID)
	if err == nil {
		return nil, refuse("service.team-taken", "the Team %q already backs the service %q; a Team backs one service only", name, taken)
	} else if !errors.Is(err, data.ErrNotFound) {
		return nil, err
	}
	id, err := q.CreateService(name, data.TeamsBased, cmd.TeamID, cmd.OU)
	if err != nil {
		return nil, err
	}
	c.out.ID = id
	if err := q.SetServiceLicence(id, cmd.Licence); err != nil {
		return nil, err
	}
	entries := []data.JournalEntry{entry("service.create", name, "",
		fmt.Sprintf("%s service of Team %s with the %s licence in %s", data.TeamsBased, cmd.TeamID, cmd.Licence, path))}
	s, err := q.Service(id)
	if err != nil {
		return nil, err
	}
	more, err := syncServiceMembers(q, s)
	return append(entries, more...), err
}

// named creates a Skill-based or None service with the name the admin gave.
func (cmd CreateService) named(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	if err := checkServiceLicence(cmd.Licence); err != nil {
		return nil, err
	}
	name, err := checkServiceName(q, cmd.Name, 0)
	if err != nil {
		return nil, err
	}
	path, err := serviceOU(q, cmd.OU)
	if err != nil {
		return nil, err
	}
	if err := c.may.ou(cmd.OU, "creating a service in "+path); err != nil {
		return nil, err
	}
	id, err := q.CreateService(name, cmd.Type, "", cmd.OU)
	if err != nil {
		return nil, err
	}
	c.out.ID = id
	if err := q.SetServiceLicence(id, cmd.Licence); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("service.create", name, "", fmt.Sprintf("%s service with the %s licence in %s", cmd.Type, cmd.Licence, path))}, nil
}

// CreateTeamsService is shorthand for Do with CreateService provisioning a Team with the
// default licence, for code that acts at once.
func (a *App) CreateTeamsService(ctx context.Context, teamID string, ou int64) (int64, error) {
	out, err := a.Do(ctx, CreateService{Type: data.TeamsBased, TeamID: teamID, OU: ou})
	return out.ID, err
}

// CreateService is shorthand for Do with CreateService creating a named service with the
// default licence of its type, for code that acts at once.
func (a *App) CreateService(ctx context.Context, name string, t data.AssignmentType, ou int64) (int64, error) {
	out, err := a.Do(ctx, CreateService{Type: t, Name: name, OU: ou})
	return out.ID, err
}

// checkServiceName is the rule for a service's name: the name rule, and unique among the
// services whatever the case; except is the service being renamed. It returns the name to
// store.
func checkServiceName(q *data.Q, name string, except int64) (string, error) {
	name, err := cleanName("a service", name)
	if err != nil {
		return "", err
	}
	all, err := q.Services()
	if err != nil {
		return "", err
	}
	for _, s := range all {
		if s.ID != except && strings.EqualFold(s.Name, name) {
			return "", refuse("service.name-taken", "there is already a service named %q", s.Name)
		}
	}
	return name, nil
}

// checkServiceLicence refuses a licence that services cannot carry.
func checkServiceLicence(l data.ServiceLicence) error {
	if slices.Contains(data.ServiceLicences, l) {
		return nil
	}
	return refuse("service.licence", "a service carries the Contact Center, Enterprise Routing or Advanced Routing licence, not %q", string(l))
}

// ServiceList lists every service with its user count, by name.
func (a *App) ServiceList(ctx context.Context) ([]data.Service, error) {
	return a.store.Read(ctx).Services()
}

// serviceOU checks that the OU exists and returns its path.
func serviceOU(q *data.Q, ou int64) (string, error) {
	tree, err := loadTree(q)
	if err != nil {
		return "", err
	}
	if !tree.Has(ou) {
		return "", &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
	}
	return tree.Path(ou), nil
}

// ServiceByName finds a service by its name (case-insensitive) or id.
func (a *App) ServiceByName(ctx context.Context, nameOrID string) (data.Service, error) {
	all, err := a.ServiceList(ctx)
	if err != nil {
		return data.Service{}, err
	}
	for _, s := range all {
		if strings.EqualFold(s.Name, nameOrID) || fmt.Sprint(s.ID) == nameOrID {
			return s, nil
		}
	}
	return data.Service{}, &NotFoundError{What: "service", Key: nameOrID}
}
