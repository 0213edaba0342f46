package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// LicenceDependent is something active on a user that needs a licence being taken away:
// a role or a Skill-based service membership that needs Contact Center, or an active
// Interact widget.
type LicenceDependent struct {
	What string // "role Supervisor (Service) in Sales", "agent of the Skill-based service \"Escalations\""

	tenantAdmin bool // ending it is role management, for Tenant Administrators only
	drop        func(q *data.Q) error
}

// LicenceDependents lists what would stay active without the licences revoke takes from
// the user: what ChangeLicences refuses, or ends when told to.
func (a *App) LicenceDependents(ctx context.Context, idOrUPN string, revoke data.LicenceSet) ([]LicenceDependent, error) {
	q := a.store.Read(ctx)
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return nil, err
	}
	return licenceDependents(q, u, u.Licences&^revoke)
}

// licenceDependents finds what needs a licence the user holds now and would not hold
// with next. Without Contact Center: the roles that need it (Supervisor, Skill-Based
// user, custom roles), the agent and owner memberships of Skill-based services with
// their roles, and an active Interact widget (the Interact tab needs Contact Center too).
// Without Interact: an active Interact widget. Skills, profiles, N/A reasons and
// templates are settings, not access: they stay and come back with the licence.
func licenceDependents(q *data.Q, u data.NimbusUser, next data.LicenceSet) ([]LicenceDependent, error) {
	lost := u.Licences &^ next
	var out []LicenceDependent
	if lost.Has(data.ContactCenter) {
		tree, err := loadTree(q)
		if err != nil {
			return nil, err
		}
		services, err := q.UserServices(u.ID)
		if err != nil {
			return nil, err
		}
		for _, s := range services {
			if s.AssignmentType != data.SkillBased {
				continue
			}
			for _, m := range s.Memberships {
				sid, m := s.ID, m
				out = append(out, LicenceDependent{What: fmt.Sprintf("%s of the Skill-based service %q", m, s.Name),
					drop: func(q *data.Q) error { return leaveSkillService(q, u.ID, sid, m) }})
			}
		}
		roles, err := q.UserRoles(u.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range roles {
			if !roleNeedsContactCenter(r.Role) || r.SourceServiceID != 0 {
				continue // Agent and Service Owner go with their membership above
			}
			id := r.ID
			out = append(out, LicenceDependent{What: fmt.Sprintf("role %s in %s", r.Role.Name, tree.Path(r.ScopeOUID)),
				tenantAdmin: true, drop: func(q *data.Q) error { return q.RemoveRoleAssignment(id) }})
		}
	}
	if lost&(data.ContactCenter|data.Interact) != 0 && u.Licences.Has(data.Interact|data.ContactCenter) {
		ia, err := q.UserInteract(u.ID)
		switch {
		case errors.Is(err, data.ErrNotFound):
		case err != nil:
			return nil, err
		case ia.Active:
			out = append(out, LicenceDependent{What: "the active Interact widget", drop: func(q *data.Q) error {
				ia.Active = false
				return q.SetUserInteract(u.ID, ia)
			}})
		}
	}
	return out, nil
}

// leaveSkillService takes a user off a Skill-based service as agent or owner, with the
// role that membership granted.
func leaveSkillService(q *data.Q, userID string, serviceID int64, m data.Membership) error {
	if err := q.RemoveServiceMember(serviceID, userID, m); err != nil {
		return err
	}
	role, err := q.BuiltinRole(serviceRoleKey(m))
	if err != nil {
		return err
	}
	return q.RemoveServiceRole(userID, role.ID, serviceID)
}

// dependentsText lists dependents for a message.
func dependentsText(deps []LicenceDependent) string {
	parts := make([]string, len(deps))
	for i, d := range deps {
		parts[i] = d.What
	}
	return strings.Join(parts, ", ")
}
