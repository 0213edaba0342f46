package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

func runUserShow(ctx context.Context, e env, args []string) error {
	fs := newFlags("user show")
	f := format("table")
	fs.Var(&f, "format", "table or json")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Store().Close()
	d, err := a.UserDetail(ctx, pos[0])
	if err != nil {
		return err
	}
	tree, err := a.OUTree(ctx)
	if err != nil {
		return err
	}
	var x detailExtras
	if x.roles, err = a.RoleStatus(ctx, d.User.ID); err != nil {
		return err
	}
	if x.interact, err = a.InteractOptions(ctx, d.User.ID); err != nil {
		return err
	}
	v := newUserDetailJSON(d, tree, x)
	if f == "json" {
		return writeJSON(e.stdout, v)
	}
	return printUserDetail(e, v)
}

func printUserDetail(e env, v userDetailJSON) error {
	w := e.stdout
	fmt.Fprintf(w, "%s <%s>\n", v.DisplayName, v.UserPrincipalName)
	line := func(k, val string) { fmt.Fprintf(w, "  %-22s %s\n", k+":", val) }
	line("O365 ID", v.ID)
	line("First / last name", strings.TrimSpace(v.GivenName+" / "+v.Surname))
	line("Organization unit", v.OrganizationUnit)
	line("Department", v.Department)
	line("Origin", v.Origin)
	line("Licences", strings.Join(v.Licences, ", "))
	line("Tabs", strings.Join(v.Tabs, ", "))
	if v.Deletable {
		line("Delete", "allowed")
	} else {
		line("Delete", "blocked: "+v.DeleteBlockedReason)
	}
	for _, s := range v.Services {
		line("Service", fmt.Sprintf("%s (%s, %d users, as %s)", s.Name, s.AssignmentType, s.Users, strings.Join(s.Memberships, ", ")))
	}
	for _, r := range v.Roles {
		auto := ""
		if r.AutoGranted {
			auto = ", granted automatically"
		}
		line("Role", fmt.Sprintf("%s in %s%s", r.Role, r.Scope, auto))
	}
	return nil
}

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
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Store().Close()
	if err := a.ChangeLicences(ctx, pos[0], g, r, *drop); err != nil {
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
}

func licenceList(l data.LicenceSet) string {
	if l == 0 {
		return "no licence"
	}
	return l.String()
}
