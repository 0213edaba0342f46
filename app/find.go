package app

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"nimbusadmin/data"
)

// Roles lists every role an admin can name: the built-in roles, then the custom roles.
func (a *App) Roles(ctx context.Context) ([]data.Role, error) {
	return a.store.Read(ctx).Roles()
}

// FindRole finds a role by id or by its name as the product writes it ("Supervisor
// (User)", a custom role's name), ignoring case, so that scripts can name roles.
func (a *App) FindRole(ctx context.Context, ref string) (data.Role, error) {
	ref = strings.TrimSpace(ref)
	q := a.store.Read(ctx)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		r, err := q.Role(id)
		if err == nil || !errors.Is(err, data.ErrNotFound) {
			return r, err
		}
	}
	roles, err := q.Roles()
	if err != nil {
		return data.Role{}, err
	}
	for _, r := range roles {
		if strings.EqualFold(r.Name, ref) {
			return r, nil
		}
	}
	return data.Role{}, &NotFoundError{What: "role", Key: ref}
}
