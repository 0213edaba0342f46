package cli

import (
	"context"
	"strconv"
	"strings"

	"nimbusadmin/app"
)

type ouJSON struct {
	ID       int64  `json:"id"`
	ParentID int64  `json:"parentId"`
	Name     string `json:"name"`
	Path     string `json:"path"`
}

func runOUs(ctx context.Context, e env, args []string) error {
	fs := newFlags("ous")
	f := formatFlag(fs, "table, csv or json")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		var out []ouJSON
		var rows [][]string
		var walk func(id int64, depth int)
		walk = func(id int64, depth int) {
			out = append(out, ouJSON{id, tree.Parent(id), tree.Name(id), tree.Path(id)})
			rows = append(rows, []string{strconv.FormatInt(id, 10), strings.Repeat("  ", depth) + tree.Name(id), tree.Path(id)})
			for _, c := range tree.Children(id) {
				walk(c, depth+1)
			}
		}
		walk(tree.Root, 0)
		if *f == "json" {
			return writeJSON(e.stdout, out)
		}
		return writeTable(e.stdout, *f, []string{"ID", "Organization Unit", "Path"}, rows)
	})
}

// resolveOU turns an --ou flag (an OU id or path; / for the tenant root) into the OU's id.
func resolveOU(ctx context.Context, a *app.App, ou string) (int64, error) {
	tree, err := a.OUTree(ctx)
	if err != nil {
		return 0, err
	}
	return tree.Resolve(ou)
}
