package cli

import (
	"context"
	"strconv"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// The configuration verbs: `config <kind> list|add|delete ...` for every catalogue,
// through the same rules as the Configuration window.
func init() {
	register(
		verb{"config ous", "list|add NAME --parent OU|rename OU NAME|move OU --to OU|delete OU [--format table|csv|json]",
			"the organization unit tree: what each OU holds; create, rename, move (no cycles), delete (only when empty)", runConfigOUs},
		configVerb(data.ConfigSkillCategories, "add NAME --ou OU [--level NAME=NUMBER]...|levels CATEGORY [--add NAME=NUMBER]... [--rename OLD=NEW]... [--remove NAME]... [--order NAME,...]",
			"skill categories with their ordered levels (or none); levels lists who holds each level and changes them: removals, renames, additions, then the order (the levels keep their numbers and take them in that order); a level someone holds cannot be removed"),
		configVerb(data.ConfigSkills, "add NAME --category CATEGORY --ou OU", "skills, each in one category"),
		configVerb(data.ConfigProfiles, "add NAME --ou OU --skill SKILL[=LEVEL]...", "responsibility profiles (On Duty and Off Duty are built in)"),
		configVerb(data.ConfigNAReasons, "add NAME --ou OU", "not-available reasons"),
		configVerb(data.ConfigDomainTemplates, "add NAME --ou OU --origin https://HOST...", "Interact domain templates: the web sites (CORS origins) allowed to embed a widget"),
		configVerb(data.ConfigSystemMessages, "add NAME --ou OU --display-name TEXT [--welcome TEXT]", "Interact direct system messages"),
		configVerb(data.ConfigCallTemplates, "add NAME --ou OU --url URL [--description TEXT]", "Assistant direct call templates"),
		configVerb(data.ConfigCustomRoles, "add NAME --ou OU [--description TEXT] [--permissions ITEM=CRUD,...]|show ID|NAME|permissions ID|NAME --set ITEM=CRUD,...",
			"custom roles: show prints the permission tree and the holders; permissions replaces it; a group's letters go to every item below it and items given below a group override them (users=RU,users.roles=R); C, U and D bring R; Users (services.users.users) follows Users list"),
	)
}

// configVerb is the list|add|delete verb of one catalogue.
func configVerb(k data.ConfigKind, add, about string) verb {
	update := "update ID|NAME [--name NEW] [--ou OU]"
	if k == data.ConfigCustomRoles {
		update += " [--description TEXT]"
	}
	return verb{name: "config " + string(k), args: "list|" + add + "|" + update + "|delete ID|NAME [--format table|csv|json]",
		about: about + "; list shows where each is used; in-use items cannot be deleted or moved away from their users",
		run:   func(ctx context.Context, e env, args []string) error { return runConfigCatalog(ctx, e, k, args) }}
}

type configUseJSON struct {
	Kind  string   `json:"kind"`
	Count int      `json:"count"`
	Names []string `json:"names"`
}

type configItemJSON struct {
	ID      int64           `json:"id"`
	Name    string          `json:"name"`
	OUID    int64           `json:"ouId"`
	OUPath  string          `json:"ouPath"`
	Detail  string          `json:"detail"`
	Builtin bool            `json:"builtin"`
	UsedBy  []configUseJSON `json:"usedBy"`
}

// catalogActions names what a config verb does, for the message of a missing or unknown
// action.
func catalogActions(k data.ConfigKind) string {
	switch k {
	case data.ConfigCustomRoles:
		return "list, show, permissions, add, update or delete"
	case data.ConfigSkillCategories:
		return "list, levels, add, update or delete"
	}
	return "list, add, update or delete"
}

func runConfigCatalog(ctx context.Context, e env, k data.ConfigKind, args []string) error {
	name := "config " + string(k)
	if len(args) == 0 {
		return usagef("%s needs %s", name, catalogActions(k))
	}
	sub, args := args[0], args[1:]
	if k == data.ConfigCustomRoles && (sub == "show" || sub == "permissions") {
		return runConfigRole(ctx, e, sub, args)
	}
	if k == data.ConfigSkillCategories && sub == "levels" {
		return runConfigLevels(ctx, e, args)
	}
	fs := newFlags(name + " " + sub)
	f := format("table")
	fs.Var(&f, "format", "table, csv or json")
	switch sub {
	case "list":
		if _, err := parse(fs, args, 0, ""); err != nil {
			return err
		}
		return configWithApp(e, func(a *app.App) error { return configListItems(ctx, e, a, k, f) })
	case "delete":
		pos, err := parse(fs, args, 1, "the id or name of one "+app.ConfigNoun(k))
		if err != nil {
			return err
		}
		return configWithApp(e, func(a *app.App) error {
			it, err := a.FindConfigItem(ctx, k, pos[0])
			if err != nil {
				return err
			}
			_, err = a.Do(ctx, app.DeleteConfigItem{Catalogue: k, Item: it.ID})
			return err
		})
	case "update":
		newName := fs.String("name", "", "the new name")
		ou := fs.String("ou", "", "the OU to move it to")
		if k == data.ConfigCustomRoles {
			fs.String("description", "", "the new description")
		}
		pos, err := parse(fs, args, 1, "the id or name of one "+app.ConfigNoun(k))
		if err != nil {
			return err
		}
		if desc := fs.Lookup("description"); desc != nil && flagGiven(fs, "description") {
			return configWithApp(e, func(a *app.App) error {
				return configUpdateRole(ctx, a, pos[0], *newName, *ou, desc.Value.String())
			})
		}
		return configWithApp(e, func(a *app.App) error { return configUpdate(ctx, a, k, pos[0], *newName, *ou) })
	case "add":
		add := configAdders[k](fs)
		pos, err := parse(fs, args, 1, "the name of the new "+app.ConfigNoun(k))
		if err != nil {
			return err
		}
		return configWithApp(e, func(a *app.App) error {
			tree, err := a.OUTree(ctx)
			if err != nil {
				return err
			}
			cmd, err := add(ctx, a, tree, pos[0])
			if err != nil {
				return err
			}
			out, err := a.Do(ctx, cmd)
			if err != nil {
				return err
			}
			_, err = e.stdout.Write([]byte(strconv.FormatInt(out.ID, 10) + "\n"))
			return err
		})
	}
	return usagef("%s: unknown action %q (use %s)", name, sub, catalogActions(k))
}

// configUpdate renames and/or moves one item; what is not given stays.
func configUpdate(ctx context.Context, a *app.App, k data.ConfigKind, ref, newName, ou string) error {
	it, err := a.FindConfigItem(ctx, k, ref)
	if err != nil {
		return err
	}
	ouID := it.OUID
	if ou != "" {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		if ouID, err = tree.Resolve(ou); err != nil {
			return err
		}
	}
	if newName == "" {
		newName = it.Name
	}
	_, err = a.Do(ctx, app.RenameConfigItem{Catalogue: k, Item: it.ID, Name: newName, OU: ouID})
	return err
}

// configWithApp opens the session, runs fn and closes it.
func configWithApp(e env, fn func(a *app.App) error) error {
	a, err := e.open()
	if err != nil {
		return err
	}
	defer a.Store().Close()
	return fn(a)
}

func configListItems(ctx context.Context, e env, a *app.App, k data.ConfigKind, f format) error {
	items, err := a.ConfigItems(ctx, k)
	if err != nil {
		return err
	}
	out := make([]configItemJSON, len(items))
	rows := make([][]string, len(items))
	for i, it := range items {
		uses := []configUseJSON{}
		for _, u := range it.Uses {
			uses = append(uses, configUseJSON{u.Kind, u.Count, u.Names})
		}
		out[i] = configItemJSON{it.ID, it.Name, it.OUID, it.OUPath, it.Detail, it.Builtin, uses}
		rows[i] = []string{strconv.FormatInt(it.ID, 10), it.Name, it.OUPath, it.Detail, it.UsedBy()}
	}
	if f == "json" {
		return writeJSON(e.stdout, out)
	}
	return writeTable(e.stdout, f, []string{"ID", "Name", "Organization Unit", "Details", "Used by"}, rows)
}
