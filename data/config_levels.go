package data

import "fmt"

// configLevelUses are the ways a skill level is used: users and responsibility profiles
// holding a skill at that level. One of them may hold several skills of the category at
// the same level, so each is counted and named once.
var configLevelUses = []configUse{
	{"user", `SELECT count(DISTINCT user_id) FROM user_skills WHERE level_id = ?`,
		`SELECT ifnull(nullif(d.display_name, ''), d.upn) FROM (SELECT DISTINCT user_id FROM user_skills WHERE level_id = ? LIMIT 3) x
		JOIN directory_users d ON d.id = x.user_id`,
		`SELECT DISTINCT u.ou_id FROM user_skills x JOIN nimbus_users u ON u.id = x.user_id WHERE x.level_id = ?`},
	{"responsibility profile", `SELECT count(DISTINCT profile_id) FROM profile_skills WHERE level_id = ?`,
		`SELECT p.name FROM responsibility_profiles p WHERE p.id IN (SELECT profile_id FROM profile_skills WHERE level_id = ?)
		ORDER BY p.name COLLATE NOCASE LIMIT 3`,
		`SELECT DISTINCT p.ou_id FROM profile_skills x JOIN responsibility_profiles p ON p.id = x.profile_id WHERE x.level_id = ?`}}

// ConfigLevelUses says which users and responsibility profiles hold a skill at a level,
// with the first few names; only kinds with a use are listed.
func (q *Q) ConfigLevelUses(levelID int64) ([]ConfigUse, error) {
	return q.configUsesOf(configLevelUses, levelID)
}

// ConfigSetSkillLevels replaces the levels of a category: a level with an id takes its
// new name and number, a level with id 0 is added, and the levels in removed are deleted
// (the caller has checked that nobody holds them). Numbers are unique in a category, so
// every level first takes a temporary negative number: renumbering never collides.
func (q *Q) ConfigSetSkillLevels(categoryID int64, levels []ConfigLevel, removed []int64) error {
	if _, err := q.exec(`UPDATE skill_levels SET value = -id WHERE category_id = ?`, categoryID); err != nil {
		return err
	}
	for _, id := range removed {
		if _, err := q.exec(`DELETE FROM skill_levels WHERE id = ? AND category_id = ?`, id, categoryID); err != nil {
			return err
		}
	}
	for _, l := range levels {
		if l.ID == 0 {
			continue
		}
		res, err := q.exec(`UPDATE skill_levels SET name = ?, value = ? WHERE id = ? AND category_id = ?`, l.Name, l.Value, l.ID, categoryID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return fmt.Errorf("level %d is not a level of skill category %d", l.ID, categoryID)
		}
	}
	for _, l := range levels {
		if l.ID != 0 {
			continue
		}
		if _, err := q.exec(`INSERT INTO skill_levels (category_id, name, value) VALUES (?, ?, ?)`, categoryID, l.Name, l.Value); err != nil {
			return err
		}
	}
	return nil
}

// ConfigGiveMissingLevels gives the level to every user and responsibility profile that
// holds a skill of the category without a level, and says how many of each it changed.
func (q *Q) ConfigGiveMissingLevels(categoryID, levelID int64) (users, profiles int, err error) {
	for _, t := range []struct {
		table string
		n     *int
	}{{"user_skills", &users}, {"profile_skills", &profiles}} {
		res, err := q.exec(`UPDATE `+t.table+` SET level_id = ? WHERE level_id IS NULL
			AND skill_id IN (SELECT id FROM skills WHERE category_id = ?)`, levelID, categoryID)
		if err != nil {
			return 0, 0, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, 0, err
		}
		*t.n = int(n)
	}
	return users, profiles, nil
}
