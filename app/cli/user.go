package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// runUserLicence grants and revokes licences; several --grant and --revoke may be given.
func runUserLicence(ctx context.Context, e env, args []string) error {
	fs := newFlags("user licence")
	var grant, revoke listFlag
	fs.Var(&grant, "grant", "licence to grant (repeatable)")
	fs.Var(&revoke, "revoke", "licence to revoke (repeatable)")
	drop := fs.Bool("drop-dependent", false, "also end what needs a revoked licence (roles, Skill-based services, an active Interact widget)")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	if len(grant)+len(revoke) == 0 {
		return usagef("user licence needs --grant NAME or --revoke NAME")
	}
	parseAll := func(names []string) (data.LicenceSet, error) {
		var set data.LicenceSet
		for _, n := range names {
			l, err := data.ParseLicence(n)
			if err != nil {
				return 0, usagef("user licence: %v", err)
			}
			set |= l
		}
		return set, nil
	}
	g, err := parseAll(grant)
	if err != nil {
		return err
	}
	r, err := parseAll(revoke)
	if err != nil {
		return err
	}
	if g&r != 0 {
		return usagef("user licence: %s is both granted and revoked", (g & r).String())
	}
	return withApp(e, func(a *app.App) error {
		if _, err := a.Do(ctx, app.ChangeLicences{User: pos[0], Grant: g, Revoke: r, DropDependent: *drop}); err != nil {
			return err
		}
		d, err := a.UserDetail(ctx, pos[0])
		if err != nil {
			return err
		}
		tabs := make([]string, len(d.Tabs))
		for i, t := range d.Tabs {
			tabs[i] = string(t)
		}
		fmt.Fprintf(e.stderr, "%s now holds: %s; tabs: %s\n", d.User.UPN, licenceList(d.User.Licences), strings.Join(tabs, ", "))
		return nil
	})
}

func licenceList(l data.LicenceSet) string {
	if l == 0 {
		return "no licence"
	}
	return l.String()
}
