package app

import (
	"context"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// DirectoryQuery says which directory users to find: the same search words as the user
// list (all must match; "@domain" matches the UPN's and mail's domain).
type DirectoryQuery struct {
	Search        string
	ExcludeNimbus bool // hide people who are already Nimbus users (the Create dialog)
	Limit         int  // 0: no limit
}

// SearchDirectory finds directory users in the cache by name, UPN, @domain, mail,
// department or O365 ID. Nimbus never creates directory accounts; it picks from these.
func (a *App) SearchDirectory(ctx context.Context, dq DirectoryQuery) ([]data.DirectoryEntry, error) {
	search := userlist.NewSearch(dq.Search)
	var out []data.DirectoryEntry
	err := a.store.Read(ctx).EachDirectoryUser(func(e data.DirectoryEntry) bool {
		if dq.ExcludeNimbus && e.IsNimbusUser {
			return true
		}
		if search.Matches(e.DisplayName, e.UPN, e.ID, e.Mail, e.Department) {
			out = append(out, e)
		}
		return dq.Limit == 0 || len(out) < dq.Limit
	})
	return out, err
}
