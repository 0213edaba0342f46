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

// DeleteUser removes a user from Nimbus when the delete rule allows it. The directory and
// Teams are never touched; the user leaves their Skill-based services and loses their
// roles with them (DeleteConsequences lists both for the confirmation).
type DeleteUser struct {
	Base
	User string `json:"user"` // O365 ID or UPN
}

// Kind names the command.
func (DeleteUser) Kind() string { return "user.delete" }

func (cmd DeleteUser) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, err := findUser(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "deleting the Nimbus user"); err != nil {
		return nil, err
	}
	services, err := q.UserServices(u.ID)
	if err != nil {
		return nil, err
	}
	if reason := DeleteBlockedReason(u, services); reason != "" {
		return nil, refuse("delete", "cannot delete: %s", reason)
	}
	loses, err := deleteConsequences(q, u, services)
	if err != nil {
		return nil, err
	}
	if err := q.DeleteNimbusUser(u.ID); err != nil {
		return nil, err
	}
	old := "Nimbus user"
	if loses.String() != "" {
		old += "; " + loses.String()
	}
	return []data.JournalEntry{entry("user.delete", u.UPN, old, "")}, nil
}
