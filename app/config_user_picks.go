package app

import (
	"context"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// NimbusUserPick is a Nimbus user as a picker offers them.
type NimbusUserPick = data.NimbusUserPick

// PickNimbusUsers finds the first Nimbus users, by name, that the search words match (as
// the user list matches them: name, UPN, mail, department, id), at most limit of them. It stops
// reading as soon as it has them, so that a picker is as quick on 100,000 users as on
// a hundred for any search that finds people.
func (a *App) PickNimbusUsers(ctx context.Context, search string, limit int) ([]NimbusUserPick, error) {
	words := userlist.NewSearch(search)
	var out []NimbusUserPick
	err := a.store.Read(ctx).EachNimbusUserByName(func(p NimbusUserPick) bool {
		if words.Matches(p.DisplayName, p.UPN, p.ID, p.Mail, p.Department) {
			out = append(out, p)
		}
		return len(out) < limit
	})
	return out, err
}
