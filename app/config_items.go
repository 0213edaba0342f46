package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// configNouns names one item of each kind in messages.
var configNouns = map[data.ConfigKind]string{
	data.ConfigSkillCategories: "skill category",
	data.ConfigSkills:          "skill",
	data.ConfigProfiles:        "responsibility profile",
	data.ConfigNAReasons:       "N/A reason",
	data.ConfigDomainTemplates: "domain template",
	data.ConfigSystemMessages:  "direct system message",
	data.ConfigCallTemplates:   "direct call template",
	data.ConfigCustomRoles:     "custom role",
}

// ConfigNoun is how messages and screens name one item of a kind ("skill category").
func ConfigNoun(k data.ConfigKind) string { return configNouns[k] }

// ConfigItem is one item of a kind with the OU it lives in and where it is used, as
// the configuration lists and `config <kind> list` show it.
type ConfigItem struct {
	ID      int64
	Name    string
	OUID    int64
	OUPath  string
	Detail  string
	Builtin bool
	Uses    []data.ConfigUse
	Version data.RowVersion // what a change made on this view is based on
}

// UsedBy says where the item is used ("2 users (Anna Åberg, Ben Okafor)"), or "" when
// nowhere.
func (it ConfigItem) UsedBy() string { return configUsesText(it.Uses) }

// ConfigItems lists the items of a kind with their OU and where each is used.
func (a *App) ConfigItems(ctx context.Context, k data.ConfigKind) ([]ConfigItem, error) {
	q := a.store.Read(ctx)
	entity := configEntities[k]
	versions, err := a.RowVersions(ctx, entity) // before the items: a write in between makes a change stale, never lost
	if err != nil {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	rows, err := q.ConfigRows(k)
	if err != nil {
		return nil, err
	}
	out := make([]ConfigItem, len(rows))
	for i, r := range rows {
		uses, err := q.ConfigUses(k, r.ID)
		if err != nil {
			return nil, err
		}
		out[i] = ConfigItem{ID: r.ID, Name: r.Name, OUID: r.OUID, OUPath: tree.Path(r.OUID), Detail: r.Detail, Builtin: r.Builtin, Uses: uses,
			Version: VersionOf(versions, entity, r.ID)}
	}
	return out, nil
}

// configUsesText joins uses as "2 users (Anna Åberg, Ben Okafor) and 1 responsibility profile (Early shift)".
func configUsesText(uses []data.ConfigUse) string {
	parts := make([]string, len(uses))
	for i, u := range uses {
		names := strings.Join(u.Names, ", ")
		if u.Count > len(u.Names) {
			names += ", …"
		}
		parts[i] = fmt.Sprintf("%s (%s)", plural(u.Count, u.Kind), names)
	}
	return strings.Join(parts, " and ")
}

// DeleteConfigItem deletes an item of a kind. The built-in profiles cannot be
// deleted, and nothing still in use can: the refusal says where it is used.
type DeleteConfigItem struct {
	Base
	ConfigKind data.ConfigKind `json:"configKind"`
	Item       int64           `json:"item"`
}

// Kind names the command.
func (DeleteConfigItem) Kind() string { return "config.item.delete" }

func (cmd DeleteConfigItem) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	noun := ConfigNoun(cmd.ConfigKind)
	it, err := q.ConfigRow(cmd.ConfigKind, cmd.Item)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: noun, Key: fmt.Sprint(cmd.Item)}
	} else if err != nil {
		return nil, err
	}
	if err := configPermit(q, may, cmd.ConfigKind, it.OUID, fmt.Sprintf("deleting the %s %q", noun, it.Name)); err != nil {
		return nil, err
	}
	if it.Builtin {
		return nil, refuse("profile.builtin", "%q is a built-in responsibility profile and cannot be deleted", it.Name)
	}
	uses, err := q.ConfigUses(cmd.ConfigKind, cmd.Item)
	if err != nil {
		return nil, err
	}
	if len(uses) > 0 {
		if cmd.ConfigKind == data.ConfigCustomRoles {
			holders := uses[0]
			return nil, refuse("role.in-use", "cannot delete the custom role %q: %s %s it (%s); remove it from them first",
				it.Name, plural(holders.Count, "user"), map[bool]string{true: "holds", false: "hold"}[holders.Count == 1],
				strings.Join(holders.Names, ", "))
		}
		return nil, refuse("config.in-use", "cannot delete the %s %q: it is used by %s; remove it there first",
			noun, it.Name, configUsesText(uses))
	}
	if err := q.ConfigDelete(cmd.ConfigKind, cmd.Item); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("config."+string(cmd.ConfigKind)+".delete", it.Name, it.Detail, "")}, nil
}

// configPermit asks whether the admin may change an item of a kind living in ou:
// custom roles are role management, for Tenant Administrators only; every other item is
// in reach of the admins of its OU.
func configPermit(q *data.Q, may *permit, k data.ConfigKind, ou int64, what string) error {
	if k == data.ConfigCustomRoles {
		return may.tenantAdmin(what)
	}
	return may.ou(ou, what)
}

// configCheckNewItem checks what every new item needs: a name by the name rule, not yet
// taken in its kind, and an OU that exists. It returns the name to store.
func configCheckNewItem(q *data.Q, tree *outree.Tree, k data.ConfigKind, name string, ou, self int64) (string, error) {
	name, err := cleanName(configWithArticle(ConfigNoun(k)), name)
	if err != nil {
		return "", err
	}
	if !tree.Has(ou) {
		return "", &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
	}
	taken, err := q.ConfigNameTaken(k, name, self)
	if err != nil {
		return "", err
	}
	if taken {
		what := configWithArticle(ConfigNoun(k))
		if k == data.ConfigCustomRoles {
			what = "a role"
		}
		return "", refuse("config.name", "there is already %s named %q; choose another name", what, name)
	}
	return name, nil
}

// FindConfigItem finds an item of a kind by its id or its name (without case), as
// an admin names it on the command line.
func (a *App) FindConfigItem(ctx context.Context, k data.ConfigKind, ref string) (ConfigItem, error) {
	items, err := a.ConfigItems(ctx, k)
	if err != nil {
		return ConfigItem{}, err
	}
	ref = strings.TrimSpace(ref)
	for _, it := range items {
		if fmt.Sprint(it.ID) == ref {
			return it, nil
		}
	}
	for _, it := range items {
		if strings.EqualFold(it.Name, ref) {
			return it, nil
		}
	}
	return ConfigItem{}, &NotFoundError{What: ConfigNoun(k), Key: ref}
}

// OUHolds says what lives directly in an OU ("3 users, 1 skill"), or "" when it is empty:
// where an OU is used.
func (a *App) OUHolds(ctx context.Context, id int64) (string, error) {
	contents, err := a.store.Read(ctx).OUContents(id)
	if err != nil {
		return "", err
	}
	parts := make([]string, len(contents))
	for i, c := range contents {
		parts[i] = plural(c.Count, c.Kind)
	}
	return strings.Join(parts, ", "), nil
}

// configWithArticle puts "a" or "an" before a noun ("an N/A reason").
func configWithArticle(noun string) string {
	if strings.HasPrefix(noun, "N/A") || strings.ContainsAny(noun[:1], "aeiou") {
		return "an " + noun
	}
	return "a " + noun
}
