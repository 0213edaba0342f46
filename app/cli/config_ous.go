package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/outree"
)

type configOUJSON struct {
	ID       int64  `json:"id"`
	ParentID int64  `json:"parentId"`
	Name     string `json:"name"`
	Path     string `json:"path"`
	Holds    string `json:"holds"`
}

func runConfigOUs(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usagef("config ous needs list, add, rename, move or delete")
	}
	sub, args := args[0], args[1:]
	fs := newFlags("config ous " + sub)
	f := formatFlag(fs, "table, csv or json")
	parent := fs.String("parent", "/", "the parent OU (add); / makes a top-level OU under the tenant root")
	to := fs.String("to", "", "the new parent OU (move)")
	want := map[string]struct {
		n    int
		what string
	}{"list": {0, ""}, "add": {1, "the new OU's name"}, "rename": {2, "the OU and its new name"},
		"move": {1, "the OU to move"}, "delete": {1, "the OU to delete"}}[sub]
	if want.n == 0 && sub != "list" {
		return usagef("config ous: unknown action %q (use list, add, rename, move or delete)", sub)
	}
	pos, err := parse(fs, args, want.n, want.what)
	if err != nil {
		return err
	}
	if sub == "move" {
		if err := required(fs, "to", "OU: the new parent OU (an OU id or path; see 'ous')"); err != nil {
			return err
		}
	}
	return withApp(e, func(a *app.App) error {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		switch sub {
		case "list":
			return configListOUs(ctx, e, a, tree, *f)
		case "add":
			p, err := tree.Resolve(*parent)
			if err != nil {
				return err
			}
			out, err := a.Do(ctx, app.CreateOU{Parent: p, Name: pos[0]})
			if err == nil {
				fmt.Fprintln(e.stdout, out.ID)
			}
			return err
		}
		id, err := tree.Resolve(pos[0])
		if err != nil {
			return err
		}
		var cmd app.Command = app.DeleteOU{OU: id}
		switch sub {
		case "rename":
			cmd = app.RenameOU{OU: id, Name: pos[1]}
		case "move":
			p, err := tree.Resolve(*to)
			if err != nil {
				return err
			}
			cmd = app.MoveOU{OU: id, Parent: p}
		}
		_, err = a.Do(ctx, cmd)
		return err
	})
}

func configListOUs(ctx context.Context, e env, a *app.App, tree *outree.Tree, f format) error {
	var out []configOUJSON
	var rows [][]string
	var walk func(id int64, depth int) error
	walk = func(id int64, depth int) error {
		holds, err := a.OUHolds(ctx, id)
		if err != nil {
			return err
		}
		out = append(out, configOUJSON{id, tree.Parent(id), tree.Name(id), tree.Path(id), holds})
		rows = append(rows, []string{strconv.FormatInt(id, 10), strings.Repeat("  ", depth) + tree.Name(id), tree.Path(id), holds})
		for _, c := range tree.Children(id) {
			if err := walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(tree.Root, 0); err != nil {
		return err
	}
	if f == "json" {
		return writeJSON(e.stdout, out)
	}
	return writeTable(e.stdout, f, []string{"ID", "Organization Unit", "Path", "Holds"}, rows)
}
