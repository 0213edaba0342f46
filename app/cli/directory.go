package cli

import (
	"context"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// directoryUserJSON is one user of 'directory users --format json': exactly Graph's
// field names, with null for a value the directory does not have.
type directoryUserJSON struct {
	ID                string  `json:"id"`
	DisplayName       *string `json:"displayName"`
	GivenName         *string `json:"givenName"`
	Surname           *string `json:"surname"`
	UserPrincipalName *string `json:"userPrincipalName"`
	Mail              *string `json:"mail"`
	Department        *string `json:"department"`
	JobTitle          *string `json:"jobTitle"`
	AccountEnabled    *bool   `json:"accountEnabled"`
}

// directoryTeamJSON is one Team of 'directory teams --format json'.
type directoryTeamJSON struct {
	ID          string   `json:"id"`
	DisplayName string   `json:"displayName"`
	Members     []string `json:"members"`
	Owners      []string `json:"owners"`
}

func directoryNullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func runDirectoryUsers(ctx context.Context, e env, args []string) error {
	fs := newFlags("directory users")
	search := fs.String("search", "", "words that must all match (name, UPN, @domain, mail, department, id)")
	f := formatFlag(fs, "table, csv or json")
	prov := provenanceFlag(fs)
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		users, err := a.SearchDirectory(ctx, app.DirectoryQuery{Search: *search})
		if err != nil {
			return err
		}
		if *f == "json" {
			out := make([]directoryUserJSON, len(users))
			for i, u := range users {
				out[i] = directoryUserJSON{u.ID, directoryNullable(u.DisplayName), directoryNullable(u.GivenName),
					directoryNullable(u.Surname), directoryNullable(u.UPN), directoryNullable(u.Mail),
					directoryNullable(u.Department), directoryNullable(u.JobTitle), u.AccountEnabled}
			}
			if err := writeJSON(e.stdout, out); err != nil {
				return err
			}
			return writeProvenance(ctx, a, fs, *prov, len(users))
		}
		rows := make([][]string, len(users))
		for i, u := range users {
			rows[i] = []string{u.DisplayName, u.UPN, u.ID, u.Mail, u.Department, u.JobTitle, directoryEnabled(u), yesNo(u.IsNimbusUser)}
		}
		if err := writeTable(e.stdout, *f, []string{"Display Name", "UPN", "O365 ID", "Mail", "Department", "Job Title", "Enabled", "Nimbus User"}, rows); err != nil {
			return err
		}
		return writeProvenance(ctx, a, fs, *prov, len(users))
	})
}

func directoryEnabled(u data.DirectoryEntry) string {
	if u.AccountEnabled == nil {
		return ""
	}
	return yesNo(*u.AccountEnabled)
}

func runDirectoryTeams(ctx context.Context, e env, args []string) error {
	fs := newFlags("directory teams")
	f := formatFlag(fs, "table, csv or json")
	prov := provenanceFlag(fs)
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		teams, err := a.DirectoryTeams(ctx)
		if err != nil {
			return err
		}
		if *f == "json" {
			out := make([]directoryTeamJSON, len(teams))
			for i, t := range teams {
				out[i] = directoryTeamJSON(t)
			}
			if err := writeJSON(e.stdout, out); err != nil {
				return err
			}
			return writeProvenance(ctx, a, fs, *prov, len(teams))
		}
		rows := make([][]string, len(teams))
		for i, t := range teams {
			rows[i] = []string{t.DisplayName, t.ID, strconv.Itoa(len(t.Members)), strconv.Itoa(len(t.Owners)), strings.Join(t.Owners, " ")}
		}
		if err := writeTable(e.stdout, *f, []string{"Team", "Id", "Members", "Owners", "Owner ids"}, rows); err != nil {
			return err
		}
		return writeProvenance(ctx, a, fs, *prov, len(teams))
	})
}
