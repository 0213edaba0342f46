package demo

import (
	"database/sql"
	"testing"
)

// ancestors pairs every OU (ou) with itself and each of its ancestors (a).
const ancestors = `WITH RECURSIVE anc(ou, a) AS (
	SELECT id, id FROM organization_units
	UNION ALL SELECT anc.ou, o.parent_id FROM anc JOIN organization_units o ON o.id = anc.a
	WHERE o.parent_id IS NOT NULL)`

// checkTenant asserts the rules every demo tenant keeps, whatever its size.
func checkTenant(t *testing.T, db *sql.DB, n int) {
	t.Helper()
	if got := count(t, db, `SELECT COUNT(*) FROM nimbus_users`); got != n {
		t.Errorf("%d Nimbus users, want %d", got, n)
	}
	if got := count(t, db, `SELECT COUNT(*) FROM tenant_settings WHERE tenant_id = 'demo' AND tenant_name = 'Contoso Demo'
		AND is_demo AND demo_users = ? AND interact_enabled AND length(widget_key) = 32
		AND instr(snippet_template, '{{contactId}}') AND admin_security_group = 'Nimbus Tenant Admins'`, n); got != 1 {
		t.Error("tenant settings are not the demo tenant's")
	}
	if got := count(t, db, `SELECT COUNT(*) FROM tenant_settings s JOIN organization_units o ON o.id = s.default_teams_ou_id
		JOIN organization_units root ON root.id = o.parent_id AND root.parent_id IS NULL
		WHERE o.name = 'Teams Users' AND root.name = 'Contoso Demo'`); got != 1 {
		t.Error("the default Teams OU is not 'Teams Users' below the root")
	}
	if got := count(t, db, `SELECT COUNT(DISTINCT licences) FROM nimbus_users`); got != 16 {
		t.Errorf("%d licence combinations, want all 16", got)
	}
	if got := count(t, db, `SELECT COUNT(*) FROM nimbus_users n JOIN directory_users d ON d.id = n.id`); got != n {
		t.Errorf("%d Nimbus users are in the directory, want %d", got, n)
	}
	none(t, db, "duplicate UPNs", `SELECT COUNT(*) FROM (SELECT lower(upn) FROM directory_users GROUP BY 1 HAVING COUNT(*) > 1)`)
	none(t, db, "journal entries", `SELECT COUNT(*) FROM journal`)

	// Names an admin could have typed keep the name rule: trimmed, 1-256 characters, no
	// control characters, not only digits, not "." or ".."; OUs without "/", and none
	// directly below the root named like it.
	for _, table := range []string{"organization_units", "services", "skill_categories", "skill_levels", "skills",
		"responsibility_profiles", "na_reasons", "domain_templates", "direct_system_messages", "direct_call_templates", "roles"} {
		none(t, db, "names against the name rule in "+table, `SELECT COUNT(*) FROM `+table+` WHERE name <> trim(name)
			OR length(name) NOT BETWEEN 1 AND 256 OR name NOT GLOB '*[^0-9]*' OR name IN ('.', '..')
			OR name GLOB '*['||char(1)||'-'||char(31)||char(127)||']*'`)
	}
	none(t, db, "OU names with a slash", `SELECT COUNT(*) FROM organization_units WHERE instr(name, '/')`)
	none(t, db, "OUs below the root named like it", `SELECT COUNT(*) FROM organization_units o
		JOIN organization_units root ON root.id = o.parent_id AND root.parent_id IS NULL WHERE lower(o.name) = lower(root.name)`)

	if got := count(t, db, `SELECT COUNT(*) FROM licence_contingents`); got != 4 {
		t.Errorf("%d licences with a contingent, want all 4", got)
	}
	none(t, db, "licences held by more users than their contingent allows", `SELECT COUNT(*) FROM licence_contingents c
		WHERE (SELECT COUNT(*) FROM nimbus_users WHERE licences & c.licence <> 0) > c.contingent`)
	none(t, db, "contingents without room for a few more grants", `SELECT COUNT(*) FROM licence_contingents c
		WHERE c.contingent < (SELECT COUNT(*) FROM nimbus_users WHERE licences & c.licence <> 0) + 5`)

	// Services and their members.
	none(t, db, "Team members (Nimbus users) missing from their service", `SELECT COUNT(*) FROM (
		SELECT s.id, m.user_id, m.role FROM services s JOIN team_members m ON m.team_id = s.team_id
		JOIN nimbus_users n ON n.id = m.user_id WHERE s.assignment_type = 'teams'
		EXCEPT SELECT service_id, user_id, membership FROM service_members)`)
	none(t, db, "Teams-based service members not in the Team", `SELECT COUNT(*) FROM (
		SELECT m.service_id, m.user_id, m.membership FROM service_members m
		JOIN services s ON s.id = m.service_id WHERE s.assignment_type = 'teams'
		EXCEPT SELECT s.id, m.user_id, m.role FROM services s JOIN team_members m ON m.team_id = s.team_id)`)
	none(t, db, "Teams without an owner", `SELECT COUNT(*) FROM teams t
		WHERE NOT EXISTS (SELECT 1 FROM team_members WHERE team_id = t.id AND role = 'owner')`)
	none(t, db, "Teams-based services without their Team", `SELECT COUNT(*) FROM services s
		WHERE assignment_type = 'teams' AND NOT EXISTS (SELECT 1 FROM teams WHERE id = s.team_id)`)
	none(t, db, "Skill-based agents or owners without Contact Center", `SELECT COUNT(*) FROM service_members m
		JOIN services s ON s.id = m.service_id JOIN nimbus_users n ON n.id = m.user_id
		WHERE s.assignment_type = 'skill' AND (n.licences & 1 = 0 OR m.membership NOT IN ('agent', 'owner'))`)
	none(t, db, "Skill-based services with agents or owners that are not Contact Center services", `SELECT COUNT(*) FROM services s
		WHERE assignment_type = 'skill' AND licence <> 'contact-center' AND EXISTS (SELECT 1 FROM service_members WHERE service_id = s.id)`)
	none(t, db, "users of a service both active and inactive", `SELECT COUNT(*) FROM (SELECT service_id, user_id FROM service_members
		GROUP BY service_id, user_id HAVING MIN(active) <> MAX(active))`)
	none(t, db, "inactive users outside MS Teams-based services", `SELECT COUNT(*) FROM service_members m
		JOIN services s ON s.id = m.service_id WHERE NOT m.active AND s.assignment_type <> 'teams'`)
	some(t, db, "inactive members of MS Teams-based services", `SELECT COUNT(*) FROM service_members WHERE NOT active`)
	none(t, db, "Skill-based services without agents", `SELECT COUNT(*) FROM services s WHERE assignment_type = 'skill'
		AND NOT EXISTS (SELECT 1 FROM service_members WHERE service_id = s.id AND membership = 'agent')`)
	none(t, db, "members of None services", `SELECT COUNT(*) FROM service_members m
		JOIN services s ON s.id = m.service_id WHERE s.assignment_type = 'none'`)
	none(t, db, "Teams-origin users in no Teams-based service", `SELECT COUNT(*) FROM nimbus_users n
		WHERE origin = 'teams' AND NOT EXISTS (SELECT 1 FROM service_members m JOIN services s ON s.id = m.service_id
			WHERE m.user_id = n.id AND s.assignment_type = 'teams')`)

	// Roles.
	none(t, db, "Teams-based memberships without their auto-granted role", `SELECT COUNT(*) FROM service_members m
		JOIN services s ON s.id = m.service_id WHERE s.assignment_type = 'teams' AND NOT EXISTS (
			SELECT 1 FROM role_assignments a JOIN roles r ON r.id = a.role_id
			WHERE a.user_id = m.user_id AND a.source_service_id = s.id AND a.auto_granted AND a.scope_ou_id = s.ou_id
			AND (r.builtin_key = 'team_member' AND m.membership = 'member'
				OR r.builtin_key IN ('team_owner', 'team_owner_limited') AND m.membership = 'owner'))`)
	none(t, db, "Teams-based owners without exactly one of Team Owner and Team Owner (limited) from their service", `SELECT COUNT(*)
		FROM service_members m JOIN services s ON s.id = m.service_id
		WHERE s.assignment_type = 'teams' AND m.membership = 'owner' AND (SELECT COUNT(*) FROM role_assignments a
			JOIN roles r ON r.id = a.role_id WHERE a.user_id = m.user_id AND a.source_service_id = s.id
			AND r.builtin_key IN ('team_owner', 'team_owner_limited')) <> 1`)
	none(t, db, "Team Owner roles held without owning the service's Team", `SELECT COUNT(*) FROM role_assignments a
		JOIN roles r ON r.id = a.role_id JOIN services s ON s.id = a.source_service_id
		WHERE r.builtin_key IN ('team_owner', 'team_owner_limited') AND (s.assignment_type <> 'teams' OR NOT EXISTS (
			SELECT 1 FROM service_members m WHERE m.service_id = s.id AND m.user_id = a.user_id AND m.membership = 'owner'))`)
	some(t, db, "owners holding Team Owner (limited)", `SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
		WHERE r.builtin_key = 'team_owner_limited'`)
	some(t, db, "Teams-based services giving new owners Team Owner (limited)", `SELECT COUNT(*) FROM services
		WHERE assignment_type = 'teams' AND default_owner_role = 'limited'`)
	none(t, db, "Team owners holding another role than their service's default", `SELECT COUNT(*) FROM role_assignments a
		JOIN roles r ON r.id = a.role_id JOIN services s ON s.id = a.source_service_id
		WHERE r.builtin_key IN ('team_owner', 'team_owner_limited')
		AND r.builtin_key <> CASE s.default_owner_role WHEN 'limited' THEN 'team_owner_limited' ELSE 'team_owner' END`)
	none(t, db, "auto-granted service roles without their membership", `SELECT COUNT(*) FROM role_assignments a
		JOIN roles r ON r.id = a.role_id WHERE a.auto_granted AND a.source_service_id IS NOT NULL AND NOT EXISTS (
			SELECT 1 FROM service_members m JOIN services s ON s.id = m.service_id
			WHERE m.service_id = a.source_service_id AND m.user_id = a.user_id
			AND m.membership = CASE r.builtin_key WHEN 'team_owner' THEN 'owner' WHEN 'team_owner_limited' THEN 'owner'
				WHEN 'service_owner' THEN 'owner' WHEN 'agent' THEN 'agent' ELSE 'member' END)`)
	none(t, db, "roles that follow Teams, services or the admin group given by hand", `SELECT COUNT(*) FROM role_assignments a
		JOIN roles r ON r.id = a.role_id WHERE NOT a.auto_granted
		AND r.builtin_key IN ('team_member', 'team_owner', 'team_owner_limited', 'agent', 'service_owner', 'tenant_admin')`)
	none(t, db, "Skill-based memberships without their Agent or Service Owner role", `SELECT COUNT(*) FROM service_members m
		JOIN services s ON s.id = m.service_id WHERE s.assignment_type = 'skill' AND NOT EXISTS (
			SELECT 1 FROM role_assignments a JOIN roles r ON r.id = a.role_id
			WHERE a.user_id = m.user_id AND a.source_service_id = s.id AND a.scope_ou_id = s.ou_id
			AND r.builtin_key = CASE m.membership WHEN 'owner' THEN 'service_owner' ELSE 'agent' END)`)
	none(t, db, "roles needing Contact Center without it", `SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
		JOIN nimbus_users n ON n.id = a.user_id WHERE n.licences & 1 = 0 AND (r.kind = 'custom'
			OR r.builtin_key IN ('supervisor_user', 'supervisor_service', 'skill_based_user', 'agent', 'service_owner'))`)
	none(t, db, "users with more than 5 custom roles", `SELECT COUNT(*) FROM (SELECT a.user_id FROM role_assignments a
		JOIN roles r ON r.id = a.role_id WHERE r.kind = 'custom' GROUP BY a.user_id HAVING COUNT(*) > 5)`)
	none(t, db, "permissions granting C, U or D without R", `SELECT COUNT(*) FROM role_permissions
		WHERE permissions & 13 AND permissions & 2 = 0`)
	none(t, db, "custom roles whose Users differ from Users list", `SELECT COUNT(*) FROM roles r WHERE kind = 'custom' AND
		ifnull((SELECT permissions FROM role_permissions WHERE role_id = r.id AND item = 'services.users.users'), 0) <>
		ifnull((SELECT permissions FROM role_permissions WHERE role_id = r.id AND item = 'services.users.list'), 0)`)
	none(t, db, "custom roles without permissions", `SELECT COUNT(*) FROM roles r
		WHERE kind = 'custom' AND NOT EXISTS (SELECT 1 FROM role_permissions WHERE role_id = r.id)`)

	// Everything assigned to a user lives in the user's OU or above.
	for what, pairs := range map[string]string{
		"skills":                 `SELECT n.ou_id, k.ou_id FROM user_skills x JOIN skills k ON k.id = x.skill_id JOIN nimbus_users n ON n.id = x.user_id`,
		"profiles":               `SELECT n.ou_id, k.ou_id FROM user_profiles x JOIN responsibility_profiles k ON k.id = x.profile_id JOIN nimbus_users n ON n.id = x.user_id`,
		"N/A reasons":            `SELECT n.ou_id, k.ou_id FROM user_na_reasons x JOIN na_reasons k ON k.id = x.reason_id JOIN nimbus_users n ON n.id = x.user_id`,
		"domain templates":       `SELECT n.ou_id, k.ou_id FROM interact_users x JOIN domain_templates k ON k.id = x.domain_template_id JOIN nimbus_users n ON n.id = x.user_id`,
		"direct system messages": `SELECT n.ou_id, k.ou_id FROM interact_users x JOIN direct_system_messages k ON k.id = x.direct_system_message_id JOIN nimbus_users n ON n.id = x.user_id`,
		"call templates":         `SELECT n.ou_id, k.ou_id FROM user_call_templates x JOIN direct_call_templates k ON k.id = x.template_id JOIN nimbus_users n ON n.id = x.user_id`,
		"custom roles":           `SELECT n.ou_id, k.ou_id FROM role_assignments x JOIN roles k ON k.id = x.role_id AND k.kind = 'custom' JOIN nimbus_users n ON n.id = x.user_id`,
	} {
		if n >= 2000 {
			some(t, db, what+" assigned", `SELECT COUNT(*) FROM (`+pairs+`)`)
		}
		none(t, db, what+" from below the user's OU", ancestors+`, pairs(user_ou, item_ou) AS (`+pairs+`)
			SELECT COUNT(*) FROM pairs WHERE NOT EXISTS (SELECT 1 FROM anc WHERE anc.ou = pairs.user_ou AND anc.a = pairs.item_ou)`)
	}

	// Skills, profiles, N/A reasons.
	none(t, db, "skills, profiles or N/A reasons without Contact Center", `SELECT COUNT(*) FROM nimbus_users n
		WHERE licences & 1 = 0 AND (EXISTS (SELECT 1 FROM user_skills WHERE user_id = n.id)
			OR EXISTS (SELECT 1 FROM user_profiles WHERE user_id = n.id)
			OR EXISTS (SELECT 1 FROM user_na_reasons WHERE user_id = n.id))`)
	none(t, db, "skill levels of another category", `SELECT COUNT(*) FROM user_skills x JOIN skills k ON k.id = x.skill_id
		JOIN skill_levels l ON l.id = x.level_id WHERE l.category_id <> k.category_id`)
	none(t, db, "skills without a level in a category with levels", `SELECT COUNT(*) FROM user_skills x
		JOIN skills k ON k.id = x.skill_id WHERE x.level_id IS NULL
		AND EXISTS (SELECT 1 FROM skill_levels WHERE category_id = k.category_id)`)
	none(t, db, "users with profiles but not exactly one active", `SELECT COUNT(*) FROM (
		SELECT user_id FROM user_profiles GROUP BY user_id HAVING SUM(active) <> 1)`)
	none(t, db, "users with profiles but without On Duty and Off Duty", `SELECT COUNT(*) FROM (
		SELECT x.user_id FROM user_profiles x JOIN responsibility_profiles p ON p.id = x.profile_id
		GROUP BY x.user_id HAVING COUNT(p.builtin) <> 2)`)
	none(t, db, "Contact Center users without an active profile", `SELECT COUNT(*) FROM nimbus_users n
		WHERE licences & 1 AND NOT EXISTS (SELECT 1 FROM user_profiles WHERE user_id = n.id AND active)`)
	none(t, db, "N/A reasons enabled without a reason", `SELECT COUNT(*) FROM nimbus_users n
		WHERE na_reasons_enabled AND NOT EXISTS (SELECT 1 FROM user_na_reasons WHERE user_id = n.id)`)
	none(t, db, "N/A reason lists not numbered 0..k-1", `SELECT COUNT(*) FROM (SELECT user_id FROM user_na_reasons
		GROUP BY user_id HAVING MIN(position) <> 0 OR MAX(position) <> COUNT(*) - 1 OR COUNT(DISTINCT position) <> COUNT(*))`)

	// Interact and Assistant.
	none(t, db, "Interact settings without the Interact licence", `SELECT COUNT(*) FROM interact_users x
		JOIN nimbus_users n ON n.id = x.user_id WHERE n.licences & 4 = 0`)
	none(t, db, "Interact users without settings", `SELECT COUNT(*) FROM nimbus_users n
		WHERE licences & 4 AND NOT EXISTS (SELECT 1 FROM interact_users WHERE user_id = n.id)`)
	none(t, db, "direct system messages without Instant Messaging", `SELECT COUNT(*) FROM interact_users
		WHERE direct_system_message_id IS NOT NULL AND NOT instant_messaging`)
	none(t, db, "restricted access without a domain template", `SELECT COUNT(*) FROM interact_users
		WHERE restrict_access AND domain_template_id IS NULL`)
	none(t, db, "contact ids that are not UUID-shaped", `SELECT COUNT(*) FROM interact_users WHERE length(contact_id) <> 36
		OR contact_id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-*-*-*'`)
	none(t, db, "call templates without the Assistant licence", `SELECT COUNT(*) FROM user_call_templates x
		JOIN nimbus_users n ON n.id = x.user_id WHERE n.licences & 8 = 0`)
	none(t, db, "call template lists not numbered 0..k-1", `SELECT COUNT(*) FROM (SELECT user_id FROM user_call_templates
		GROUP BY user_id HAVING MIN(position) <> 0 OR MAX(position) <> COUNT(*) - 1 OR COUNT(DISTINCT position) <> COUNT(*))`)

	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		var table string
		var rowid sql.NullInt64
		var parent string
		var fk int
		rows.Scan(&table, &rowid, &parent, &fk)
		t.Errorf("foreign_key_check: %s row %v refers to a missing %s", table, rowid.Int64, parent)
	}
}
