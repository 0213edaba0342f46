package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// userJSON is one user of `users --format json`; the field names are a stable interface.
type userJSON struct {
	ID                 string   `json:"id"`
	DisplayName        string   `json:"displayName"`
	OrganizationUnit   string   `json:"organizationUnit"`
	OrganizationUnitID int64    `json:"organizationUnitId"`
	UserPrincipalName  string   `json:"userPrincipalName"`
	Department         string   `json:"department"`
	AttendantConsole   bool     `json:"attendantConsole"`
	ActiveProfile      string   `json:"activeProfile"`
	RoutingServices    int      `json:"routingServices"`
	Licences           []string `json:"licences"`
}

func runUsers(ctx context.Context, e env, args []string) error {
	fs := newFlags("users")
	search := fs.String("search", "", "words that must all match")
	ou := fs.String("ou", "", "OU id or path")
	ouOnly := fs.Bool("ou-only", false, "only the OU itself, not its subtree")
	department := fs.String("department", "", "department")
	role := fs.String("role", "", "holders of this role in any scope (its name as written, e.g. \"Supervisor (User)\", or its id)")
	var licences listFlag
	fs.Var(&licences, "licence", "licence the users must hold (repeatable)")
	f := formatFlag(fs, "table, csv or json")
	prov := provenanceFlag(fs)
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	filter := userlist.Filter{Search: *search, Department: *department}
	for _, name := range licences {
		l, err := data.ParseLicence(name)
		if err != nil {
			return usagef("users: %v", err)
		}
		filter.WithLicences |= l
	}
	if *ouOnly && *ou == "" {
		return usagef("users: --ou-only needs --ou")
	}
	return withApp(e, func(a *app.App) error {
		ix, err := a.LoadUserIndex(ctx)
		if err != nil {
			return err
		}
		if *role != "" {
			r, err := a.FindRole(ctx, *role)
			if err != nil {
				return err
			}
			if filter.Role, err = a.RoleHolders(ctx, r.ID); err != nil {
				return err
			}
		}
		if *ou != "" {
			id, err := ix.Tree.Resolve(*ou)
			if err != nil {
				return err
			}
			filter.OUs = ix.Tree.Subtree(id)
			if *ouOnly {
				filter.OUs = []int64{id}
			}
		}
		hits := ix.Filter(filter)
		if *f == "json" {
			out := make([]userJSON, len(hits))
			for i, h := range hits {
				r := ix.Rows[h]
				out[i] = userJSON{r.ID, r.DisplayName, r.OUPath, r.OUID, r.UPN, r.Department,
					r.Licences.Has(data.AttendantConsole), r.ActiveProfile, r.RoutingServices, r.Licences.Keys()}
			}
			if err := writeJSON(e.stdout, out); err != nil {
				return err
			}
			return writeProvenance(ctx, a, fs, *prov, len(hits))
		}
		rows := make([][]string, len(hits))
		for i, h := range hits {
			rows[i] = ix.Rows[h].Cells()
		}
		if err := writeTable(e.stdout, *f, userlist.ColumnTitles(), rows); err != nil {
			return err
		}
		if *f == "table" {
			fmt.Fprintf(e.stderr, "%d of %d users\n", len(hits), len(ix.Rows))
		}
		return writeProvenance(ctx, a, fs, *prov, len(hits))
	})
}

func runUsersDelete(ctx context.Context, e env, args []string) error {
	pos, err := parse(newFlags("users delete"), args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		losses, err := a.DeleteConsequences(ctx, pos[0])
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.DeleteUser{User: pos[0]}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Deleted %s from Nimbus%s; the directory and Microsoft Teams are unchanged.\n", pos[0], lossesText(losses))
		return nil
	})
}

// lossesText says what a deleted user lost with Nimbus: ": they left agent of the
// Skill-based service "Escalations" and lost the role Supervisor (User) in Sales".
func lossesText(l app.DeleteLosses) string {
	var parts []string
	if len(l.Services) > 0 {
		parts = append(parts, "they left "+wordList(l.Services))
	}
	switch len(l.Roles) {
	case 0:
	case 1:
		parts = append(parts, "lost the role "+l.Roles[0])
	default:
		parts = append(parts, "lost the roles "+wordList(l.Roles))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, " and ")
}

// wordList joins names as "a", "a and b", "a, b and c".
func wordList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
