package cli

import (
	"context"
	"fmt"

	"nimbusadmin/auth"
	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
)

// syncDemo is 'nimbusadmin --demo sync': the demo tenant's directory and Teams are
// served by an in-process simulated Microsoft tenant on loopback HTTPS, the real MSAL
// client signs in to it with an auto-approved device code, and the real Graph client
// syncs from it, so that the demo runs the code path of a real tenant. The round is
// always full: the simulated tenant lives only as long as this command.
func syncDemo(ctx context.Context, e env) error {
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Store().Close()
	var people []data.DirectoryUser
	if err := a.Store().Read(ctx).EachDirectoryUser(func(d data.DirectoryEntry) bool {
		people = append(people, d.DirectoryUser)
		return true
	}); err != nil {
		return err
	}
	teams, err := a.DirectoryTeams(ctx)
	if err != nil {
		return err
	}
	list := make([]simtenant.Team, len(teams))
	for i, t := range teams {
		list[i] = simtenant.Team(t)
	}
	authority := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true, UserName: "Demo Admin"})
	s, err := simtenant.Start(simtenant.Options{People: people, TeamList: list, Auth: authority, CheckToken: authority.CheckToken})
	if err != nil {
		return err
	}
	defer s.Close()
	session, err := auth.NewSession(auth.Config{
		Endpoints:  auth.Endpoints{Cloud: "custom", AuthorityHost: s.URL, GraphURL: s.GraphURL()},
		Tenant:     authority.TenantID(),
		ClientID:   "nimbusadmin-demo",
		NoKeyring:  true,
		HTTPClient: s.Client(),
		Prompt: func(dc auth.DeviceCode) {
			fmt.Fprintf(e.stderr, "%s\n(the demo tenant approves the code by itself)\n", dc.Message)
		},
	})
	if err != nil {
		return err
	}
	acc, err := session.SignIn(ctx)
	if err != nil {
		return err
	}
	client, err := graph.New(s.GraphURL(), session, s.Client())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Signed in to the simulated demo tenant as %s; syncing its %d users and %d Teams from %s…\n",
		acc.Username, len(people), len(teams), s.GraphURL())
	return syncAndReport(ctx, e, a, client, true)
}
