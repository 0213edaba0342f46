package cli

import (
	"context"
	"strconv"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// configVerb is the `config <kind> list|add|update|delete` verb of one kind, through
// the same rules as the Configuration window.
func configVerb(k data.ConfigKind, add, about string) verb {
	update := "update ID|NAME [--name NEW] [--ou OU]"
	if k == data.ConfigCustomRoles {
		update += " [--description TEXT]"
	}
	return verb{name: "config " + string(k), args: "list|" + add + "|" + update + "|delete ID|NAME [--format table|csv|json]",
		about: about + "; list shows where each is used; in-use items cannot be deleted or moved away from their users",
		run:   func(ctx context.Context, e env, args []string) error { return runConfigKind(ctx, e, k, args) }}
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

// configActions names what a config verb does, for the message of a missing or unknown
// action.
func configActions(k data.ConfigKind) string {
	switch k {
	case data.ConfigCustomRoles:
		return "list, show, permissions, add, update or delete"
	case data.ConfigSkillCategories:
		return "list, levels, add, update or delete"
	}
	return "list, add, update or delete"
}

func runConfigKind(ctx context.Context, e env, k data.ConfigKind, args []string) error {
	name := "config " + string(k)
	if len(args) == 0 {
		return usagef("%s needs %s", name, configActions(k))
	}
	sub, args := args[0], args[1:]
	if k == data.ConfigCustomRoles && (sub == "show" || sub == "permissions") {
		return runConfigRole(ctx, e, sub, args)
	}
	if k == data.ConfigSkillCategories && sub == "levels" {
		return runConfigLevels(ctx, e, args)
	}
	fs := newFlags(name + " " + sub)
	f := formatFlag(fs, "table, csv or json")
	switch sub {
	case "list":
		if _, err := parse(fs, args, 0, ""); err != nil {
			return err
		}
		return withApp(e, func(a *app.App) error { return configListItems(ctx, e, a, k, *f) })
	case "delete":
		pos, err := parse(fs, args, 1, "the id or name of one "+app.ConfigNoun(k))
		if err != nil {
			return err
		}
		return withApp(e, func(a *app.App) error {
			it, err := a.FindConfigItem(ctx, k, pos[0])
			if err != nil {
				return err
			}
			_, err = a.Do(ctx, app.DeleteConfigItem{ConfigKind: k, Item: it.ID})
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
		if !flagGiven(fs, "name") && !flagGiven(fs, "ou") && !flagGiven(fs, "description") {
			change := "--name NEW or --ou OU"
			if k == data.ConfigCustomRoles {
				change = "--name NEW, --ou OU or --description TEXT"
			}
			return usagef("%s needs something to change: %s", fs.Name(), change)
		}
		if desc := fs.Lookup("description"); desc != nil && flagGiven(fs, "description") {
			return withApp(e, func(a *app.App) error {
				return configUpdateRole(ctx, a, pos[0], *newName, *ou, desc.Value.String())
			})
		}
		return withApp(e, func(a *app.App) error { return configUpdate(ctx, a, k, pos[0], *newName, *ou) })
	case "add":
		add := configAdders[k](fs)
		pos, err := parse(fs, args, 1, "the name of the new "+app.ConfigNoun(k))
		if err != nil {
			return err
		}
		for _, need := range configAddNeeds[k] {
			if err := required(fs, need[0], need[1]); err != nil {
				return err
			}
		}
		return withApp(e, func(a *app.App) error {
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
	return usagef("%s: unknown action %q (use %s)", name, sub, configActions(k))
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
	_, err = a.Do(ctx, app.RenameConfigItem{ConfigKind: k, Item: it.ID, Name: newName, OU: ouID})
	return err
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
