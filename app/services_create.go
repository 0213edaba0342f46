package app

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"nimbusadmin/data"
)

// CreateTeamsService provisions a Team as an MS Teams-based service with the Advanced
// Routing licence; see CreateTeamsServiceWithLicence.
func (a *App) CreateTeamsService(ctx context.Context, teamID string, ou int64) (int64, error) {
	return a.CreateTeamsServiceWithLicence(ctx, teamID, data.DefaultServiceLicence(data.TeamsBased), ou)
}

// CreateTeamsServiceWithLicence provisions a Team from the cached directory as an MS
// Teams-based service carrying a licence in an OU: the service takes the Team's name, and
// the Team's members and owners become Nimbus users (origin Teams, in the default OU)
// with Team Member / Team Owner granted automatically. It returns the new service's id.
func (a *App) CreateTeamsServiceWithLicence(ctx context.Context, teamID string, l data.ServiceLicence, ou int64) (int64, error) {
	var id int64
	err := a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		path, err := serviceOU(q, ou)
		if err != nil {
			return nil, err
		}
		if err := may.ou(ou, "creating a service in "+path); err != nil {
			return nil, err
		}
		if err := checkServiceLicence(l); err != nil {
			return nil, err
		}
		var name string
		err = syncRows(q, `SELECT display_name FROM teams WHERE id = ?`, []any{teamID}, func(r *sql.Rows) error {
			return r.Scan(&name)
		})
		if err != nil {
			return nil, err
		}
		if name == "" {
			return nil, refuse("service.team-unknown", "there is no Team %q in the cached directory: sync first, or check the id with 'directory teams'", teamID)
		}
		var taken string
		if err := syncRows(q, `SELECT name FROM services WHERE team_id = ?`, []any{teamID}, func(r *sql.Rows) error {
			return r.Scan(&taken)
		}); err != nil {
			return nil, err
		}
		if taken != "" {
			return nil, refuse("service.team-taken", "the Team %q already backs the service %q; a Team backs one service only", name, taken)
		}
		if id, err = q.CreateService(name, data.TeamsBased, teamID, ou); err != nil {
			return nil, err
		}
		if err := q.SetServiceLicence(id, l); err != nil {
			return nil, err
		}
		entries := []data.JournalEntry{entry("service.create", name, "",
			fmt.Sprintf("%s service of Team %s with the %s licence in %s", data.TeamsBased, teamID, l, path))}
		s, err := q.Service(id)
		if err != nil {
			return nil, err
		}
		more, err := syncServiceMembers(q, s)
		return append(entries, more...), err
	})
	return id, err
}

// CreateService creates a Skill-based or None service in an OU with the default licence
// of its type (Contact Center for Skill-based, Advanced Routing for None); see
// CreateServiceWithLicence.
func (a *App) CreateService(ctx context.Context, name string, t data.AssignmentType, ou int64) (int64, error) {
	return a.CreateServiceWithLicence(ctx, name, t, data.DefaultServiceLicence(t), ou)
}

// CreateServiceWithLicence creates a Skill-based or None service in an OU carrying a
// licence; MS Teams-based services come from a Team (CreateTeamsService). The user
// assignment type is fixed from now on; the licence can change later.
func (a *App) CreateServiceWithLicence(ctx context.Context, name string, t data.AssignmentType, l data.ServiceLicence, ou int64) (int64, error) {
	name = strings.TrimSpace(name)
	var id int64
	err := a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		switch t {
		case data.SkillBased, data.NoUsers:
		case data.TeamsBased:
			return nil, refuse("service.teams-needs-team", "an MS Teams-based service is made from a Team: provision it with its Team id")
		default:
			return nil, refuse("service.type", "the user assignment type is skill or none, not %q", t)
		}
		if err := checkServiceLicence(l); err != nil {
			return nil, err
		}
		if err := checkServiceName(q, name, 0); err != nil {
			return nil, err
		}
		path, err := serviceOU(q, ou)
		if err != nil {
			return nil, err
		}
		if err := may.ou(ou, "creating a service in "+path); err != nil {
			return nil, err
		}
		if id, err = q.CreateService(name, t, "", ou); err != nil {
			return nil, err
		}
		if err := q.SetServiceLicence(id, l); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("service.create", name, "", fmt.Sprintf("%s service with the %s licence in %s", t, l, path))}, nil
	})
	return id, err
}

// checkServiceName is the rule for a service's name: not empty (after trimming) and
// unique among the services whatever the case; except is the service being renamed.
func checkServiceName(q *data.Q, name string, except int64) error {
	if name == "" {
		return refuse("service.name", "a service needs a name")
	}
	all, err := q.Services()
	if err != nil {
		return err
	}
	for _, s := range all {
		if s.ID != except && strings.EqualFold(s.Name, name) {
			return refuse("service.name-taken", "there is already a service named %q", s.Name)
		}
	}
	return nil
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
