package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// serviceMemberJSON is one membership of 'services members --format json'.
type serviceMemberJSON struct {
	ID                string `json:"id"`
	DisplayName       string `json:"displayName"`
	UserPrincipalName string `json:"userPrincipalName"`
	Membership        string `json:"membership"` // member, owner or agent
	Active            *bool  `json:"active,omitempty"`
	OwnerRole         string `json:"ownerRole,omitempty"` // full or limited, owners of MS Teams-based services only
}

func runServicesMembers(ctx context.Context, e env, args []string) error {
	fs := newFlags("services members")
	f := formatFlag(fs, "table, csv or json")
	pos, err := parse(fs, args, 1, "the service (name or id)")
	if err != nil {
		return err
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		members, err := a.ServiceMembers(ctx, s.ID)
		if err != nil {
			return err
		}
		teams := s.AssignmentType == data.TeamsBased
		if *f == "json" {
			out := make([]serviceMemberJSON, len(members))
			for i, m := range members {
				out[i] = serviceMemberJSON{ID: m.UserID, DisplayName: m.DisplayName, UserPrincipalName: m.UPN, Membership: string(m.Membership)}
				if teams {
					out[i].Active, out[i].OwnerRole = &m.Active, string(m.OwnerRole)
				}
			}
			return writeJSON(e.stdout, out)
		}
		header := []string{"Display Name", "UPN", "O365 ID", "Membership"}
		if teams {
			header = append(header, "Active", "Owner Role")
		}
		rows := make([][]string, len(members))
		for i, m := range members {
			rows[i] = []string{m.DisplayName, m.UPN, m.UserID, string(m.Membership)}
			if teams {
				role := ""
				if m.OwnerRole != "" {
					role = m.OwnerRole.String()
				}
				rows[i] = append(rows[i], yesNo(m.Active), role)
			}
		}
		return writeTable(e.stdout, *f, header, rows)
	})
}

// servicesMembership reads --role agent|owner.
func servicesMembership(verb, role string) (data.Membership, error) {
	switch role {
	case "agent":
		return data.Agent, nil
	case "owner":
		return data.Owner, nil
	case "":
		return "", usagef("%s needs --role agent or --role owner", verb)
	}
	return "", usagef("%s: --role is agent or owner, not %q", verb, role)
}

// runServicesMembership adds or removes an agent or owner of a Skill-based service.
func runServicesMembership(ctx context.Context, e env, args []string, verb string,
	change func(a *app.App, serviceID int64, user string, m data.Membership) error, done string) error {
	fs := newFlags(verb)
	role := fs.String("role", "", "agent or owner")
	pos, err := parse(fs, args, 2, "the service (name or id) and the user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	m, err := servicesMembership(verb, *role)
	if err != nil {
		return err
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		if err := change(a, s.ID, pos[1], m); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, done+"\n", pos[1], m, s.Name)
		return nil
	})
}

func runServicesMembersAdd(ctx context.Context, e env, args []string) error {
	return runServicesMembership(ctx, e, args, "services members add", func(a *app.App, id int64, user string, m data.Membership) error {
		_, err := a.Do(ctx, app.AddServiceMember{Service: id, User: user, As: m})
		return err
	}, "Added %s as %s of %q.")
}

func runServicesMembersRemove(ctx context.Context, e env, args []string) error {
	return runServicesMembership(ctx, e, args, "services members remove", func(a *app.App, id int64, user string, m data.Membership) error {
		_, err := a.Do(ctx, app.RemoveServiceMember{Service: id, User: user, As: m})
		return err
	}, "Removed %s as %s of %q.")
}

func runServicesMembersActive(ctx context.Context, e env, args []string) error {
	fs := newFlags("services members active")
	pos, err := parse(fs, args, 3, "the service (name or id), the user (O365 ID or UPN) and on or off")
	if err != nil {
		return err
	}
	on, err := servicesOnOff(pos[2])
	if err != nil {
		return usagef("services members active: %v", err)
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		if _, err := a.Do(ctx, app.SetServiceMemberActive{Service: s.ID, User: pos[1], Active: on}); err != nil {
			return err
		}
		state := "active"
		if !on {
			state = "inactive"
		}
		fmt.Fprintf(e.stdout, "%s is %s in %q.\n", pos[1], state, s.Name)
		return nil
	})
}

func runServicesMembersOwnerRole(ctx context.Context, e env, args []string) error {
	fs := newFlags("services members owner-role")
	pos, err := parse(fs, args, 3, "the service (name or id), the owner (O365 ID or UPN) and full or limited")
	if err != nil {
		return err
	}
	role, err := data.ParseOwnerRole(pos[2])
	if err != nil {
		return usagef("services members owner-role: %v", err)
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		if _, err := a.Do(ctx, app.SetServiceOwnerRole{Service: s.ID, User: pos[1], Role: role}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s holds %s in %q.\n", pos[1], role, s.Name)
		return nil
	})
}
