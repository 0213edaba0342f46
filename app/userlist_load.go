package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
)

// LoadUserIndex reads the user list and the OU tree once and prepares the search keys.
func (a *App) LoadUserIndex(ctx context.Context) (*userlist.Index, error) {
	q := a.store.Read(ctx)
	tree, err := a.OUTree(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := q.UserListRows()
	if err != nil {
		return nil, err
	}
	return userlist.NewIndex(rows, tree), nil
}

// RoleHolders reads who holds a role in any scope, for the Role filter.
func (a *App) RoleHolders(ctx context.Context, roleID int64) (*userlist.RoleHolders, error) {
	q := a.store.Read(ctx)
	role, err := q.Role(roleID)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: "role", Key: fmt.Sprint(roleID)}
	} else if err != nil {
		return nil, err
	}
	ids, err := q.RoleHolderIDs(roleID)
	if err != nil {
		return nil, err
	}
	return userlist.NewRoleHolders(role, ids), nil
}
