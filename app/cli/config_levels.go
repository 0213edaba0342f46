package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

type configLevelJSON struct {
	ID     int64           `json:"id"`
	Name   string          `json:"name"`
	Number int             `json:"number"`
	UsedBy []configUseJSON `json:"usedBy"`
}

// configLevelEdits are the changes `config skill-categories levels` makes, applied in
// this order: removals, renames, additions, then the new order of all levels.
type configLevelEdits struct {
	remove  []string
	renames [][2]string
	add     []data.ConfigLevel
	order   []string
}

func (ed configLevelEdits) any() bool {
	return len(ed.remove)+len(ed.renames)+len(ed.add)+len(ed.order) > 0
}

// runConfigLevels lists a skill category's levels with who holds them, after applying
// the changes given, if any, in one change through the rules.
func runConfigLevels(ctx context.Context, e env, args []string) error {
	fs := newFlags("config skill-categories levels")
	f := formatFlag(fs, "table, csv or json")
	var adds, renames, removes listFlag
	fs.Var(&adds, "add", "a new level as NAME=NUMBER (repeat)")
	fs.Var(&renames, "rename", "a level's new name as OLD=NEW (repeat)")
	fs.Var(&removes, "remove", "the name of a level to remove (repeat)")
	order := fs.String("order", "", "every level's name in the new order, e.g. Basic,Fluent,Native: the levels keep their numbers and take them in this order")
	pos, err := parse(fs, args, 1, "the id or name of one skill category")
	if err != nil {
		return err
	}
	ed := configLevelEdits{remove: removes}
	for _, r := range renames {
		old, name, ok := strings.Cut(r, "=")
		if !ok || strings.TrimSpace(old) == "" || strings.TrimSpace(name) == "" {
			return usagef("--rename %q: write OLD=NEW, e.g. Basic=Beginner", r)
		}
		ed.renames = append(ed.renames, [2]string{old, name})
	}
	for _, a := range adds {
		name, v, ok := strings.Cut(a, "=")
		num, err := strconv.Atoi(strings.TrimSpace(v))
		if !ok || err != nil {
			return usagef("--add %q: write NAME=NUMBER, e.g. Native=3", a)
		}
		ed.add = append(ed.add, data.ConfigLevel{Name: name, Value: num})
	}
	if *order != "" {
		ed.order = strings.Split(*order, ",")
	}
	return withApp(e, func(a *app.App) error {
		it, err := a.FindConfigItem(ctx, data.ConfigSkillCategories, pos[0])
		if err != nil {
			return err
		}
		if ed.any() {
			if err := configEditLevels(ctx, e, a, it.ID, ed); err != nil {
				return err
			}
		}
		return configPrintLevels(ctx, e, a, it.ID, *f)
	})
}

// configEditLevels applies the edits to the category's levels and saves them.
func configEditLevels(ctx context.Context, e env, a *app.App, categoryID int64, ed configLevelEdits) error {
	c, err := a.SkillCategory(ctx, categoryID)
	if err != nil {
		return err
	}
	levels := app.ConfigLevels(c.Levels)
	find := func(name string) (int, error) {
		for i, l := range levels {
			if strings.EqualFold(l.Name, strings.TrimSpace(name)) {
				return i, nil
			}
		}
		return 0, fmt.Errorf("the skill category %q has no level %q", c.Name, strings.TrimSpace(name))
	}
	for _, name := range ed.remove {
		i, err := find(name)
		if err != nil {
			return err
		}
		levels = append(levels[:i], levels[i+1:]...)
	}
	for _, r := range ed.renames {
		i, err := find(r[0])
		if err != nil {
			return err
		}
		levels[i].Name = r[1]
	}
	levels = append(levels, ed.add...)
	if len(ed.order) > 0 {
		if levels, err = app.ReorderLevels(levels, ed.order); err != nil {
			return err
		}
	}
	out, err := a.Do(ctx, app.SetSkillCategoryLevels{Category: categoryID, Levels: levels})
	if out.Note != "" {
		fmt.Fprintln(e.stderr, out.Note+".")
	}
	return err
}

func configPrintLevels(ctx context.Context, e env, a *app.App, categoryID int64, f format) error {
	_, levels, err := a.SkillCategoryLevels(ctx, categoryID)
	if err != nil {
		return err
	}
	out := make([]configLevelJSON, len(levels))
	rows := make([][]string, len(levels))
	for i, l := range levels {
		uses := []configUseJSON{}
		for _, u := range l.Uses {
			uses = append(uses, configUseJSON{u.Kind, u.Count, u.Names})
		}
		out[i] = configLevelJSON{l.ID, l.Name, l.Value, uses}
		rows[i] = []string{strconv.FormatInt(l.ID, 10), l.Name, strconv.Itoa(l.Value), l.UsedBy()}
	}
	if f == "json" {
		return writeJSON(e.stdout, out)
	}
	return writeTable(e.stdout, f, []string{"ID", "Name", "Number", "Used by"}, rows)
}
