package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"nimbusadmin/data"
)

// SkillCategoryLevel is one level of a skill category with who holds a skill at it, so
// that the level editor can say which levels can be removed.
type SkillCategoryLevel struct {
	data.SkillLevel
	Uses []data.ConfigUse
}

// UsedBy says who holds a skill at the level ("2 users (Anna Åberg, Ben Okafor)"), or ""
// when nobody does.
func (l SkillCategoryLevel) UsedBy() string { return configUsesText(l.Uses) }

// SkillCategoryLevels reads a skill category and its levels, lowest number first, each
// with where it is used.
func (a *App) SkillCategoryLevels(ctx context.Context, categoryID int64) (data.SkillCategory, []SkillCategoryLevel, error) {
	q := a.store.Read(ctx)
	c, err := q.ConfigSkillCategory(categoryID)
	if errors.Is(err, data.ErrNotFound) {
		return c, nil, &NotFoundError{What: "skill category", Key: fmt.Sprint(categoryID)}
	} else if err != nil {
		return c, nil, err
	}
	out := make([]SkillCategoryLevel, len(c.Levels))
	for i, l := range c.Levels {
		uses, err := q.ConfigLevelUses(l.ID)
		if err != nil {
			return c, nil, err
		}
		out[i] = SkillCategoryLevel{SkillLevel: l, Uses: uses}
	}
	return c, out, nil
}

// SetSkillCategoryLevels replaces the levels of an existing skill category: a level with
// an id keeps everyone holding it and takes its new name and number (a rename or a new
// place in the order), a level with id 0 is added, and a stored level left out of the
// list is removed. Names and numbers stay unique in the category, and a level that a
// user or a responsibility profile holds a skill at cannot be removed: the refusal names
// them.
//
// A category that had no levels may hold skills that users and profiles hold without a
// level. When it gets its first levels, they all start at the lowest new level: a skill
// of a category with levels is always held at one of them, and the lowest claims no more
// than they had. The outcome's Note says whom this changed ("" when nobody).
type SetSkillCategoryLevels struct {
	Base
	Category int64              `json:"category"`
	Levels   []data.ConfigLevel `json:"levels"`
}

// Kind names the command.
func (SetSkillCategoryLevels) Kind() string { return "config.skill-category.levels" }

func (cmd SetSkillCategoryLevels) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	cat, err := q.ConfigSkillCategory(cmd.Category)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: "skill category", Key: fmt.Sprint(cmd.Category)}
	} else if err != nil {
		return nil, err
	}
	if err := may.ou(cat.OUID, fmt.Sprintf("changing the levels of the skill category %q", cat.Name)); err != nil {
		return nil, err
	}
	clean, err := configCheckLevels(cmd.Levels)
	if err != nil {
		return nil, err
	}
	removed, err := configRemovedLevels(q, cat, clean)
	if err != nil {
		return nil, err
	}
	was, now := configLevelsList(ConfigLevels(cat.Levels)), configLevelsList(clean)
	if was == now {
		return nil, nil
	}
	if err := q.ConfigSetSkillLevels(cat.ID, clean, removed); err != nil {
		return nil, err
	}
	entries := []data.JournalEntry{entry("config.skill-categories.levels", cat.Name, was, now)}
	if len(cat.Levels) == 0 && len(clean) > 0 {
		given, err := configGiveLowestLevel(q, cat)
		if err != nil {
			return nil, err
		}
		if given != "" {
			c.out.Note = given
			entries = append(entries, entry("config.skill-categories.levels.given", cat.Name, "held without a level", given))
		}
	}
	return entries, nil
}

