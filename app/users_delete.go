package app

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// DeleteLosses is what deleting a user takes with them, for the confirmation: the
// Skill-based services they leave and every role they lose.
type DeleteLosses struct {
	Services []string // `agent of "Escalations"`
	Roles    []string // "Supervisor (Service) in Sales"
}

// String says it in a sentence ("" when there is nothing to lose): leaves … ; loses the roles ….
func (l DeleteLosses) String() string {
	var parts []string
	if len(l.Services) > 0 {
		parts = append(parts, "leaves "+joinWords(l.Services))
	}
	if len(l.Roles) > 0 {
		parts = append(parts, "loses the roles "+joinWords(l.Roles))
	}
	return strings.Join(parts, "; ")
}

// DeleteConsequences lists what deleting the user would take with them.
func (a *App) DeleteConsequences(ctx context.Context, idOrUPN string) (DeleteLosses, error) {
	q := a.store.Read(ctx)
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return DeleteLosses{}, err
	}
	services, err := q.UserServices(u.ID)
	if err != nil {
		return DeleteLosses{}, err
	}
	return deleteConsequences(q, u, services)
}

func deleteConsequences(q *data.Q, u data.NimbusUser, services []data.UserService) (DeleteLosses, error) {
	var l DeleteLosses
	for _, s := range services {
		if s.AssignmentType != data.SkillBased {
			continue
		}
		for _, m := range s.Memberships {
			l.Services = append(l.Services, fmt.Sprintf("%s of the Skill-based service %q", m, s.Name))
		}
	}
	roles, err := q.UserRoles(u.ID)
	if err != nil {
		return l, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return l, err
	}
	for _, r := range roles {
		l.Roles = append(l.Roles, r.Role.Name+" in "+tree.Path(r.ScopeOUID))
	}
	return l, nil
}
