package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
)

type configRoleJSON struct {
	ID          int64             `json:"id"`
	Name        string            `json:"name"`
	OUPath      string            `json:"ouPath"`
	Description string            `json:"description"`
	Permissions map[string]string `json:"permissions"`
	Holders     []configHolder    `json:"holders"`
}

type configHolder struct {
	ID                string `json:"id"`
	DisplayName       string `json:"displayName"`
	UserPrincipalName string `json:"userPrincipalName"`
	Scope             string `json:"scope"`
}

// runConfigRole shows a custom role with its permission tree, or replaces its permissions.
func runConfigRole(ctx context.Context, e env, sub string, args []string) error {
	fs := newFlags("config custom-roles " + sub)
	f := formatFlag(fs, "table or json")
	set := fs.String("set", "", "the new permissions, e.g. users.list=R,users.skills=CRUD")
	pos, err := parse(fs, args, 1, "the id or name of one custom role")
	if err != nil {
		return err
	}
	if sub == "permissions" && *set == "" {
		return usagef("config custom-roles permissions needs --set ITEM=CRUD,...")
	}
	return withApp(e, func(a *app.App) error {
		it, err := a.FindConfigItem(ctx, data.ConfigCustomRoles, pos[0])
		if err != nil {
			return err
		}
		r, err := a.CustomRole(ctx, it.ID)
		if err != nil {
			return err
		}
		if sub == "permissions" {
			p, err := permissions.Parse(*set)
			if err != nil {
				return usagef("--set: %v", err)
			}
			r.Permissions = p
			_, err = a.Do(ctx, app.UpdateCustomRole{Role: r.ID, CustomRoleSpec: r.CustomRoleSpec})
			return err
		}
		return configPrintRole(e, r, *f)
	})
}

func configPrintRole(e env, r app.CustomRole, f format) error {
	v := configRoleJSON{ID: r.ID, Name: r.Name, OUPath: r.OUPath, Description: r.Description,
		Permissions: map[string]string{}, Holders: []configHolder{}}
	for k, bits := range r.Permissions {
		v.Permissions[k] = permissions.Text(bits)
	}
	for _, h := range r.Holders {
		v.Holders = append(v.Holders, configHolder{h.UserID, h.DisplayName, h.UPN, h.ScopePath})
	}
	if f == "json" {
		return writeJSON(e.stdout, v)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s (in %s): %s\n", r.Name, r.OUPath, r.Description)
	var walk func(nodes []permissions.Item, depth int)
	walk = func(nodes []permissions.Item, depth int) {
		for _, n := range nodes {
			fmt.Fprintf(w, "  %s  %-*s %s\n", configStates(r.Permissions, n.Key), 2*depth, "", n.Name)
			walk(n.Children, depth+1)
		}
	}
	fmt.Fprintln(w, "  CRUD  (x: set, ~: set on some items below, -: not set)")
	walk(permissions.Tree(), 0)
	for _, h := range v.Holders {
		fmt.Fprintf(w, "Held by %s <%s> in %s\n", h.DisplayName, h.UserPrincipalName, h.Scope)
	}
	return nil
}

// configStates writes the four boxes of one item of the tree as the window shows them.
func configStates(p permissions.Set, key string) string {
	var b strings.Builder
	for _, bit := range permissions.Bits {
		switch p.State(key, bit) {
		case permissions.On:
			b.WriteByte('x')
		case permissions.Partial:
			b.WriteByte('~')
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// configUpdateRole changes a custom role's description, and its name and OU when given,
// as the window's role editor does: its permissions stay.
func configUpdateRole(ctx context.Context, a *app.App, ref, newName, ou, description string) error {
	it, err := a.FindConfigItem(ctx, data.ConfigCustomRoles, ref)
	if err != nil {
		return err
	}
	r, err := a.CustomRole(ctx, it.ID)
	if err != nil {
		return err
	}
	spec := r.CustomRoleSpec
	spec.Description = description
	if newName != "" {
		spec.Name = newName
	}
	if ou != "" {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		if spec.OUID, err = tree.Resolve(ou); err != nil {
			return err
		}
	}
	_, err = a.Do(ctx, app.UpdateCustomRole{Role: r.ID, CustomRoleSpec: spec})
	return err
}
