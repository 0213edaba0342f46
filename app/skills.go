package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/data"
)

// userInTree loads a user and the OU tree, for the rules that look at both.
func userInTree(q *data.Q, idOrUPN string) (data.NimbusUser, *OUTree, error) {
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
// category (levelID 0 only when the category has no levels), or changes its level.
func (a *App) SetUserSkill(ctx context.Context, idOrUPN string, skillID, levelID int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		u, tree, err := userInTree(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		if err := may.user(u, "changing the skills"); err != nil {
			return nil, err
		}
		if err := needsLicence(u, data.ContactCenter, "Skills"); err != nil {
			return nil, err
		}
		skill, err := q.Skill(skillID)
		if errors.Is(err, data.ErrNotFound) {
			return nil, &NotFoundError{What: "skill", Key: fmt.Sprint(skillID)}
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
		level, err := pickLevel(skill, levels, levelID)
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
		if err := q.SetUserSkill(u.ID, skill.ID, levelID); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.skill.set", u.UPN, old, skillText(skill.Name, level))}, nil
	})
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
func (a *App) RemoveUserSkill(ctx context.Context, idOrUPN string, skillID int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		u, err := findUser(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		if err := may.user(u, "changing the skills"); err != nil {
			return nil, err
		}
		held, err := q.UserSkills(u.ID)
		if err != nil {
			return nil, err
		}
		for _, h := range held {
			if h.Skill.ID == skillID {
				if err := q.RemoveUserSkill(u.ID, skillID); err != nil {
					return nil, err
				}
				return []data.JournalEntry{entry("user.skill.remove", u.UPN, skillText(h.Skill.Name, h.LevelName), "")}, nil
			}
		}
		return nil, &NotFoundError{What: "skill of " + displayName(u), Key: fmt.Sprint(skillID)}
	})
}

// AssignProfile assigns a responsibility profile from the user's OU or above; the
// built-in On Duty and Off Duty live in the root and so are always available.
func (a *App) AssignProfile(ctx context.Context, idOrUPN string, profileID int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		u, tree, err := userInTree(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		if err := may.user(u, "changing the responsibility profiles"); err != nil {
			return nil, err
		}
		if err := needsLicence(u, data.ContactCenter, "Profiles"); err != nil {
			return nil, err
		}
		p, err := q.Profile(profileID)
		if errors.Is(err, data.ErrNotFound) {
			return nil, &NotFoundError{What: "responsibility profile", Key: fmt.Sprint(profileID)}
		} else if err != nil {
			return nil, err
		}
		if err := checkAssignable(tree, u, "responsibility profile", p.Name, p.OUID); err != nil {
			return nil, err
		}
		if err := q.AssignProfile(u.ID, p.ID); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.profile.add", u.UPN, "", p.Name)}, nil
	})
}

// SetActiveProfile makes one of the user's assigned profiles the active one.
func (a *App) SetActiveProfile(ctx context.Context, idOrUPN string, profileID int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		u, err := findUser(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		if err := may.user(u, "changing the active profile"); err != nil {
			return nil, err
		}
		profiles, err := q.UserProfiles(u.ID)
		if err != nil {
			return nil, err
		}
		old, next := "", ""
		for _, p := range profiles {
			if p.Active {
				old = p.Name
			}
			if p.ID == profileID {
				next = p.Name
			}
		}
		if next == "" {
			return nil, refuse("profile.unassigned", "assign the profile to %s before making it active", displayName(u))
		}
		if err := q.SetActiveProfile(u.ID, profileID); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.profile.active", u.UPN, old, next)}, nil
	})
}
