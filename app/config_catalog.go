package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// configNouns names one item of each catalogue in messages.
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

// ConfigNoun is how messages and screens name one item of a catalogue ("skill category").
func ConfigNoun(k data.ConfigKind) string { return configNouns[k] }

// ConfigItem is one item of a catalogue with the OU it lives in and where it is used, as
// the configuration lists and `config <kind> list` show it.
type ConfigItem struct {
	ID      int64
	Name    string
	OUID    int64
	OUPath  string
	Detail  string
	Builtin bool
	Uses    []data.ConfigUse
}

// UsedBy says where the item is used ("2 users (Anna Åberg, Ben Okafor)"), or "" when
// nowhere.
func (it ConfigItem) UsedBy() string { return configUsesText(it.Uses) }

// ConfigItems lists the items of a catalogue with their OU and where each is used.
func (a *App) ConfigItems(ctx context.Context, k data.ConfigKind) ([]ConfigItem, error) {
	q := a.store.Read(ctx)
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
		out[i] = ConfigItem{ID: r.ID, Name: r.Name, OUID: r.OUID, OUPath: tree.Path(r.OUID), Detail: r.Detail, Builtin: r.Builtin, Uses: uses}
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

// DeleteConfigItem deletes an item of a catalogue. The built-in profiles cannot be
// deleted, and nothing still in use can: the refusal says where it is used.
func (a *App) DeleteConfigItem(ctx context.Context, k data.ConfigKind, id int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		noun := ConfigNoun(k)
		it, err := q.ConfigRow(k, id)
		if errors.Is(err, data.ErrNotFound) {
			return nil, &NotFoundError{What: noun, Key: fmt.Sprint(id)}
		} else if err != nil {
			return nil, err
		}
		if err := configPermit(q, may, k, it.OUID, fmt.Sprintf("deleting the %s %q", noun, it.Name)); err != nil {
			return nil, err
		}
		if it.Builtin {
			return nil, refuse("profile.builtin", "%q is a built-in responsibility profile and cannot be deleted", it.Name)
		}
		uses, err := q.ConfigUses(k, id)
		if err != nil {
			return nil, err
		}
		if len(uses) > 0 {
			if k == data.ConfigCustomRoles {
				holders := uses[0]
				return nil, refuse("role.in-use", "cannot delete the custom role %q: %s %s it (%s); remove it from them first",
					it.Name, plural(holders.Count, "user"), map[bool]string{true: "holds", false: "hold"}[holders.Count == 1],
					strings.Join(holders.Names, ", "))
			}
			return nil, refuse("config.in-use", "cannot delete the %s %q: it is used by %s; remove it there first",
				noun, it.Name, configUsesText(uses))
		}
		if err := q.ConfigDelete(k, id); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("config."+string(k)+".delete", it.Name, it.Detail, "")}, nil
	})
}

// configPermit asks whether the admin may change an item of a catalogue living in ou:
// custom roles are role management, for Tenant Administrators only; every other item is
// in reach of the admins of its OU.
func configPermit(q *data.Q, may *permit, k data.ConfigKind, ou int64, what string) error {
	if k == data.ConfigCustomRoles {
		return may.tenantAdmin(what)
	}
	return may.ou(ou, what)
}

// configCheckNewItem checks what every new item needs: a name not yet taken in its
// catalogue and an OU that exists. It returns the trimmed name.
func configCheckNewItem(q *data.Q, tree *OUTree, k data.ConfigKind, name string, ou, self int64) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", refuse("config.name", "%s needs a name", configWithArticle(ConfigNoun(k)))
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

// configCreateItem runs the common checks and journals the creation of one item; insert
// writes it once the checks pass.
func (a *App) configCreateItem(ctx context.Context, k data.ConfigKind, name string, ou int64,
	check func(q *data.Q, tree *OUTree) (string, error), insert func(q *data.Q, name string) (int64, error)) (int64, error) {
	var id int64
	err := a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		tree, err := loadTree(q)
		if err != nil {
			return nil, err
		}
		if tree.Has(ou) {
			if err := configPermit(q, may, k, ou, fmt.Sprintf("creating the %s %q in %s", ConfigNoun(k), strings.TrimSpace(name), tree.Path(ou))); err != nil {
				return nil, err
			}
		}
		clean, err := configCheckNewItem(q, tree, k, name, ou, 0)
		if err != nil {
			return nil, err
		}
		detail := ""
		if check != nil {
			if detail, err = check(q, tree); err != nil {
				return nil, err
			}
		}
		if id, err = insert(q, clean); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("config."+string(k)+".create", clean, "", strings.TrimSpace("in "+tree.Path(ou)+" "+detail))}, nil
	})
	return id, err
}

// CreateNAReason adds a not-available reason in an OU.
func (a *App) CreateNAReason(ctx context.Context, name string, ou int64) (int64, error) {
	return a.configCreateItem(ctx, data.ConfigNAReasons, name, ou, nil, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateNAReason(name, ou)
	})
}

// CreateDomainTemplate adds an Interact domain template: the web sites (CORS origins)
// allowed to embed a user's widget. Each origin is checked and written in its canonical
// form ("https://www.contoso.com").
func (a *App) CreateDomainTemplate(ctx context.Context, name string, ou int64, origins []string) (int64, error) {
	var clean []string
	check := func(*data.Q, *OUTree) (string, error) {
		var err error
		clean, err = CheckCORSOrigins(origins)
		return strings.Join(clean, ", "), err
	}
	return a.configCreateItem(ctx, data.ConfigDomainTemplates, name, ou, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateDomainTemplate(name, ou, clean)
	})
}

// CreateSystemMessage adds a direct system message: how the user's name appears in chat
// and the welcome message sent when a chat starts.
func (a *App) CreateSystemMessage(ctx context.Context, name string, ou int64, displayName, welcome string) (int64, error) {
	displayName, welcome = strings.TrimSpace(displayName), strings.TrimSpace(welcome)
	check := func(*data.Q, *OUTree) (string, error) {
		if displayName == "" {
			return "", refuse("config.system-message", "a direct system message needs the name shown to customers in chat")
		}
		return "", nil
	}
	return a.configCreateItem(ctx, data.ConfigSystemMessages, name, ou, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateSystemMessage(name, ou, displayName, welcome)
	})
}

// CreateCallTemplate adds an Assistant direct call template: the context page opened on
// a direct call, which must be an absolute http(s) address.
func (a *App) CreateCallTemplate(ctx context.Context, name string, ou int64, description, pageURL string) (int64, error) {
	pageURL = strings.TrimSpace(pageURL)
	check := func(*data.Q, *OUTree) (string, error) { return pageURL, configCheckURL(pageURL) }
	return a.configCreateItem(ctx, data.ConfigCallTemplates, name, ou, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateCallTemplate(name, ou, strings.TrimSpace(description), pageURL)
	})
}

// FindConfigItem finds an item of a catalogue by its id or its name (without case), as
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
