package data

import (
	"database/sql"
	"errors"
)

// Skill reads one skill.
func (q *Q) Skill(id int64) (Skill, error) {
	var s Skill
	err := q.db.QueryRowContext(q.ctx, `SELECT id, name, category_id, ou_id FROM skills WHERE id = ?`, id).
		Scan(&s.ID, &s.Name, &s.CategoryID, &s.OUID)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, err
}

// SkillLevels lists the levels of a skill category, lowest value first.
func (q *Q) SkillLevels(categoryID int64) ([]SkillLevel, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, name, value FROM skill_levels WHERE category_id = ? ORDER BY value`, categoryID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SkillLevel
	for rows.Next() {
		var l SkillLevel
		if err := rows.Scan(&l.ID, &l.Name, &l.Value); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// UserSkills lists a user's skills with category and level, by skill name.
func (q *Q) UserSkills(userID string) ([]UserSkill, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT s.id, s.name, s.category_id, s.ou_id, c.name,
		ifnull(l.id, 0), ifnull(l.name, '')
		FROM user_skills us JOIN skills s ON s.id = us.skill_id
		JOIN skill_categories c ON c.id = s.category_id
		LEFT JOIN skill_levels l ON l.id = us.level_id
		WHERE us.user_id = ? ORDER BY s.name COLLATE NOCASE`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UserSkill
	for rows.Next() {
		var us UserSkill
		s := &us.Skill
		if err := rows.Scan(&s.ID, &s.Name, &s.CategoryID, &s.OUID, &us.Category, &us.LevelID, &us.LevelName); err != nil {
			return nil, err
		}
		out = append(out, us)
	}
	return out, rows.Err()
}

// SetUserSkill gives a user a skill at a level (0: the category has no levels), or
// changes the level of one they hold.
func (q *Q) SetUserSkill(userID string, skillID, levelID int64) error {
	var level any
	if levelID != 0 {
		level = levelID
	}
	_, err := q.exec(`INSERT INTO user_skills (user_id, skill_id, level_id) VALUES (?, ?, ?)
		ON CONFLICT (user_id, skill_id) DO UPDATE SET level_id = excluded.level_id`, userID, skillID, level)
	return err
}

// RemoveUserSkill takes a skill from a user.
func (q *Q) RemoveUserSkill(userID string, skillID int64) error {
	_, err := q.exec(`DELETE FROM user_skills WHERE user_id = ? AND skill_id = ?`, userID, skillID)
	return err
}

// Profile reads one responsibility profile.
func (q *Q) Profile(id int64) (Profile, error) {
	var p Profile
	err := q.db.QueryRowContext(q.ctx, `SELECT id, name, ou_id, ifnull(builtin, '') FROM responsibility_profiles WHERE id = ?`, id).
		Scan(&p.ID, &p.Name, &p.OUID, &p.Builtin)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// BuiltinProfile reads the built-in profile "on_duty" or "off_duty".
func (q *Q) BuiltinProfile(key string) (Profile, error) {
	var p Profile
	err := q.db.QueryRowContext(q.ctx, `SELECT id, name, ou_id, builtin FROM responsibility_profiles WHERE builtin = ?`, key).
		Scan(&p.ID, &p.Name, &p.OUID, &p.Builtin)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// UserProfiles lists the profiles assigned to a user, built-ins first.
func (q *Q) UserProfiles(userID string) ([]UserProfile, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT p.id, p.name, p.ou_id, ifnull(p.builtin, ''), up.active
		FROM user_profiles up JOIN responsibility_profiles p ON p.id = up.profile_id
		WHERE up.user_id = ? ORDER BY p.builtin IS NULL, p.name COLLATE NOCASE`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UserProfile
	for rows.Next() {
		var p UserProfile
		if err := rows.Scan(&p.ID, &p.Name, &p.OUID, &p.Builtin, &p.Active); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AssignProfile assigns a profile to a user (inactive).
func (q *Q) AssignProfile(userID string, profileID int64) error {
	_, err := q.exec(`INSERT OR IGNORE INTO user_profiles (user_id, profile_id) VALUES (?, ?)`, userID, profileID)
	return err
}

// UnassignProfile removes a profile from a user.
func (q *Q) UnassignProfile(userID string, profileID int64) error {
	_, err := q.exec(`DELETE FROM user_profiles WHERE user_id = ? AND profile_id = ?`, userID, profileID)
	return err
}

// SetActiveProfile makes one of a user's profiles the active one (0: none active).
func (q *Q) SetActiveProfile(userID string, profileID int64) error {
	if _, err := q.exec(`UPDATE user_profiles SET active = 0 WHERE user_id = ? AND active`, userID); err != nil {
		return err
	}
	_, err := q.exec(`UPDATE user_profiles SET active = 1 WHERE user_id = ? AND profile_id = ?`, userID, profileID)
	return err
}
