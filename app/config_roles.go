package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
)

// CustomRoleSpec is what an admin defines for a custom role: its name, the
// OU it is visible in, a description and the permission tree.
type CustomRoleSpec struct {
	Name        string          `json:"name"`
	OUID        int64           `json:"ou"`
	Description string          `json:"description,omitempty"`
	Permissions permissions.Set `json:"permissions"`
}

// CustomRoleHolder is a user holding a custom role, with the scope they hold it in.
type CustomRoleHolder struct {
	UserID      string
	DisplayName string
	UPN         string
	ScopePath   string
}

// CustomRole is a custom role with its permissions and the users holding it.
type CustomRole struct {
	ID int64
	CustomRoleSpec
	OUPath  string
	Holders []CustomRoleHolder
	Version data.RowVersion // what a change made on this view is based on
}

// CustomRole loads a custom role with every user holding it, as the command line
// prints it.
func (a *App) CustomRole(ctx context.Context, id int64) (CustomRole, error) {
	out, err := a.CustomRoleDefinition(ctx, id)
	if err != nil {
		return CustomRole{}, err
	}
	q := a.store.Read(ctx)
	tree, err := loadTree(q)
	if err != nil {
		return CustomRole{}, err
	}
	holders, err := q.ConfigRoleHolders(id)
	if err != nil {
		return CustomRole{}, err
	}
	for _, h := range holders {
		out.Holders = append(out.Holders, CustomRoleHolder{h.UserID, h.DisplayName, h.UPN, tree.Path(h.ScopeOUID)})
	}
	return out, nil
}

// CustomRoleDefinition loads a custom role without its holders, for the role editor:
// a role held by thousands opens as fast as one held by nobody (CustomRoleHolders reads
// them page by page).
func (a *App) CustomRoleDefinition(ctx context.Context, id int64) (CustomRole, error) {
	q := a.store.Read(ctx)
	version, err := a.RowVersion(ctx, "role", strconv.FormatInt(id, 10)) // before the role: see RowVersion
	if err != nil {
		return CustomRole{}, err
	}
	r, err := configCustomRole(q, id)
	if err != nil {
		return CustomRole{}, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return CustomRole{}, err
	}
	perms, err := q.RolePermissions(id)
	if err != nil {
		return CustomRole{}, err
	}
	set := permissions.Set(perms)
	set.Follow() // a role stored before "Users" followed "Users list" reads as it now works
	return CustomRole{ID: r.ID, CustomRoleSpec: CustomRoleSpec{r.Name, r.OUID, r.Description, set},
		OUPath: tree.Path(r.OUID), Version: version}, nil
}

// CustomRoleHolderCount counts the users holding a role, counted where they are stored.
func (a *App) CustomRoleHolderCount(ctx context.Context, id int64) (int, error) {
	return a.store.Read(ctx).ConfigRoleHolderCount(id)
}

// CustomRoleHolders reads one page of a role's holders by name, for a list that reads
// them as it scrolls.
func (a *App) CustomRoleHolders(ctx context.Context, id int64, offset, limit int) ([]CustomRoleHolder, error) {
	q := a.store.Read(ctx)
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	holders, err := q.ConfigRoleHoldersPage(id, offset, limit)
	if err != nil {
		return nil, err
	}
	out := make([]CustomRoleHolder, len(holders))
	for i, h := range holders {
		out[i] = CustomRoleHolder{h.UserID, h.DisplayName, h.UPN, tree.Path(h.ScopeOUID)}
	}
	return out, nil
}

func configCustomRole(q *data.Q, id int64) (data.Role, error) {
	r, err := q.Role(id)
	if errors.Is(err, data.ErrNotFound) || (err == nil && r.Kind != data.CustomRole) {
		return r, &NotFoundError{What: "custom role", Key: fmt.Sprint(id)}
	}
	return r, err
}

// CreateCustomRole adds a custom role. Its name must differ from every role's, built-in
// ones included; Create, Update and Delete bring Read with them.
type CreateCustomRole struct {
	Base
	CustomRoleSpec
}

// Kind names the command.
func (CreateCustomRole) Kind() string { return "config.custom-role.create" }

func (cmd CreateCustomRole) apply(c *changeCtx) ([]data.JournalEntry, error) {
	spec := cmd.CustomRoleSpec
	var perms permissions.Set
	check := func(*data.Q, *outree.Tree) (string, error) {
		var err error
		perms, err = normalisePermissions(spec.Permissions)
		return "with " + perms.String(), err
	}
	return configCreateItem(c, data.ConfigCustomRoles, spec.Name, spec.OUID, check, func(q *data.Q, name string) (int64, error) {
		id, err := q.CreateCustomRole(name, spec.OUID, strings.TrimSpace(spec.Description))
		if err != nil {
			return 0, err
		}
		return id, q.ConfigSetRolePermissions(id, perms)
	})
}

// CreateCustomRole is shorthand for Do with CreateCustomRole, for code that acts at once;
// it returns the new role's id.
func (a *App) CreateCustomRole(ctx context.Context, spec CustomRoleSpec) (int64, error) {
	return a.create(ctx, CreateCustomRole{CustomRoleSpec: spec})
}

// UpdateCustomRole changes a custom role. It cannot move to an OU that some holder's own
// OU is not in or below: they could no longer hold it.
type UpdateCustomRole struct {
	Base
	Role int64 `json:"role"`
	CustomRoleSpec
}

// Kind names the command.
func (UpdateCustomRole) Kind() string { return "config.custom-role.update" }

func (cmd UpdateCustomRole) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	spec := cmd.CustomRoleSpec
	old, err := configCustomRole(q, cmd.Role)
	if err != nil {
		return nil, err
	}
	if err := may.tenantAdmin(fmt.Sprintf("changing the custom role %q", old.Name)); err != nil {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	name, err := configCheckNewItem(q, tree, data.ConfigCustomRoles, spec.Name, spec.OUID, cmd.Role)
	if err != nil {
		return nil, err
	}
	perms, err := normalisePermissions(spec.Permissions)
	if err != nil {
		return nil, err
	}
	holders, err := q.ConfigRoleHolders(cmd.Role)
	if err != nil {
		return nil, err
	}
	for _, h := range holders {
		u, err := findUser(q, h.UserID)
		if err != nil {
			return nil, err
		}
		if !tree.IsSameOrAncestor(spec.OUID, u.OUID) {
			return nil, refuse("role.holder-scope", "cannot move the custom role %q to %s: its holder %s lives in %s, outside it; remove the role from them first",
				old.Name, tree.Path(spec.OUID), displayName(u), tree.Path(u.OUID))
		}
	}
	oldPerms, err := q.RolePermissions(cmd.Role)
	if err != nil {
		return nil, err
	}
	desc := strings.TrimSpace(spec.Description)
	var entries []data.JournalEntry
	if name != old.Name || spec.OUID != old.OUID || desc != old.Description {
		if err := q.ConfigUpdateCustomRole(cmd.Role, name, spec.OUID, desc); err != nil {
			return nil, err
		}
		entries = append(entries, entry("config.custom-roles.update", old.Name,
			fmt.Sprintf("%s in %s: %s", old.Name, tree.Path(old.OUID), old.Description),
			fmt.Sprintf("%s in %s: %s", name, tree.Path(spec.OUID), desc)))
	}
	if was := permissions.Set(oldPerms).String(); was != perms.String() {
		if err := q.ConfigSetRolePermissions(cmd.Role, perms); err != nil {
			return nil, err
		}
		entries = append(entries, entry("config.custom-roles.permissions", name, was, perms.String()))
	}
	return entries, nil
}
