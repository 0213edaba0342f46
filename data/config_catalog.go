package data

import (
	"fmt"
	"sort"
	"strings"
)

// ConfigKind names one kind of configuration item, spelt as on the command line.
type ConfigKind string

// The kinds of configuration item an admin builds before anything can be assigned.
const (
	ConfigSkillCategories ConfigKind = "skill-categories"
	ConfigSkills          ConfigKind = "skills"
	ConfigProfiles        ConfigKind = "profiles"
	ConfigNAReasons       ConfigKind = "na-reasons"
	ConfigDomainTemplates ConfigKind = "domain-templates"
	ConfigSystemMessages  ConfigKind = "system-messages"
	ConfigCallTemplates   ConfigKind = "call-templates"
	ConfigCustomRoles     ConfigKind = "custom-roles"
)

// ConfigKinds lists the kinds in the order the configuration window shows them.
var ConfigKinds = []ConfigKind{ConfigSkillCategories, ConfigSkills, ConfigProfiles, ConfigNAReasons,
	ConfigDomainTemplates, ConfigSystemMessages, ConfigCallTemplates, ConfigCustomRoles}

// configUse is one way an item of a kind can be in use: count counts the users or
// items that use it and names lists a few of them, each with one "?" for the item's id.
// Both stay index lookups: the count reads no other table and the names stop at three.
// ous lists the distinct OUs those users or items live in.
type configUse struct{ kind, count, names, ous string }

// configUserUse is a use by users through a table with a user_id column.
func configUserUse(table, column string) configUse {
	return configUse{"user", `SELECT count(*) FROM ` + table + ` WHERE ` + column + ` = ?`,
		`SELECT ifnull(nullif(d.display_name, ''), d.upn) FROM (SELECT user_id FROM ` + table + ` WHERE ` + column + ` = ? LIMIT 3) x
		JOIN directory_users d ON d.id = x.user_id`,
		`SELECT DISTINCT u.ou_id FROM ` + table + ` x JOIN nimbus_users u ON u.id = x.user_id WHERE x.` + column + ` = ?`}
}

// configTable is how one kind is stored.
type configTable struct {
	table  string
	where  string // restricts the table to the kind's rows ("" for all)
	detail string // an SQL expression summarising a row for lists
	uses   []configUse
}

var configTables = map[ConfigKind]configTable{
	ConfigSkillCategories: {table: "skill_categories", detail: `ifnull((SELECT group_concat(l.name || ' (' || l.value || ')', ', ')
		FROM (SELECT name, value FROM skill_levels WHERE category_id = t.id ORDER BY value) l), 'no levels')`,
		uses: []configUse{{"skill", `SELECT count(*) FROM skills WHERE category_id = ?`,
			`SELECT name FROM skills WHERE category_id = ? ORDER BY name COLLATE NOCASE LIMIT 3`,
			`SELECT DISTINCT ou_id FROM skills WHERE category_id = ?`}}},
	ConfigSkills: {table: "skills", detail: `(SELECT name FROM skill_categories WHERE id = t.category_id)`,
		uses: []configUse{configUserUse("user_skills", "skill_id"),
			{"responsibility profile", `SELECT count(*) FROM profile_skills WHERE skill_id = ?`,
				`SELECT p.name FROM profile_skills x JOIN responsibility_profiles p ON p.id = x.profile_id WHERE x.skill_id = ?
				ORDER BY p.name COLLATE NOCASE LIMIT 3`,
				`SELECT DISTINCT p.ou_id FROM profile_skills x JOIN responsibility_profiles p ON p.id = x.profile_id WHERE x.skill_id = ?`}}},
	ConfigProfiles: {table: "responsibility_profiles", detail: `CASE t.builtin WHEN 'on_duty' THEN 'built in: all skills on' WHEN 'off_duty' THEN 'built in: all skills off' ELSE
		ifnull((SELECT group_concat(s.name || ifnull(' (' || l.name || ')', ''), ', ') FROM profile_skills ps
		JOIN skills s ON s.id = ps.skill_id LEFT JOIN skill_levels l ON l.id = ps.level_id WHERE ps.profile_id = t.id), 'no skills') END`,
		uses: []configUse{configUserUse("user_profiles", "profile_id")}},
	ConfigNAReasons:       {table: "na_reasons", detail: `''`, uses: []configUse{configUserUse("user_na_reasons", "reason_id")}},
	ConfigDomainTemplates: {table: "domain_templates", detail: `replace(t.origins, char(10), ', ')`, uses: []configUse{configUserUse("interact_users", "domain_template_id")}},
	ConfigSystemMessages: {table: "direct_system_messages", detail: `t.display_name || ': ' || t.welcome`,
		uses: []configUse{configUserUse("interact_users", "direct_system_message_id")}},
	ConfigCallTemplates: {table: "direct_call_templates", detail: `t.url`, uses: []configUse{configUserUse("user_call_templates", "template_id")}},
	ConfigCustomRoles: {table: "roles", where: "t.kind = 'custom'", detail: `t.description`,
		uses: []configUse{{"user", `SELECT count(DISTINCT user_id) FROM role_assignments WHERE role_id = ?`,
			`SELECT ifnull(nullif(d.display_name, ''), d.upn) FROM (SELECT DISTINCT user_id FROM role_assignments WHERE role_id = ? LIMIT 3) x
			JOIN directory_users d ON d.id = x.user_id`,
			`SELECT DISTINCT u.ou_id FROM role_assignments x JOIN nimbus_users u ON u.id = x.user_id WHERE x.role_id = ?`}}},
}

