package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// withService opens the session, finds the service a verb works on by name or id and
// runs fn on both.
func withService(ctx context.Context, e env, nameOrID string, fn func(a *app.App, s data.Service) error) error {
	return withApp(e, func(a *app.App) error {
		s, err := a.ServiceByName(ctx, nameOrID)
		if err != nil {
			return err
		}
		return fn(a, s)
	})
}

func runServicesRename(ctx context.Context, e env, args []string) error {
	fs := newFlags("services rename")
	pos, err := parse(fs, args, 2, "the service (name or id) and its new name")
	if err != nil {
		return err
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		if _, err := a.Do(ctx, app.RenameService{Service: s.ID, Name: pos[1]}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Renamed the service %q to %q.\n", s.Name, strings.TrimSpace(pos[1]))
		return nil
	})
}

func runServicesDelete(ctx context.Context, e env, args []string) error {
	fs := newFlags("services delete")
	yes := fs.Bool("yes", false, "delete even when the service has agents or owners (they stay Nimbus users)")
	pos, err := parse(fs, args, 1, "the service (name or id)")
	if err != nil {
		return err
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		affected, err := a.ServiceDeleteImpact(ctx, s.ID)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.DeleteService{Service: s.ID, Confirmed: *yes}); err != nil {
			if app.IsRule(err, "service.delete-members") {
				return fmt.Errorf("%w (add --yes)", err)
			}
			return err
		}
		fmt.Fprintf(e.stdout, "Deleted the %s service %q.\n", s.AssignmentType, s.Name)
		if names := app.ServiceMemberNames(affected); len(names) > 0 {
			fmt.Fprintf(e.stderr, "They left it and lost the roles it granted: %s.\n", strings.Join(names, ", "))
		}
		return nil
	})
}

func runServicesLicence(ctx context.Context, e env, args []string) error {
	fs := newFlags("services licence")
	pos, err := parse(fs, args, 2, "the service (name or id) and the licence (contact-center, enterprise-routing or advanced-routing)")
	if err != nil {
		return err
	}
	l, err := data.ParseServiceLicence(pos[1])
	if err != nil {
		return usagef("services licence: %v", err)
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		if _, err := a.Do(ctx, app.SetServiceLicence{Service: s.ID, Licence: l}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "The service %q carries the %s licence.\n", s.Name, l)
		return nil
	})
}

// servicesSettingsJSON is 'services settings --format json'.
type servicesSettingsJSON struct {
	ID                     int64  `json:"id"`
	Name                   string `json:"name"`
	AssignmentType         string `json:"assignmentType"`
	Licence                string `json:"licence"`
	DefaultOwnerRole       string `json:"defaultOwnerRole,omitempty"`
	MembersCanChangeActive *bool  `json:"membersCanChangeActive,omitempty"`
}

func runServicesSettings(ctx context.Context, e env, args []string) error {
	fs := newFlags("services settings")
	owner := fs.String("default-owner-role", "", "full or limited: the Team Owner role new owners of the Team get")
	active := fs.String("members-can-change-active", "", "on or off: whether Team members may change their own Active state")
	f := formatFlag(fs, "table, csv or json")
	pos, err := parse(fs, args, 1, "the service (name or id)")
	if err != nil {
		return err
	}
	var role data.OwnerRole
	if *owner != "" {
		if role, err = data.ParseOwnerRole(*owner); err != nil {
			return usagef("services settings: --default-owner-role: %v", err)
		}
	}
	var on bool
	if *active != "" {
		if on, err = servicesOnOff(*active); err != nil {
			return usagef("services settings: --members-can-change-active: %v", err)
		}
	}
	return withService(ctx, e, pos[0], func(a *app.App, s data.Service) error {
		if *owner != "" || *active != "" {
			set := app.TeamsServiceSettings{DefaultOwnerRole: s.DefaultOwnerRole, MembersCanChangeActive: s.MembersCanChangeActive}
			if *owner != "" {
				set.DefaultOwnerRole = role
			}
			if *active != "" {
				set.MembersCanChangeActive = on
			}
			if _, err := a.Do(ctx, app.SetTeamsServiceSettings{Service: s.ID, TeamsServiceSettings: set}); err != nil {
				return err
			}
			if s, err = a.ServiceByName(ctx, fmt.Sprint(s.ID)); err != nil {
				return err
			}
		}
		out := servicesSettingsJSON{ID: s.ID, Name: s.Name, AssignmentType: string(s.AssignmentType), Licence: string(s.Licence)}
		rows := [][]string{{"Name", s.Name}, {"User assignment type", s.AssignmentType.String()}, {"Licence", s.Licence.String()}}
		if s.AssignmentType == data.TeamsBased {
			out.DefaultOwnerRole, out.MembersCanChangeActive = string(s.DefaultOwnerRole), &s.MembersCanChangeActive
			rows = append(rows, []string{"Default Team Owner role", s.DefaultOwnerRole.String()},
				[]string{"Team members can change active state", servicesOnOffText(s.MembersCanChangeActive)})
		}
		if *f == "json" {
			return writeJSON(e.stdout, out)
		}
		return writeTable(e.stdout, *f, []string{"Setting", "Value"}, rows)
	})
}

// servicesOnOff reads an on/off switch of the command line.
func servicesOnOff(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "on", "true", "yes":
		return true, nil
	case "off", "false", "no":
		return false, nil
	}
	return false, fmt.Errorf("%q is neither on nor off", v)
}

// servicesOnOffText writes a switch as the command line takes it.
func servicesOnOffText(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