// configRemovedLevels checks that every level with an id is one of the category's, once,
// and returns the stored levels left out of the new list. It refuses when someone holds
// a skill at one of them.
func configRemovedLevels(q *data.Q, c data.SkillCategory, levels []data.ConfigLevel) ([]int64, error) {
	stored := map[int64]bool{}
	for _, l := range c.Levels {
		stored[l.ID] = true
	}
	kept := map[int64]bool{}
	for _, l := range levels {
		if l.ID == 0 {
			continue
		}
		if !stored[l.ID] || kept[l.ID] {
			return nil, refuse("skill.levels", "the level %q is not one of the levels of the skill category %q; reload the category and try again", l.Name, c.Name)
		}
		kept[l.ID] = true
	}
	var removed []int64
	for _, l := range c.Levels {
		if kept[l.ID] {
			continue
		}
		uses, err := q.ConfigLevelUses(l.ID)
		if err != nil {
			return nil, err
		}
		if len(uses) > 0 {
			return nil, refuse("skill.level-in-use", "cannot remove the level %q from the skill category %q: %s %s a skill at it; give them another level first",
				l.Name, c.Name, configUsesText(uses), map[bool]string{true: "holds", false: "hold"}[len(uses) == 1 && uses[0].Count == 1])
		}
		removed = append(removed, l.ID)
	}
	return removed, nil
}

// configGiveLowestLevel gives the category's lowest level to whoever holds one of its
// skills without a level, and says whom ("" when nobody).
func configGiveLowestLevel(q *data.Q, c data.SkillCategory) (string, error) {
	levels, err := q.SkillLevels(c.ID)
	if err != nil || len(levels) == 0 {
		return "", err
	}
	lowest := levels[0]
	users, profiles, err := q.ConfigGiveMissingLevels(c.ID, lowest.ID)
	if err != nil {
		return "", err
	}
	var who []string
	if users > 0 {
		who = append(who, plural(users, "user"))
	}
	if profiles > 0 {
		who = append(who, plural(profiles, "responsibility profile"))
	}
	if len(who) == 0 {
		return "", nil
	}
	return fmt.Sprintf("%s held skills of %q without a level and now hold them at %s (%d)",
		joinWords(who), c.Name, lowest.Name, lowest.Value), nil
}

// configLevelsList writes levels as "Basic (1), Fluent (2)", or "no levels".
func configLevelsList(levels []data.ConfigLevel) string {
	if len(levels) == 0 {
		return "no levels"
	}
	parts := make([]string, len(levels))
	for i, l := range levels {
		parts[i] = fmt.Sprintf("%s (%d)", l.Name, l.Value)
	}
	return strings.Join(parts, ", ")
}

// ConfigLevels turns stored levels into levels to edit, keeping their ids.
func ConfigLevels(levels []data.SkillLevel) []data.ConfigLevel {
	out := make([]data.ConfigLevel, len(levels))
	for i, l := range levels {
		out[i] = data.ConfigLevel(l)
	}
	return out
}

// ReorderLevels puts levels in the order names gives: the levels keep their set of
// numbers and take them in the new order, the first named getting the lowest number
// (levels are ordered by their number). Every level must be named once.
func ReorderLevels(levels []data.ConfigLevel, names []string) ([]data.ConfigLevel, error) {
	if len(names) != len(levels) {
		return nil, refuse("skill.level-order", "name each of the %d levels once to reorder them (%s)", len(levels), configLevelNames(levels))
	}
	values := make([]int, len(levels))
	for i, l := range levels {
		values[i] = l.Value
	}
	sort.Ints(values)
	out := make([]data.ConfigLevel, 0, len(levels))
	used := map[int]bool{}
	for i, name := range names {
		found := -1
		for j, l := range levels {
			if strings.EqualFold(strings.TrimSpace(l.Name), strings.TrimSpace(name)) {
				found = j
			}
		}
		if found < 0 || used[found] {
			return nil, refuse("skill.level-order", "name each of the levels once to reorder them (%s), not %q", configLevelNames(levels), name)
		}
		used[found] = true
		l := levels[found]
		l.Value = values[i]
		out = append(out, l)
	}
	return out, nil
}

// configLevelNames lists the level names in their order, for messages.
func configLevelNames(levels []data.ConfigLevel) string {
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = l.Name
	}
	return strings.Join(names, ", ")
}
