package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

func runUserRoleAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags("user role add")
	ou := fs.String("ou", "", "the OU id or path the role applies to")
	pos, err := parse(fs, args, 2, "a user (O365 ID or UPN) and a role")
	if err != nil {
		return err
	}
	if *ou == "" {
		return usagef("user role add needs --ou OU: the scope the role applies to (an OU id or path; see 'ous')")
	}
	return withApp(e, func(a *app.App) error {
		role, err := a.FindRole(ctx, pos[1])
		if err != nil {
			return err
		}
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		scope, err := tree.Resolve(*ou)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.AssignRole{User: pos[0], Role: role.ID, Scope: scope}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s now holds %s in %s.\n", pos[0], role.Name, tree.Path(scope))
		return nil
	})
}

func runUserRoleRemove(ctx context.Context, e env, args []string) error {
	fs := newFlags("user role remove")
	ou := fs.String("ou", "", "the OU id or path of the scope to remove (needed when they hold the role in several)")
	pos, err := parse(fs, args, 2, "a user (O365 ID or UPN) and a role")
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		role, as, tree, err := heldRole(ctx, a, pos[0], pos[1], *ou)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.RemoveRole{User: pos[0], Assignment: as.ID}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s no longer holds %s in %s.\n", pos[0], role.Name, tree.Path(as.ScopeOUID))
		return nil
	})
}

func runUserRoleScope(ctx context.Context, e env, args []string) error {
	fs := newFlags("user role scope")
	to := fs.String("to", "", "the OU id or path the role applies to from now on")
	ou := fs.String("ou", "", "the OU id or path of the scope it has now (needed when they hold the role in several)")
	pos, err := parse(fs, args, 2, "a user (O365 ID or UPN) and a role")
	if err != nil {
		return err
	}
	if *to == "" {
		return usagef("user role scope needs --to OU: the scope the role applies to from now on (an OU id or path; see 'ous')")
	}
	return withApp(e, func(a *app.App) error {
		role, as, tree, err := heldRole(ctx, a, pos[0], pos[1], *ou)
		if err != nil {
			return err
		}
		scope, err := tree.Resolve(*to)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.ChangeRoleScope{User: pos[0], Assignment: as.ID, Scope: scope}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s now holds %s in %s (was %s).\n", pos[0], role.Name, tree.Path(scope), tree.Path(as.ScopeOUID))
		return nil
	})
}

// heldRole finds the role a command line names and the user's assignment of it that a
// change acts on, with the OU tree to name scopes by.
func heldRole(ctx context.Context, a *app.App, user, roleRef, ou string) (data.Role, data.RoleAssignment, *outree.Tree, error) {
	role, err := a.FindRole(ctx, roleRef)
	if err != nil {
		return role, data.RoleAssignment{}, nil, err
	}
	d, err := a.UserDetail(ctx, user)
	if err != nil {
		return role, data.RoleAssignment{}, nil, err
	}
	tree, err := a.OUTree(ctx)
	if err != nil {
		return role, data.RoleAssignment{}, nil, err
	}
	as, err := roleAssignment(d, role, tree, ou)
	return role, as, tree, err
}

// roleAssignment picks the user's assignment of the role to change: the one in the scope
// ou names, or the only one when ou is empty. Several scopes and no --ou is a command
// line that says too little, so it lists the scopes to choose from.
func roleAssignment(d app.UserDetail, role data.Role, tree *outree.Tree, ou string) (data.RoleAssignment, error) {
	var held []data.RoleAssignment
	for _, r := range d.Roles {
		if r.Role.ID == role.ID {
			held = append(held, r)
		}
	}
	who := d.User.DisplayName
	if who == "" {
		who = d.User.UPN
	}
	if ou != "" {
		scope, err := tree.Resolve(ou)
		if err != nil {
			return data.RoleAssignment{}, err
		}
		for _, r := range held {
			if r.ScopeOUID == scope {
				return r, nil
			}
		}
		return data.RoleAssignment{}, fmt.Errorf("%s does not hold %s in %s; 'user show' lists their roles", who, role.Name, tree.Path(scope))
	}
	switch len(held) {
	case 0:
		return data.RoleAssignment{}, fmt.Errorf("%s does not hold %s; 'user show' lists their roles", who, role.Name)
	case 1:
		return held[0], nil
	}
	scopes := make([]string, len(held))
	for i, r := range held {
		scopes[i] = tree.Path(r.ScopeOUID)
	}
	return data.RoleAssignment{}, usagef("%s holds %s in %d scopes (%s): say which with --ou", who, role.Name, len(held), strings.Join(scopes, ", "))
}
