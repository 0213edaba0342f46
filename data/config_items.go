package data

import (
	"database/sql"
	"errors"
	"strings"
)

// ConfigLevel is one level of a skill category as an admin edits it.
type ConfigLevel struct {
	ID    int64 // the stored level; 0 for a new one
	Name  string
	Value int
}

// ConfigCreateSkillCategory adds a skill category with its levels and returns its id.
func (q *Q) ConfigCreateSkillCategory(name string, ou int64, levels []ConfigLevel) (int64, error) {
	id, err := q.configInsertID(`INSERT INTO skill_categories (name, ou_id) VALUES (?, ?)`, name, ou)
	if err != nil {
		return 0, err
	}
	for _, l := range levels {
		if _, err := q.exec(`INSERT INTO skill_levels (category_id, name, value) VALUES (?, ?, ?)`, id, l.Name, l.Value); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// ConfigCreateSkill adds a skill in a category and returns its id.
func (q *Q) ConfigCreateSkill(name string, categoryID, ou int64) (int64, error) {
	return q.configInsertID(`INSERT INTO skills (name, category_id, ou_id) VALUES (?, ?, ?)`, name, categoryID, ou)
}

// ConfigProfileSkill is one skill of a responsibility profile (LevelID 0: no level).
type ConfigProfileSkill struct{ SkillID, LevelID int64 }

// ConfigCreateProfile adds a responsibility profile with its skills and returns its id.
func (q *Q) ConfigCreateProfile(name string, ou int64, skills []ConfigProfileSkill) (int64, error) {
	id, err := q.configInsertID(`INSERT INTO responsibility_profiles (name, ou_id) VALUES (?, ?)`, name, ou)
	if err != nil {
		return 0, err
	}
	for _, s := range skills {
		var level any
		if s.LevelID != 0 {
			level = s.LevelID
		}
		if _, err := q.exec(`INSERT INTO profile_skills (profile_id, skill_id, level_id) VALUES (?, ?, ?)`, id, s.SkillID, level); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// ConfigCreateNAReason adds an N/A reason and returns its id.
func (q *Q) ConfigCreateNAReason(name string, ou int64) (int64, error) {
	return q.configInsertID(`INSERT INTO na_reasons (name, ou_id) VALUES (?, ?)`, name, ou)
}

// ConfigCreateDomainTemplate adds a domain template with its CORS origins and returns its id.
func (q *Q) ConfigCreateDomainTemplate(name string, ou int64, origins []string) (int64, error) {
	return q.configInsertID(`INSERT INTO domain_templates (name, ou_id, origins) VALUES (?, ?, ?)`, name, ou, strings.Join(origins, "\n"))
}

// ConfigCreateSystemMessage adds a direct system message and returns its id.
func (q *Q) ConfigCreateSystemMessage(name string, ou int64, displayName, welcome string) (int64, error) {
	return q.configInsertID(`INSERT INTO direct_system_messages (name, ou_id, display_name, welcome) VALUES (?, ?, ?, ?)`,
		name, ou, displayName, welcome)
}

// ConfigCreateCallTemplate adds a direct call template and returns its id.
func (q *Q) ConfigCreateCallTemplate(name string, ou int64, description, url string) (int64, error) {
	return q.configInsertID(`INSERT INTO direct_call_templates (name, ou_id, description, url) VALUES (?, ?, ?, ?)`,
		name, ou, description, url)
}

func (q *Q) configInsertID(query string, args ...any) (int64, error) {
	res, err := q.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// ConfigUpdateCustomRole changes a custom role's name, OU and description.
func (q *Q) ConfigUpdateCustomRole(id int64, name string, ou int64, description string) error {
	_, err := q.exec(`UPDATE roles SET name = ?, ou_id = ?, description = ? WHERE id = ? AND kind = 'custom'`, name, ou, description, id)
	return err
}

// RolePermissions reads a custom role's permission items with their CRUD bits
// (1 Create, 2 Read, 4 Update, 8 Delete); built-in roles have none.
func (q *Q) RolePermissions(roleID int64) (map[string]int, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT item, permissions FROM role_permissions WHERE role_id = ?`, roleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var item string
		var bits int
		if err := rows.Scan(&item, &bits); err != nil {
			return nil, err
		}
		out[item] = bits
	}
	return out, rows.Err()
}

// ConfigSetRolePermissions replaces a custom role's permission items.
func (q *Q) ConfigSetRolePermissions(roleID int64, perms map[string]int) error {
	if _, err := q.exec(`DELETE FROM role_permissions WHERE role_id = ?`, roleID); err != nil {
		return err
	}
	for item, bits := range perms {
		if err := q.SetRolePermission(roleID, item, bits); err != nil {
			return err
		}
	}
	return nil
}

// ConfigRoleHolder is a user who holds a role, with the OU scope they hold it in.
type ConfigRoleHolder struct {
	UserID      string
	DisplayName string
	UPN         string
	ScopeOUID   int64
}

// ConfigRoleHolders lists the users holding a role, by name.
func (q *Q) ConfigRoleHolders(roleID int64) ([]ConfigRoleHolder, error) {
	return q.configRoleHolders("", roleID)
}

// configRoleHolders reads the holders of a role by name, then by the OU scope they hold it
// in; tail continues the ORDER BY (a page adds its limit), args start with the role's id.
func (q *Q) configRoleHolders(tail string, args ...any) ([]ConfigRoleHolder, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT d.id, ifnull(d.display_name, ''), d.upn, a.scope_ou_id
		FROM role_assignments a JOIN directory_users d ON d.id = a.user_id WHERE a.role_id = ?
		ORDER BY ifnull(d.display_name, d.upn) COLLATE NOCASE, a.scope_ou_id`+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ConfigRoleHolder
	for rows.Next() {
		var h ConfigRoleHolder
		if err := rows.Scan(&h.UserID, &h.DisplayName, &h.UPN, &h.ScopeOUID); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ConfigSkillCategory reads one skill category with its levels.
func (q *Q) ConfigSkillCategory(id int64) (SkillCategory, error) {
	var c SkillCategory
	err := q.db.QueryRowContext(q.ctx, `SELECT id, name, ou_id FROM skill_categories WHERE id = ?`, id).Scan(&c.ID, &c.Name, &c.OUID)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	} else if err != nil {
		return c, err
	}
	c.Levels, err = q.SkillLevels(id)
	return c, err
}

// ConfigUpdateTenantSettings writes the settings an admin edits: Interact, the widget
// key, the snippet template, the default OU for Teams users and the admin group.
func (q *Q) ConfigUpdateTenantSettings(s TenantSettings) error {
	var defOU any
	if s.DefaultTeamsOUID != 0 {
		defOU = s.DefaultTeamsOUID
	}
	_, err := q.exec(`UPDATE tenant_settings SET interact_enabled = ?, widget_key = ?, snippet_template = ?,
		default_teams_ou_id = ?, admin_security_group = ? WHERE id = 1`,
		s.InteractEnabled, s.WidgetKey, s.SnippetTemplate, defOU, s.AdminSecurityGroup)
	return err
}