func configTableOf(k ConfigKind) (configTable, error) {
	t, ok := configTables[k]
	if !ok {
		return t, fmt.Errorf("unknown kind of configuration item %q", string(k))
	}
	return t, nil
}

// ConfigRow is one item of a kind as the configuration lists show it.
type ConfigRow struct {
	ID      int64
	Name    string
	OUID    int64
	Detail  string
	Builtin bool // On Duty and Off Duty
}

// ConfigRows lists the items of a kind by name.
func (q *Q) ConfigRows(k ConfigKind) ([]ConfigRow, error) {
	t, err := configTableOf(k)
	if err != nil {
		return nil, err
	}
	builtin, where, order := "0", "", "t.name COLLATE NOCASE"
	if k == ConfigProfiles {
		builtin, order = "t.builtin IS NOT NULL", "t.builtin IS NULL, "+order
	}
	if t.where != "" {
		where = " WHERE " + t.where
	}
	rows, err := q.db.QueryContext(q.ctx, `SELECT t.id, t.name, ifnull(t.ou_id, 0), ifnull(`+t.detail+`, ''), `+builtin+
		` FROM `+t.table+` t`+where+` ORDER BY `+order)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ConfigRow
	for rows.Next() {
		var r ConfigRow
		if err := rows.Scan(&r.ID, &r.Name, &r.OUID, &r.Detail, &r.Builtin); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ConfigRow reads one item of a kind; ErrNotFound when there is none with that id.
func (q *Q) ConfigRow(k ConfigKind, id int64) (ConfigRow, error) {
	rows, err := q.ConfigRows(k)
	if err != nil {
		return ConfigRow{}, err
	}
	for _, r := range rows {
		if r.ID == id {
			return r, nil
		}
	}
	return ConfigRow{}, ErrNotFound
}

// ConfigUse says how many of one kind of thing use an item, with the first few names.
type ConfigUse struct {
	Kind  string // "user", "skill", "responsibility profile"
	Count int
	Names []string // at most three, sorted by name
}

// ConfigUses says where an item of a kind is used; only the ways it is used are listed.
func (q *Q) ConfigUses(k ConfigKind, id int64) ([]ConfigUse, error) {
	t, err := configTableOf(k)
	if err != nil {
		return nil, err
	}
	return q.configUsesOf(t.uses, id)
}

// configUsesOf counts each use of the item id and reads the first few names.
func (q *Q) configUsesOf(uses []configUse, id int64) ([]ConfigUse, error) {
	var out []ConfigUse
	for _, u := range uses {
		use := ConfigUse{Kind: u.kind}
		if err := q.db.QueryRowContext(q.ctx, u.count, id).Scan(&use.Count); err != nil {
			return nil, err
		}
		if use.Count == 0 {
			continue
		}
		rows, err := q.db.QueryContext(q.ctx, u.names, id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return nil, err
			}
			use.Names = append(use.Names, n)
		}
		rows.Close()
		sort.Slice(use.Names, func(i, j int) bool { return strings.ToLower(use.Names[i]) < strings.ToLower(use.Names[j]) })
		out = append(out, use)
	}
	return out, nil
}

// ConfigDelete deletes one item of a kind (with its levels, profile skills or
// permissions); the caller has checked that nothing uses it.
func (q *Q) ConfigDelete(k ConfigKind, id int64) error {
	t, err := configTableOf(k)
	if err != nil {
		return err
	}
	_, err = q.exec(`DELETE FROM `+t.table+` WHERE id = ?`, id)
	return err
}

// ConfigNameTaken reports whether another item of the kind (not self) has the name,
// compared without case.
func (q *Q) ConfigNameTaken(k ConfigKind, name string, self int64) (bool, error) {
	t, err := configTableOf(k)
	if err != nil {
		return false, err
	}
	table := t.table
	if k == ConfigCustomRoles {
		table = "roles" // built-in role names are taken too
	}
	var n int
	err = q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM `+table+` WHERE name = ? COLLATE NOCASE AND id <> ?`,
		strings.TrimSpace(name), self).Scan(&n)
	return n > 0, err
}

// ConfigUseOUs lists, per kind of use, the OUs where the users or items that use an
// item live: an item can only move to an OU at or above all of them.
func (q *Q) ConfigUseOUs(k ConfigKind, id int64) (map[string][]int64, error) {
	t, err := configTableOf(k)
	if err != nil {
		return nil, err
	}
	out := map[string][]int64{}
	for _, u := range t.uses {
		rows, err := q.db.QueryContext(q.ctx, u.ous, id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var ou int64
			if err := rows.Scan(&ou); err != nil {
				rows.Close()
				return nil, err
			}
			out[u.kind] = append(out[u.kind], ou)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ConfigRenameMove gives an item of a kind a new name and OU.
func (q *Q) ConfigRenameMove(k ConfigKind, id int64, name string, ou int64) error {
	t, err := configTableOf(k)
	if err != nil {
		return err
	}
	_, err = q.exec(`UPDATE `+t.table+` SET name = ?, ou_id = ? WHERE id = ?`, name, ou, id)
	return err
}
