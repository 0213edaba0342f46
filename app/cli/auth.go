package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/auth"
)

// authSession is the sign-in session the global flags describe; the device-code message
// goes to stderr so that stdout stays clean for scripts. The sync verb uses it too.
func authSession(e env) (*auth.Session, error) {
	g := e.globals
	endpoints, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return auth.NewSession(auth.Config{
		Endpoints:  endpoints,
		Tenant:     g.Tenant,
		ClientID:   g.ClientID,
		NoKeyring:  g.NoKeyring,
		HTTPClient: e.httpClient,
		Keyring:    e.keyring,
		Prompt: func(dc auth.DeviceCode) {
			fmt.Fprintln(e.stderr, dc.Message)
			fmt.Fprintf(e.stderr, "Waiting for the sign-in (the code expires at %s; Ctrl-C cancels)…\n", dc.ExpiresOn.Local().Format("15:04"))
		},
	})
}

func runSignIn(ctx context.Context, e env, args []string) error {
	if _, err := parse(newFlags("signin"), args, 0, ""); err != nil {
		return err
	}
	s, err := authSession(e)
	if err != nil {
		return err
	}
	before, had, _ := s.Account(ctx)
	acc, err := s.SignIn(ctx)
	if err != nil {
		return err
	}
	if had && before.HomeAccountID == acc.HomeAccountID {
		fmt.Fprintf(e.stdout, "Already signed in as %s (tenant %s).\n", acc.Username, acc.TenantID)
	} else {
		fmt.Fprintf(e.stdout, "Signed in as %s (tenant %s).\n", acc.Username, acc.TenantID)
	}
	if e.globals.NoKeyring {
		fmt.Fprintln(e.stderr, "With --no-keyring the tokens end with this process: give --no-keyring to 'sync' itself to sign in and sync in one go.")
	}
	return nil
}

func runSignOut(ctx context.Context, e env, args []string) error {
	if _, err := parse(newFlags("signout"), args, 0, ""); err != nil {
		return err
	}
	s, err := authSession(e)
	if err != nil {
		return err
	}
	acc, had, _ := s.Account(ctx)
	if err := s.SignOut(ctx); err != nil {
		return fmt.Errorf("sign-out incomplete: %w", err)
	}
	if had {
		fmt.Fprintf(e.stdout, "Signed out %s; its tokens are gone from this computer.\n", acc.Username)
	} else {
		fmt.Fprintln(e.stdout, "Nobody was signed in; nothing is left on this computer.")
	}
	return nil
}

// authStatusJSON is the stable JSON of 'status'; it holds no token by construction.
type authStatusJSON struct {
	Tenant         string             `json:"tenant"`
	Cloud          string             `json:"cloud"`
	AuthorityHost  string             `json:"authorityHost"`
	GraphURL       string             `json:"graphUrl"`
	SignedIn       bool               `json:"signedIn"`
	Account        *authJSON          `json:"account"`
	AccountProblem string             `json:"accountProblem,omitempty"`
	TokenCache     string             `json:"tokenCache"`
	Cache          string             `json:"cache"`
	LastSync       *time.Time         `json:"lastSync"`
	Age            *int64             `json:"age"`       // seconds since lastSync; null when never synced
	Freshness      string             `json:"freshness"` // fresh, stale, very-stale or never; "" without a cache
	Counts         *authCountsJSON    `json:"counts"`
	Licences       []licenceTotalJSON `json:"licences"`
	ActingAs       *actingJSON        `json:"actingAs"`
	totals         []app.LicenceTotal // the licences, for the table
	freshLine      string             // "Last synced 14:02 (3 h ago)", for the table
}

type authJSON struct {
	Username string `json:"username"`
	Name     string `json:"name"`
	TenantID string `json:"tenantId"`
}

// actingJSON is who changes the cache and what they may change.
type actingJSON struct {
	Actor  string `json:"actor"`
	Rights string `json:"rights"`
}

type authCountsJSON struct {
	DirectoryUsers int `json:"directoryUsers"`
	Teams          int `json:"teams"`
	NimbusUsers    int `json:"nimbusUsers"`
	Services       int `json:"services"`
}

