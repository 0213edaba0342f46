package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/online"
	"nimbusadmin/auth"
	"nimbusadmin/data"
)

// addedUserJSON is what 'users add --format json' prints about the new Nimbus user.
type addedUserJSON struct {
	ID                 string   `json:"id"`
	DisplayName        string   `json:"displayName"`
	UserPrincipalName  string   `json:"userPrincipalName"`
	OrganizationUnit   string   `json:"organizationUnit"`
	OrganizationUnitID int64    `json:"organizationUnitId"`
	Licences           []string `json:"licences"`
}

func runUsersAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags("users add")
	ou := fs.String("ou", "", "the OU id or path to add them in (/ for the tenant root): it decides which OU Administrators manage them")
	var licences listFlag
	fs.Var(&licences, "licence", "a licence to grant: contact-center, attendant-console, interact or assistant (repeatable)")
	fromGraph := fs.Bool("from-graph", false, "look the person up in Microsoft Graph (signed in) rather than in the cache: for someone who joined the directory since the last sync")
	f := formatFlag(fs, "table or json")
	pos, err := parse(fs, args, 1, "one person of the directory (O365 ID or UPN; see 'directory users')")
	if err != nil {
		return err
	}
	if err := required(fs, "ou", "OU: the OU id or path they join (/ for the tenant root; see 'ous')"); err != nil {
		return err
	}
	if *fromGraph && e.globals.Demo {
		return usagef("users add --from-graph looks the person up in Microsoft Graph, which the demo tenant does not have: leave it out")
	}
	var grant data.LicenceSet
	for _, name := range licences {
		l, err := data.ParseLicence(name)
		if err != nil {
			return usagef("users add: %v", err)
		}
		grant |= l
	}
	return withApp(e, func(a *app.App) error {
		ouID, err := resolveOU(ctx, a, *ou)
		if err != nil {
			return err
		}
		var add app.Command = app.AddUser{User: pos[0], OU: ouID, Licences: grant}
		if *fromGraph {
			person, err := graphPerson(ctx, e, pos[0])
			if err != nil {
				return err
			}
			add = app.AddUserFromDirectory{Person: person, OU: ouID, Licences: grant}
		}
		if _, err := a.Do(ctx, add); err != nil {
			return err
		}
		d, err := a.UserDetail(ctx, pos[0])
		if err != nil {
			return err
		}
		if *f == "json" {
			return writeJSON(e.stdout, addedUserJSON{d.User.ID, d.User.DisplayName, d.User.UPN, d.OUPath, d.User.OUID, d.User.Licences.Keys()})
		}
		_, err = fmt.Fprintf(e.stdout, "%s\t%s\n", d.User.UPN, d.OUPath)
		return err
	})
}

// graphPerson finds the one person in Microsoft Graph whose O365 ID or UPN is key, signed
// in as the global flags say, so that a person the cache does not hold yet can be added.
func graphPerson(ctx context.Context, e env, key string) (data.DirectoryUser, error) {
	endpoints, err := auth.ResolveEndpoints(e.globals.Cloud, e.globals.Authority, e.globals.GraphURL)
	if err != nil {
		return data.DirectoryUser{}, usagef("%v", err)
	}
	session, err := authSession(e)
	if err != nil {
		return data.DirectoryUser{}, err
	}
	t := &online.Tenant{Session: session, Endpoints: endpoints, Client: e.httpClient}
	found, err := t.SearchDirectory(ctx, key)
	if err != nil {
		return data.DirectoryUser{}, fmt.Errorf("cannot search Microsoft Graph: %w", err)
	}
	key = strings.TrimSpace(key)
	for _, p := range found {
		if strings.EqualFold(p.ID, key) || strings.EqualFold(p.UPN, key) {
			return p, nil
		}
	}
	return data.DirectoryUser{}, fmt.Errorf("nobody in Microsoft Graph has the O365 ID or UPN %q; give one exactly as the directory has it", key)
}
