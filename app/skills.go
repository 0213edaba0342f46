package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// userInTree loads a user and the OU tree, for the rules that look at both.
func userInTree(q *data.Q, idOrUPN string) (data.NimbusUser, *outree.Tree, error) {
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return u, nil, err
	}
	tree, err := loadTree(q)
	return u, tree, err
}

// needsLicence refuses changes to a feature the user is not licensed for.
func needsLicence(u data.NimbusUser, l data.LicenceSet, what string) error {
	if u.Licences.Has(l) {
		return nil
	}
	return refuse("licence.missing", "%s needs the %s licence, which %s does not hold", what, joinAnd(l&^u.Licences), displayName(u))
}

// SetUserSkill gives a user a skill from their OU or above, at a level of the skill's
// category (Level 0 only when the category has no levels), or changes its level.
type SetUserSkill struct {
	Base
	User  string `json:"user"` // O365 ID or UPN
	Skill int64  `json:"skill"`
	Level int64  `json:"level,omitempty"`
}

// Kind names the command.
func (SetUserSkill) Kind() string { return "user.skill.set" }

func (cmd SetUserSkill) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, tree, err := userInTree(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the skills"); err != nil {
		return nil, err
	}
	if err := needsLicence(u, data.ContactCenter, "Skills"); err != nil {
		return nil, err
	}
	skill, err := q.Skill(cmd.Skill)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: "skill", Key: fmt.Sprint(cmd.Skill)}
	} else if err != nil {
		return nil, err
	}
	if err := checkAssignable(tree, u, "skill", skill.Name, skill.OUID); err != nil {
		return nil, err
	}
	levels, err := q.SkillLevels(skill.CategoryID)
	if err != nil {
		return nil, err
	}
	level, err := pickLevel(skill, levels, cmd.Level)
	if err != nil {
		return nil, err
	}
	old := ""
	held, err := q.UserSkills(u.ID)
	if err != nil {
		return nil, err
	}
	for _, h := range held {
		if h.Skill.ID == skill.ID {
			old = skillText(skill.Name, h.LevelName)
		}
	}
	if err := q.SetUserSkill(u.ID, skill.ID, cmd.Level); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.skill.set", u.UPN, old, skillText(skill.Name, level))}, nil
}

// SetUserSkill is shorthand for Do with SetUserSkill, for code that acts at once.
func (a *App) SetUserSkill(ctx context.Context, idOrUPN string, skillID, levelID int64) error {
	_, err := a.Do(ctx, SetUserSkill{User: idOrUPN, Skill: skillID, Level: levelID})
	return err
}

func pickLevel(skill data.Skill, levels []data.SkillLevel, levelID int64) (string, error) {
	if len(levels) == 0 {
		if levelID != 0 {
			return "", refuse("skill.level", "the skill %q has no levels; assign it without one", skill.Name)
		}
		return "", nil
	}
	for _, l := range levels {
		if l.ID == levelID {
			return l.Name, nil
		}
	}
	return "", refuse("skill.level", "choose one of the levels of the skill %q's category", skill.Name)
}

func skillText(name, level string) string {
	if level == "" {
		return name
	}
	return name + " (" + level + ")"
}

// RemoveUserSkill takes a skill from a user.
type RemoveUserSkill struct {
	Base
	User  string `json:"user"` // O365 ID or UPN
	Skill int64  `json:"skill"`
}

// Kind names the command.
func (RemoveUserSkill) Kind() string { return "user.skill.remove" }

func (cmd RemoveUserSkill) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, err := findUser(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the skills"); err != nil {
		return nil, err
	}
	held, err := q.UserSkills(u.ID)
	if err != nil {
		return nil, err
	}
	for _, h := range held {
		if h.Skill.ID == cmd.Skill {
			if err := q.RemoveUserSkill(u.ID, cmd.Skill); err != nil {
				return nil, err
			}
			return []data.JournalEntry{entry("user.skill.remove", u.UPN, skillText(h.Skill.Name, h.LevelName), "")}, nil
		}
	}
	return nil, &NotFoundError{What: "skill of " + displayName(u), Key: fmt.Sprint(cmd.Skill)}
}
