package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
)

// memorySource is a directory held in memory, served a few users a page; it can cancel
// the sync reading it after a number of pages, as an admin's Cancel would while Graph
// answers.
type memorySource struct {
	users       []directory.User
	teams       []directory.Team
	admins      directory.AdminGroup
	cancelAfter int // pages; 0 for never
	cancel      context.CancelFunc
}

// memoryPageSize is the users a memorySource serves per page.
const memoryPageSize = 9

// UserDelta serves every user, page by page, stopping when ctx is cancelled as an HTTP
// request would.
func (m *memorySource) UserDelta(ctx context.Context, _ string, each func(directory.UserPage) error) (string, error) {
	for page, i := 1, 0; i < len(m.users); page, i = page+1, i+memoryPageSize {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		if err := each(directory.UserPage{Users: m.users[i:min(i+memoryPageSize, len(m.users))]}); err != nil {
			return "", err
		}
		if page == m.cancelAfter {
			m.cancel()
		}
	}
	return "memory-delta-link", ctx.Err()
}

// Teams lists the Teams with their members and owners.
func (m *memorySource) Teams(ctx context.Context) ([]directory.Team, error) {
	return m.teams, ctx.Err()
}

// AdminGroup answers with the one group it holds.
func (m *memorySource) AdminGroup(ctx context.Context, name string) (directory.AdminGroup, error) {
	g := m.admins
	g.Name = name
	return g, ctx.Err()
}

// directoryOf is the directory a cache holds, as a source that gives it back: its users,
// its Teams, and a tenant administration security group of its Tenant Administrators.
func directoryOf(a *App) (*memorySource, error) {
	q := a.store.Read(context.Background())
	src := &memorySource{}
	if err := q.EachDirectoryUser(func(d data.DirectoryEntry) bool {
		src.users = append(src.users, directoryUser(d.DirectoryUser))
		return true
	}); err != nil {
		return nil, err
	}
	teams, err := q.DirectoryTeams()
	if err != nil {
		return nil, err
	}
	for _, tm := range teams {
		src.teams = append(src.teams, directory.Team{ID: tm.ID, DisplayName: tm.DisplayName, Members: members(tm.Members), Owners: members(tm.Owners)})
	}
	admins, err := q.BuiltinRoleHolderIDs(data.RoleTenantAdmin)
	src.admins = directory.AdminGroup{Matches: 1, ID: "admin-group", Members: admins}
	return src, err
}

func members(ids []string) []directory.Member {
	m := make([]directory.Member, len(ids))
	for i, id := range ids {
		m[i] = directory.Member{ID: id}
	}
	return m
}

// directoryUser is a cached user as a full round's page lists it: every property.
func directoryUser(u data.DirectoryUser) directory.User {
	text := func(s string) directory.Field[string] {
		return directory.Field[string]{Set: true, Null: s == "", Value: s}
	}
	d := directory.User{ID: u.ID, DisplayName: text(u.DisplayName), GivenName: text(u.GivenName), Surname: text(u.Surname),
		UserPrincipalName: text(u.UPN), Mail: text(u.Mail), Department: text(u.Department), JobTitle: text(u.JobTitle),
		AccountEnabled: directory.Field[bool]{Set: true, Null: u.AccountEnabled == nil}}
	if u.AccountEnabled != nil {
		d.AccountEnabled.Value = *u.AccountEnabled
	}
	return d
}

// syncedState is what a sync decides in the cache, in text: the directory's users and
// who of them are Nimbus users, the Teams, the Teams-based services' members and owners,
// the Tenant Administrators and the saved delta link.
func syncedState(t *testing.T, a *App) string {
	t.Helper()
	q := a.store.Read(context.Background())
	var b strings.Builder
	err := q.EachDirectoryUser(func(d data.DirectoryEntry) bool {
		u := d.DirectoryUser
		enabled := "unknown"
		if u.AccountEnabled != nil {
			enabled = fmt.Sprint(*u.AccountEnabled)
		}
		u.AccountEnabled = nil
		fmt.Fprintf(&b, "user %+v enabled %s nimbus %v\n", u, enabled, d.IsNimbusUser)
		return true
	})
	teams, err2 := q.DirectoryTeams()
	services, err3 := q.Services()
	admins, err4 := q.BuiltinRoleHolderIDs(data.RoleTenantAdmin)
	link, err5 := q.SavedDeltaLink()
	for _, err := range []error{err, err2, err3, err4, err5} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tm := range teams {
		fmt.Fprintf(&b, "team %s %s %v %v\n", tm.ID, tm.DisplayName, slices.Sorted(slices.Values(tm.Members)), slices.Sorted(slices.Values(tm.Owners)))
	}
	for _, s := range services {
		refs, err := q.ServiceMemberRefs(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "service %s %v\n", s.Name, refs)
	}
	fmt.Fprintf(&b, "admins %v\nlink %s\n", slices.Sorted(slices.Values(admins)), link)
	return b.String()
}
