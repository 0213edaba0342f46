package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// serviceListJSON is one service of 'services --format json'.
type serviceListJSON struct {
	ID                 int64  `json:"id"`
	Name               string `json:"name"`
	AssignmentType     string `json:"assignmentType"` // teams, skill or none
	TeamID             string `json:"teamId,omitempty"`
	OrganizationUnit   string `json:"organizationUnit"`
	OrganizationUnitID int64  `json:"organizationUnitId"`
	Users              int    `json:"users"`
	Licence            string `json:"licence"` // contact-center, enterprise-routing or advanced-routing
	// MS Teams-based services only: the owner role new Team owners get (full or limited)
	// and whether Team members may change their own Active state.
	DefaultOwnerRole       string `json:"defaultOwnerRole,omitempty"`
	MembersCanChangeActive *bool  `json:"membersCanChangeActive,omitempty"`
}

// serviceListEntry is how scripts see a service.
func serviceListEntry(s data.Service, tree *outree.Tree) serviceListJSON {
	out := serviceListJSON{s.ID, s.Name, string(s.AssignmentType), s.TeamID, tree.Path(s.OUID), s.OUID, s.Users, string(s.Licence), "", nil}
	if s.AssignmentType == data.TeamsBased {
		out.DefaultOwnerRole = string(s.DefaultOwnerRole)
		out.MembersCanChangeActive = &s.MembersCanChangeActive
	}
	return out
}

func runServices(ctx context.Context, e env, args []string) error {
	fs := newFlags("services")
	f := formatFlag(fs, "table, csv or json")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		list, err := a.ServiceList(ctx)
		if err != nil {
			return err
		}
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		if *f == "json" {
			out := make([]serviceListJSON, len(list))
			for i, s := range list {
				out[i] = serviceListEntry(s, tree)
			}
			return writeJSON(e.stdout, out)
		}
		rows := make([][]string, len(list))
		for i, s := range list {
			rows[i] = []string{strconv.FormatInt(s.ID, 10), s.Name, s.AssignmentType.String(), s.Licence.String(), s.TeamID, tree.Path(s.OUID), strconv.Itoa(s.Users)}
		}
		return writeTable(e.stdout, *f, []string{"Id", "Name", "User Assignment", "Licence", "Team", "Organization Unit", "Users"}, rows)
	})
}

func runServicesAddTeam(ctx context.Context, e env, args []string) error {
	fs := newFlags("services add-team")
	ou := fs.String("ou", "", "OU id or path of the service (/ for the tenant root): it decides which OU Administrators manage it")
	licence := fs.String("licence", "", "contact-center, enterprise-routing or advanced-routing")
	pos, err := parse(fs, args, 1, "the Team's id (see 'directory teams')")
	if err != nil {
		return err
	}
	if err := required(fs, "ou", "OU: the OU id or path of the service (/ for the tenant root; see 'ous')"); err != nil {
		return err
	}
	l, err := servicesLicenceFlag("services add-team", *licence, data.TeamsBased)
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		ouID, err := resolveOU(ctx, a, *ou)
		if err != nil {
			return err
		}
		out, err := a.Do(ctx, app.CreateService{Type: data.TeamsBased, TeamID: pos[0], Licence: l, OU: ouID})
		if err != nil {
			return err
		}
		s, err := a.ServiceByName(ctx, strconv.FormatInt(out.ID, 10))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Created the MS Teams-based service %q with the %s licence (id %d) and %d users from its Team.\n", s.Name, s.Licence, s.ID, s.Users)
		return nil
	})
}

func runServicesAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags("services add")
	kind := fs.String("type", "", "skill or none")
	name := fs.String("name", "", "the service's name")
	ou := fs.String("ou", "", "OU id or path of the service (/ for the tenant root): it decides which OU Administrators manage it")
	licence := fs.String("licence", "", "contact-center, enterprise-routing or advanced-routing")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	if err := required(fs, "type", "skill or --type none"); err != nil {
		return err
	}
	if err := required(fs, "name", "NAME: the service's name"); err != nil {
		return err
	}
	if err := required(fs, "ou", "OU: the OU id or path of the service (/ for the tenant root; see 'ous')"); err != nil {
		return err
	}
	var t data.AssignmentType
	switch *kind {
	case "skill":
		t = data.SkillBased
	case "none":
		t = data.NoUsers
	case "teams":
		return usagef("services add: an MS Teams-based service comes from its Team: use 'services add-team TEAM_ID'")
	default:
		return usagef("services add: --type must be skill or none")
	}
	l, err := servicesLicenceFlag("services add", *licence, t)
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		ouID, err := resolveOU(ctx, a, *ou)
		if err != nil {
			return err
		}
		out, err := a.Do(ctx, app.CreateService{Type: t, Name: *name, Licence: l, OU: ouID})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Created the %s service %q with the %s licence (id %d).\n", t, strings.TrimSpace(*name), l, out.ID)
		return nil
	})
}

// servicesLicenceFlag reads --licence; without it a service gets its type's default.
func servicesLicenceFlag(verb, licence string, t data.AssignmentType) (data.ServiceLicence, error) {
	if licence == "" {
		return data.DefaultServiceLicence(t), nil
	}
	l, err := data.ParseServiceLicence(licence)
	if err != nil {
		return "", usagef("%s: %v", verb, err)
	}
	return l, nil
}
