package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// CreateSkillCategory adds a skill category with its ordered levels (each a name and a
// number, both unique in the category), or with no levels at all.
type CreateSkillCategory struct {
	Base
	Name   string             `json:"name"`
	OU     int64              `json:"ou"`
	Levels []data.ConfigLevel `json:"levels,omitempty"`
}

// Kind names the command.
func (CreateSkillCategory) Kind() string { return "config.skill-category.create" }

func (cmd CreateSkillCategory) apply(c *changeCtx) ([]data.JournalEntry, error) {
	var clean []data.ConfigLevel
	check := func(*data.Q, *outree.Tree) (string, error) {
		var err error
		clean, err = configCheckLevels(cmd.Levels)
		return configLevelsText(clean), err
	}
	return configCreateItem(c, data.ConfigSkillCategories, cmd.Name, cmd.OU, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateSkillCategory(name, cmd.OU, clean)
	})
}

// CreateSkillCategory is shorthand for Do with CreateSkillCategory, for code that acts at
// once; it returns the new category's id.
func (a *App) CreateSkillCategory(ctx context.Context, name string, ou int64, levels []data.ConfigLevel) (int64, error) {
	return a.create(ctx, CreateSkillCategory{Name: name, OU: ou, Levels: levels})
}

func configCheckLevels(levels []data.ConfigLevel) ([]data.ConfigLevel, error) {
	out := make([]data.ConfigLevel, 0, len(levels))
	names, values := map[string]bool{}, map[int]bool{}
	for _, l := range levels {
		name, err := cleanName("a level", l.Name)
		if err != nil {
			return nil, err
		}
		l.Name = name
		key := strings.ToLower(l.Name)
		switch {
		case l.Value < 0:
			return nil, refuse("skill.levels", "the level %q needs a number of 0 or more", l.Name)
		case names[key]:
			return nil, refuse("skill.levels", "the level name %q is used twice", l.Name)
		case values[l.Value]:
			return nil, refuse("skill.levels", "the level number %d is used twice: levels are ordered by their number", l.Value)
		}
		names[key], values[l.Value] = true, true
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out, nil
}

func configLevelsText(levels []data.ConfigLevel) string {
	if len(levels) == 0 {
		return "with no levels"
	}
	return "with levels " + configLevelsList(levels)
}

// CreateSkill adds a skill in one category. The category must be visible where the
// skill lives: in the skill's OU or above.
type CreateSkill struct {
	Base
	Name     string `json:"name"`
	Category int64  `json:"category"`
	OU       int64  `json:"ou"`
}

// Kind names the command.
func (CreateSkill) Kind() string { return "config.skill.create" }

func (cmd CreateSkill) apply(c *changeCtx) ([]data.JournalEntry, error) {
	categoryID, ou := cmd.Category, cmd.OU
	check := func(q *data.Q, tree *outree.Tree) (string, error) {
		c, err := q.ConfigSkillCategory(categoryID)
		if errors.Is(err, data.ErrNotFound) {
			return "", &NotFoundError{What: "skill category", Key: fmt.Sprint(categoryID)}
		} else if err != nil {
			return "", err
		}
		if tree.Has(ou) && !tree.IsSameOrAncestor(c.OUID, ou) {
			return "", refuse("skill.category-scope", "the skill category %q lives in %s, which is not %s or above it; put the skill in %s or below",
				c.Name, tree.Path(c.OUID), tree.Path(ou), tree.Path(c.OUID))
		}
		return "in category " + c.Name, nil
	}
	return configCreateItem(c, data.ConfigSkills, cmd.Name, ou, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateSkill(name, categoryID, ou)
	})
}

// CreateSkill is shorthand for Do with CreateSkill, for code that acts at once; it returns
// the new skill's id.
func (a *App) CreateSkill(ctx context.Context, name string, categoryID, ou int64) (int64, error) {
	return a.create(ctx, CreateSkill{Name: name, Category: categoryID, OU: ou})
}

// CreateProfile adds a responsibility profile: a set of skills, each at a level of its
// category (or none when the category has no levels). Its skills must be visible where
// the profile lives: in the profile's OU or above.
type CreateProfile struct {
	Base
	Name   string                    `json:"name"`
	OU     int64                     `json:"ou"`
	Skills []data.ConfigProfileSkill `json:"skills"`
}

// Kind names the command.
func (CreateProfile) Kind() string { return "config.profile.create" }

func (cmd CreateProfile) apply(c *changeCtx) ([]data.JournalEntry, error) {
	ou, skills := cmd.OU, cmd.Skills
	check := func(q *data.Q, tree *outree.Tree) (string, error) {
		if len(skills) == 0 {
			return "", refuse("profile.skills", "a responsibility profile combines skills with levels: add at least one skill")
		}
		seen := map[int64]bool{}
		var parts []string
		for _, ps := range skills {
			s, err := q.Skill(ps.SkillID)
			if errors.Is(err, data.ErrNotFound) {
				return "", &NotFoundError{What: "skill", Key: fmt.Sprint(ps.SkillID)}
			} else if err != nil {
				return "", err
			}
			if seen[s.ID] {
				return "", refuse("profile.skills", "the skill %q is in the profile twice", s.Name)
			}
			seen[s.ID] = true
			if tree.Has(ou) && !tree.IsSameOrAncestor(s.OUID, ou) {
				return "", refuse("profile.skill-scope", "the skill %q lives in %s, which is not %s or above it",
					s.Name, tree.Path(s.OUID), tree.Path(ou))
			}
			levels, err := q.SkillLevels(s.CategoryID)
			if err != nil {
				return "", err
			}
			level, err := pickLevel(s, levels, ps.LevelID)
			if err != nil {
				return "", err
			}
			parts = append(parts, skillText(s.Name, level))
		}
		return "with " + strings.Join(parts, ", "), nil
	}
	return configCreateItem(c, data.ConfigProfiles, cmd.Name, ou, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateProfile(name, ou, skills)
	})
}

// CreateProfile is shorthand for Do with CreateProfile, for code that acts at once; it
// returns the new profile's id.
func (a *App) CreateProfile(ctx context.Context, name string, ou int64, skills []data.ConfigProfileSkill) (int64, error) {
	return a.create(ctx, CreateProfile{Name: name, OU: ou, Skills: skills})
}

// SkillCategory reads a skill category with its levels, for pickers that offer them.
func (a *App) SkillCategory(ctx context.Context, id int64) (data.SkillCategory, error) {
	c, err := a.store.Read(ctx).ConfigSkillCategory(id)
	if errors.Is(err, data.ErrNotFound) {
		return c, &NotFoundError{What: "skill category", Key: fmt.Sprint(id)}
	}
	return c, err
}

// SkillWithLevels reads a skill and the levels of its category, for the profile editor.
func (a *App) SkillWithLevels(ctx context.Context, id int64) (data.Skill, []data.SkillLevel, error) {
	q := a.store.Read(ctx)
	s, err := q.Skill(id)
	if errors.Is(err, data.ErrNotFound) {
		return s, nil, &NotFoundError{What: "skill", Key: fmt.Sprint(id)}
	} else if err != nil {
		return s, nil, err
	}
	levels, err := q.SkillLevels(s.CategoryID)
	return s, levels, err
}
