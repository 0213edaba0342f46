package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

func init() {
	register(verb{"users add", "ID|UPN [--ou OU] [--licence NAME]... [--format table|json]",
		"make a person of the cached directory a Nimbus user (added by hand), in an OU (the tenant root when not given), with licences", runUsersAdd})
}

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
	ou := fs.String("ou", "", "the OU id or path to add them in (the tenant root when not given)")
	var licences listFlag
	fs.Var(&licences, "licence", "a licence to grant: contact-center, attendant-console, interact or assistant (repeatable)")
	f := format("table")
	fs.Var(&f, "format", "table or json")
	pos, err := parse(fs, args, 1, "one person of the directory (O365 ID or UPN; see 'directory users')")
	if err != nil {
		return err
	}
	var grant data.LicenceSet
	for _, name := range licences {
		l, err := data.ParseLicence(name)
		if err != nil {
			return usagef("users add: %v", err)
		}
		grant |= l
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Store().Close()
	ouID, err := resolveOU(ctx, a, *ou)
	if err != nil {
		return err
	}
	if err := a.AddUser(ctx, pos[0], ouID, grant); err != nil {
		return err
	}
	d, err := a.UserDetail(ctx, pos[0])
	if err != nil {
		return err
	}
	if f == "json" {
		return writeJSON(e.stdout, addedUserJSON{d.User.ID, d.User.DisplayName, d.User.UPN, d.OUPath, d.User.OUID, d.User.Licences.Keys()})
	}
	_, err = fmt.Fprintf(e.stdout, "%s\t%s\n", d.User.UPN, d.OUPath)
	return err
}

// resolveOU turns an OU the admin typed (an id or a path) into its id; the tenant root
// when nothing was typed.
func resolveOU(ctx context.Context, a *app.App, ou string) (int64, error) {
	tree, err := a.OUTree(ctx)
	if err != nil {
		return 0, err
	}
	if ou == "" {
		return tree.Root, nil
	}
	return tree.Resolve(ou)
}
