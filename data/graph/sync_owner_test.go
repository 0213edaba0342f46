package graph_test

import (
	"context"
	"slices"
	"testing"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// ownerRoles lists the Team Owner roles a user holds from a service.
func ownerRoles(t *testing.T, a *app.App, user string, service int64) []string {
	t.Helper()
	d, err := a.UserDetail(context.Background(), user)
	if err != nil {
		t.Fatalf("%s: %v", user, err)
	}
	var out []string
	for _, r := range d.Roles {
		if r.SourceServiceID == service && (r.Role.BuiltinKey == data.RoleTeamOwner || r.Role.BuiltinKey == data.RoleTeamOwnerLimited) {
			if !r.AutoGranted {
				t.Errorf("%s holds %s by hand; it follows the Team", user, r.Role.Name)
			}
			out = append(out, r.Role.Name)
		}
	}
	return out
}

// A new Team owner gets the service's default owner role; an owner an admin switched to
// Team Owner (limited) keeps it through the next sync; an owner who stops owning the
// Team loses the limited role as they would the full one.
func TestTeamOwnersGetTheDefaultOwnerRoleAndKeepAnAdminsSwitch(t *testing.T) {
	ctx := context.Background()
	s, c := startTenant(t, simtenant.Options{Users: 400})
	a := newCache(t, "")
	sync(t, a, c, false)
	team := s.Teams()[0]
	hotline, err := a.CreateTeamsService(ctx, team.ID, rootOU(t, a))
	mustDo(t, err)
	if len(team.Owners) == 0 {
		t.Fatal("the first Team has no owner")
	}
	switched := team.Owners[0]
	if got := ownerRoles(t, a, switched, hotline); !slices.Equal(got, []string{"Team Owner"}) {
		t.Fatalf("a provisioned owner holds %v, want Team Owner (the default)", got)
	}
	mustDo(t, a.SetServiceOwnerRole(ctx, hotline, switched, data.LimitedOwner))
	mustDo(t, a.SetTeamsServiceSettings(ctx, hotline, app.TeamsServiceSettings{DefaultOwnerRole: data.LimitedOwner, MembersCanChangeActive: true}))

	var newcomer string
	for _, m := range team.Members {
		if !slices.Contains(team.Owners, m) {
			newcomer = m
			break
		}
	}
	if newcomer == "" {
		t.Fatal("the first Team has no member who is not an owner")
	}
	mustDo(t, s.SetTeamMembers(team.ID, team.Members, append(slices.Clone(team.Owners), newcomer)))
	sync(t, a, c, false)
	if got := ownerRoles(t, a, newcomer, hotline); !slices.Equal(got, []string{"Team Owner (limited)"}) {
		t.Errorf("a new owner of a service whose default is limited holds %v", got)
	}
	if got := ownerRoles(t, a, switched, hotline); !slices.Equal(got, []string{"Team Owner (limited)"}) {
		t.Errorf("the owner the admin switched to limited holds %v after the next sync", got)
	}

	// The switched owner stops owning the Team but stays a member: the limited role goes.
	members := team.Members
	if !slices.Contains(members, switched) {
		members = append(slices.Clone(members), switched)
	}
	owners := slices.DeleteFunc(slices.Clone(team.Owners), func(o string) bool { return o == switched })
	mustDo(t, s.SetTeamMembers(team.ID, members, append(owners, newcomer)))
	sync(t, a, c, false)
	if got := ownerRoles(t, a, switched, hotline); len(got) != 0 {
		t.Errorf("an owner who no longer owns the Team still holds %v", got)
	}
	d, err := a.UserDetail(ctx, switched)
	mustDo(t, err)
	if !hasAutoRole(d.User, d, "Team Member") {
		t.Errorf("the former owner, still a member, lost Team Member: %+v", d.Roles)
	}
}