func runAuthStatus(ctx context.Context, e env, args []string) error {
	fs := newFlags("status")
	f := formatFlag(fs, "table or json")
	staleAfter, err := staleAfterFlag(fs, e.getenv)
	if err != nil {
		return err
	}
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	if *staleAfter <= 0 {
		return usagef("status: --stale-after must be a positive duration such as 24h")
	}
	st, err := authStatus(ctx, e, *staleAfter)
	if err != nil {
		return err
	}
	if *f == "json" {
		return writeJSON(e.stdout, st)
	}
	rows := [][]string{{"Tenant", st.Tenant}, {"Cloud", st.Cloud}, {"Authority", st.AuthorityHost}, {"Graph", st.GraphURL}}
	switch {
	case st.Account != nil:
		who := st.Account.Username
		if st.Account.Name != "" {
			who += " (" + st.Account.Name + ")"
		}
		rows = append(rows, []string{"Signed in as", who + ", tenant " + st.Account.TenantID})
	case st.AccountProblem != "":
		rows = append(rows, []string{"Signed in as", "unknown: " + st.AccountProblem})
	default:
		rows = append(rows, []string{"Signed in as", "nobody (run 'nimbusadmin signin')"})
	}
	rows = append(rows, []string{"Token cache", st.TokenCache}, []string{"Cache", st.Cache})
	if st.ActingAs != nil {
		rows = append(rows, []string{"Acting as", st.ActingAs.Actor + ", " + st.ActingAs.Rights})
	}
	if st.Counts != nil {
		last := "never"
		if st.LastSync != nil {
			last = st.LastSync.Local().Format("2006-01-02 15:04")
		}
		rows = append(rows, []string{"Last sync", last}, freshnessRow(st),
			[]string{"Directory users", fmt.Sprint(st.Counts.DirectoryUsers)}, []string{"Teams", fmt.Sprint(st.Counts.Teams)},
			[]string{"Nimbus users", fmt.Sprint(st.Counts.NimbusUsers)}, []string{"Services", fmt.Sprint(st.Counts.Services)})
	}
	if err := writeTable(e.stdout, "table", []string{"What", "Value"}, rows); err != nil || len(st.totals) == 0 {
		return err
	}
	licences := make([][]string, len(st.totals))
	for i, t := range st.totals {
		licences[i] = []string{t.Licence.String(), t.Text()}
	}
	fmt.Fprintln(e.stdout)
	return writeTable(e.stdout, "table", []string{"Licence", "In use / contingent"}, licences)
}

// authStatus gathers the status from the token cache and the directory cache alone: it
// works offline and never asks for a token.
func authStatus(ctx context.Context, e env, staleAfter time.Duration) (authStatusJSON, error) {
	g := e.globals
	endpoints, err := auth.ResolveEndpoints(g.Cloud, g.Authority, g.GraphURL)
	if err != nil {
		return authStatusJSON{}, usagef("%v", err)
	}
	st := authStatusJSON{Tenant: g.Tenant, Cloud: endpoints.Cloud, AuthorityHost: endpoints.AuthorityHost, GraphURL: endpoints.GraphURL,
		TokenCache: "memory only (--no-keyring)", Cache: "none (give --db PATH, or --demo)"}
	s, err := authSession(e)
	if err != nil {
		return st, err
	}
	if p := s.CachePath(); p != "" {
		st.TokenCache = p + " (encrypted; key in the OS keyring)"
	}
	acc, ok, err := s.Account(ctx)
	switch {
	case err != nil:
		st.AccountProblem = err.Error()
	case ok:
		st.SignedIn, st.Account = true, &authJSON{acc.Username, acc.Name, acc.TenantID}
	}
	if g.DB == "" && !g.Demo {
		if st.Account == nil {
			return st, nil
		}
		path, err := app.SyncCachePath(st.Account.TenantID)
		if err != nil {
			return st, err
		}
		if _, err := os.Stat(path); err != nil {
			st.Cache = path + " (not synced yet: run 'nimbusadmin sync')"
			return st, nil
		}
		e.open = func() (*app.App, error) {
			return app.OpenSession(ctx, app.SessionOptions{DBPath: path, ReadOnly: true})
		}
	}
	err = withApp(e, func(a *app.App) error {
		if err := authCacheStatus(ctx, a, &st); err != nil {
			return err
		}
		return freshnessOf(ctx, a, &st, time.Now(), staleAfter)
	})
	return st, err
}

// authCacheStatus adds to the status what the open cache holds and who acts on it.
func authCacheStatus(ctx context.Context, a *app.App, st *authStatusJSON) error {
	sum, err := a.CacheSummary(ctx)
	if err != nil {
		return err
	}
	st.Cache = a.CachePath()
	if sum.TenantName != "" {
		st.Cache += " (" + sum.TenantName + ")"
	}
	st.Counts = &authCountsJSON{sum.DirectoryUsers, sum.Teams, sum.NimbusUsers, sum.Services}
	totals, err := a.LicenceTotals(ctx)
	if err != nil {
		return err
	}
	st.Licences, st.totals = licenceTotalsJSON(totals), totals
	rights, err := a.Rights(ctx)
	if err != nil {
		return err
	}
	st.ActingAs = &actingJSON{rights.Actor, rights.Describe()}
	if rights.FirstUse {
		st.ActingAs.Rights = "Tenant Administrator while nobody is known to be one"
	}
	if !sum.LastSync.IsZero() {
		st.LastSync = &sum.LastSync
	}
	return nil
}
