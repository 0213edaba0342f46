package data

// DetailSkillRow is a skill of the tenant's catalogue with its category's name, for the
// list of skills an admin may give a user.
type DetailSkillRow struct {
	Skill    Skill
	Category string
}

// DetailSkills lists every skill with its category, by skill name.
func (q *Q) DetailSkills() ([]DetailSkillRow, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT s.id, s.name, s.category_id, s.ou_id, c.name
		FROM skills s JOIN skill_categories c ON c.id = s.category_id ORDER BY s.name COLLATE NOCASE, s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DetailSkillRow
	for rows.Next() {
		var r DetailSkillRow
		s := &r.Skill
		if err := rows.Scan(&s.ID, &s.Name, &s.CategoryID, &s.OUID, &r.Category); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DetailProfiles lists every responsibility profile, the built-ins first, then by name.
func (q *Q) DetailProfiles() ([]Profile, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, name, ou_id, ifnull(builtin, '') FROM responsibility_profiles
		ORDER BY builtin IS NULL, builtin DESC, name COLLATE NOCASE, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Profile
	for rows.Next() {
		var p Profile
		if err := rows.Scan(&p.ID, &p.Name, &p.OUID, &p.Builtin); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
